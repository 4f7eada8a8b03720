import CheckupCore
import Foundation
import Mustache

/// One row of a section as a template sees it (`rows[]` in Templates/README.md). Each value is
/// worked out when the template asks for it: a 10,000-device record has 60,000 rows, and a
/// dictionary of 28 boxed values per row held 2 KB each and cost more to build than to read.
final class RecordRowView: ListItemView {
    private let row: RecordRow
    private let lang: Language
    private let labels: [String: String]

    init(_ row: RecordRow, lang: Language, labels: [String: String]) {
        self.row = row
        self.lang = lang
        self.labels = labels
    }

    func child(_ name: ListName) -> Any? {
        let r = row
        switch name {
        case .number: return "\(r.number)"
        case .key: return r.key
        case .device: return r.device
        case .location: return r.location
        case .item:
            var item = r.item.text(lang)
            if let check = r.check?.text(lang), check != item { item += " — " + check }
            return item
        case .result: return r.result.title.text(lang)
        case .resultId: return r.result.rawValue
        case .mark: return Self.mark(r.result)
        case .hasMark: return !Self.mark(r.result).isEmpty
        case .normal: return r.result == .normal
        case .attention: return r.result == .attention
        case .abnormal: return r.result == .abnormal
        case .toCheck: return r.result == .toCheck
        case .notInspected: return r.result == .notInspected
        case .notSupported: return r.result == .notSupported
        case .observed: return RecordPhrases.observed(r, lang: lang)
        case .expected: return ExpectationPhrases.expected(r, lang: lang)
        case .handling:
            var handling = r.handling
            if r.clearedOnSite { handling += (handling.isEmpty ? "" : "; ") + (labels["cleared"] ?? "") }
            return handling
        case .source: return r.source.title.text(lang)
        case .manual: return r.source == .manual
        case .filledBy: return r.filledBy ?? ""
        case .evidenceRef: return r.evidenceRef ?? ""
        case .hasEvidenceRef: return r.evidenceRef != nil
        case .instruction: return r.instruction?.text(lang) ?? ""
        case .hasInstruction: return r.instruction != nil
        case .status: return r.status?.rawValue ?? ""
        default: return nil
        }
    }

    /// A mark beside the result word, so faults and warnings stand out in black-and-white print.
    static func mark(_ result: RowResult) -> String {
        switch result {
        case .abnormal: "◆"
        case .attention: "▲"
        default: ""
        }
    }
}
