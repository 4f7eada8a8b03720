import Mustache

/// An item of a printed list (a row, a device, an evidence entry) as its partial sees it.
///
/// A `ListTemplate` resolves each name it prints to a `ListName` when it is compiled, so an
/// item answers by the enum's jump table: answering by the name's text compared with each
/// name the view knows was a third of printing a 400-camera page. swift-mustache's pages ask
/// by text (`child(named:)`), answered the same way.
protocol ListItemView: MustacheParent {
    func child(_ name: ListName) -> Any?
}

extension ListItemView {
    func child(named name: String) -> Any? {
        ListName.byText[name].flatMap(child)
    }
}

/// Every name an item view answers (Templates/README.md lists them per view).
enum ListName: String, CaseIterable, Sendable {
    case abnormal, attention, check, device, deviceId, duration, endpoint, entries, evidenceRef, expected, filledBy, handling
    case hasEvidenceRef, hasExpected, hasInstruction, hasLines, hasMark, hasMoreLines, hasNote, hasReason
    case id, inspectedOn, instruction, item, key, kind, lines, location, manual, mark, moreLines
    case name, normal, note, notInspected, notSupported, number, observed, offline, profile
    case reason, ref, result, resultId, source, state, stateId, status, statusId, toCheck

    static let byText = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
