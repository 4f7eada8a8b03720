/// What a check says when the unit lacks what it judges: the check's `absent:` policy applied.
///
/// Most units lack some objects of their MIB or map (a camera without a clock object, an NVR
/// whose disk table has no status column); that is *not supported*, never a fault, unless the
/// profile says the object must be there.
struct AbsentOutcome {
    var status: CheckStatus
    var finding: Finding
    var note: String?

    static let defaultInstruction = LocalizedText(zh: "设备未报告此项，请现场检查", en: "The unit does not report this: check it on site")

    init(_ check: CheckSpec, what: String) {
        switch check.absent {
        case .unsupported:
            status = .unsupported
            finding = .notSupported
            note = "not supported by this unit"
        case .manual:
            let instruction = check.absentInstruction ?? Self.defaultInstruction
            status = .manual
            finding = .manual(instruction: instruction)
            note = instruction.en
        case .warn, .fail:
            status = check.absent == .warn ? .warn : .fail
            finding = .notSupported
            note = "the unit does not report it (\(what)), and this profile requires it"
        case .pass:
            status = .pass
            finding = .notSupported
            note = nil
        case .error:
            status = .error
            finding = .unreadable
            note = "the unit does not have it (\(what)), and this profile requires it"
        }
    }
}
