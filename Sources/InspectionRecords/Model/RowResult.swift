import CheckupCore

/// The result column of the monthly form: 正常 / 异常 / 待检.
public enum RowResult: String, Sendable, Codable, CaseIterable {
    case normal
    case abnormal
    /// Not judged yet: a row for a person, or a step that was not run.
    case toCheck = "to-check"

    public var title: LocalizedText {
        switch self {
        case .normal: LocalizedText(zh: "正常", en: "Normal")
        case .abnormal: LocalizedText(zh: "异常", en: "Abnormal")
        case .toCheck: LocalizedText(zh: "待检", en: "To check")
        }
    }

    /// The row result of a machine verdict: a warning is already a fault on the form.
    public init(_ status: CheckStatus) {
        switch status {
        case .pass: self = .normal
        case .warn, .fail, .unreachable, .error: self = .abnormal
        case .skipped, .manual: self = .toCheck
        }
    }

    /// Parses a technician's answer in either language ("正常", "normal", "ok", "异常", "fault"…).
    public init?(answer: String) {
        switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
        case "normal", "正常", "ok", "pass", "good", "n", "1": self = .normal
        case "abnormal", "异常", "fault", "fail", "bad", "a", "2": self = .abnormal
        case "to-check", "to check", "待检", "pending", "": self = .toCheck
        default: return nil
        }
    }
}

/// Who judged a row: a probe (measured) or a person (on site).
public enum RowSource: String, Sendable, Codable, CaseIterable {
    case automatic
    case manual

    public var title: LocalizedText {
        switch self {
        case .automatic: LocalizedText(zh: "自动", en: "Measured")
        case .manual: LocalizedText(zh: "人工", en: "By hand")
        }
    }
}
