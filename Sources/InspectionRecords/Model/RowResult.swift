package import CheckupCore
import Foundation

/// The result column of the monthly form. JSON `result` of a row (Templates/README.md).
package enum RowResult: String, Sendable, Codable, CaseIterable {
    /// 正常.
    case normal
    /// 注意: a warning (a bypassed zone, a card near full). Not a fault: counted apart.
    case attention
    /// 异常: a fault.
    case abnormal
    /// 待检: not judged yet, a row for a person, or a step that was not run.
    case toCheck = "to-check"
    /// 未检: the device was not inspected this month (yet).
    case notInspected = "not-inspected"
    /// 不支持: the unit does not implement what the check reads.
    case notSupported = "not-supported"

    package var title: LocalizedText {
        switch self {
        case .normal: LocalizedText(zh: "正常", en: "Normal")
        case .attention: LocalizedText(zh: "注意", en: "Attention")
        case .abnormal: LocalizedText(zh: "异常", en: "Abnormal")
        case .toCheck: LocalizedText(zh: "待检", en: "To check")
        case .notInspected: LocalizedText(zh: "未检", en: "Not inspected")
        case .notSupported: LocalizedText(zh: "不支持", en: "Not supported")
        }
    }

    /// The row result of a machine verdict: a warning is attention, not a fault.
    package init(_ status: CheckStatus) {
        switch status {
        case .pass: self = .normal
        case .warn: self = .attention
        case .fail, .unreachable, .error: self = .abnormal
        case .skipped, .manual: self = .toCheck
        case .unsupported: self = .notSupported
        }
    }

    /// Parses a technician's answer in either language ("正常", "normal", "ok", "异常", "fault"…).
    package init?(answer: String) {
        switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
        case "normal", "正常", "ok", "pass", "good", "n", "1": self = .normal
        case "abnormal", "异常", "fault", "fail", "bad", "a", "2": self = .abnormal
        case "attention", "注意", "warning", "warn", "w": self = .attention
        case "to-check", "to check", "待检", "pending", "": self = .toCheck
        default: return nil
        }
    }
}

/// Who judged a row: a probe (measured) or a person (on site).
package enum RowSource: String, Sendable, Codable, CaseIterable {
    case automatic
    case manual

    package var title: LocalizedText {
        switch self {
        case .automatic: LocalizedText(zh: "自动", en: "Measured")
        case .manual: LocalizedText(zh: "人工", en: "By hand")
        }
    }
}
