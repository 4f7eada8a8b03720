import CheckupCore

extension CheckStatus {
    /// The machine verdict in the record's language, for the evidence appendix.
    var recordTitle: LocalizedText {
        switch self {
        case .pass: LocalizedText(zh: "通过", en: "Pass")
        case .warn: LocalizedText(zh: "警告", en: "Warning")
        case .fail: LocalizedText(zh: "失败", en: "Fail")
        case .unreachable: LocalizedText(zh: "离线", en: "Offline")
        case .error: LocalizedText(zh: "无法判读", en: "Unreadable")
        case .skipped: LocalizedText(zh: "未执行", en: "Not run")
        case .manual: LocalizedText(zh: "人工", en: "By hand")
        case .unsupported: LocalizedText(zh: "不支持", en: "Not supported")
        }
    }
}
