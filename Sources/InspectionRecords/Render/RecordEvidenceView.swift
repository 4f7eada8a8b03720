import CheckupCore
import Foundation

/// The evidence appendix as a template sees it: entries grouped by device, each device with its
/// (redacted) endpoint, and the raw exchanges summarised so a 256-register read is a few lines.
struct RecordEvidenceView {
    /// Exchange lines shown per entry; the rest is counted, not printed.
    static let maxLines = 6
    /// Longest exchange line printed; longer dumps are cut with an ellipsis.
    static let maxLineLength = 140

    var entries: [[String: Any]]
    var devices: [[String: Any]]

    init(_ record: MonthlyRecord, lang: Language, labels: [String: String]) {
        let entries = record.evidence.map { Self.entry($0, lang: lang) }
        self.entries = entries
        // Grouped once, not filtered per device: linear at 10,000 devices.
        var byDevice: [String: [[String: Any]]] = [:]
        for (e, entry) in zip(record.evidence, entries) { byDevice[e.deviceId, default: []].append(entry) }
        devices = record.devices.compactMap { d in
            let own = byDevice[d.id] ?? []
            guard !own.isEmpty || d.reason != nil else { return nil }
            return [
                "id": d.id, "name": d.name, "location": d.location ?? "", "endpoint": d.endpoint,
                "state": d.state.title.text(lang), "offline": d.state == .unreachable,
                "reason": d.reason ?? "", "hasReason": d.reason != nil, "entries": own,
            ]
        }
    }

    static func entry(_ e: EvidenceEntry, lang: Language) -> [String: Any] {
        let shown = e.lines.prefix(maxLines).map(shortened)
        let more = e.lines.count - shown.count
        return [
            "ref": e.ref, "deviceId": e.deviceId, "device": e.device, "check": e.check.text(lang),
            "status": e.status.recordTitle.text(lang), "statusId": e.status.rawValue, "abnormal": e.status.isAbnormal,
            "observed": e.observed, "expected": e.expected, "hasExpected": !e.expected.isEmpty,
            "lines": Array(shown), "hasLines": !shown.isEmpty,
            "moreLines": more > 0 ? moreExchanges(more, lang: lang) : "", "hasMoreLines": more > 0,
            "duration": String(format: "%.0f ms", e.durationMs),
        ]
    }

    static func moreExchanges(_ count: Int, lang: Language) -> String {
        switch lang {
        case .zh: "另有 \(count) 条交互记录"
        case .en: count == 1 ? "… 1 more exchange" : "… \(count) more exchanges"
        }
    }

    static func shortened(_ line: String) -> String {
        line.count <= maxLineLength ? line : String(line.prefix(maxLineLength - 1)) + "…"
    }
}
