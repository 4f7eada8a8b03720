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
        // An entry's expectation is its row's; so is its finding in versions stored before entries kept one.
        var rows: [String: RecordRow] = [:]
        for row in record.rows { if let ref = row.evidenceRef { rows[ref] = row } }
        let entries = record.evidence.map { Self.entry($0, lang: lang, row: rows[$0.ref]) }
        self.entries = entries
        // Grouped once, not filtered per device: linear at 10,000 devices.
        var byDevice: [String: [[String: Any]]] = [:]
        for (e, entry) in zip(record.evidence, entries) { byDevice[e.deviceId, default: []].append(entry) }
        devices = record.devices.compactMap { d in
            let own = byDevice[d.id] ?? []
            guard !own.isEmpty || d.reason != nil else { return nil }
            // The probe's reason is English: a zh page gives the device's note (设备离线：30 秒内无应答)
            // in place of its state word instead.
            let state = lang == .zh ? d.note?.zh ?? d.state.title.zh : d.state.title.en
            let reason = lang == .zh ? "" : d.reason ?? ""
            return [
                "id": d.id, "name": d.name, "location": d.location ?? "", "endpoint": Self.address(d.endpoint, lang: lang),
                "state": state, "offline": d.state == .unreachable,
                "reason": reason, "hasReason": !reason.isEmpty, "entries": own,
            ]
        }
    }

    static func entry(_ e: EvidenceEntry, lang: Language, row: RecordRow? = nil) -> [String: Any] {
        let shown = e.lines.prefix(maxLines).map(shortened)
        let more = e.lines.count - shown.count
        let observed = observed(e, lang: lang, rowFinding: row?.finding)
        let expected = row?.expectation.map { ExpectationPhrases.words($0, lang: lang) } ?? e.expected
        return [
            "ref": e.ref, "deviceId": e.deviceId, "device": e.device, "check": e.check.text(lang),
            "status": e.status.recordTitle.text(lang), "statusId": e.status.rawValue, "abnormal": e.status.isAbnormal,
            "observed": observed, "expected": expected, "hasExpected": !expected.isEmpty,
            "lines": Array(shown), "hasLines": !shown.isEmpty,
            "moreLines": more > 0 ? moreExchanges(more, lang: lang) : "", "hasMoreLines": more > 0,
            "duration": String(format: "%.0f ms", e.durationMs),
        ]
    }

    /// What was read: the evaluator's English line on an en page (it keeps the raw value,
    /// `NVR (2)`), the finding in words on a zh page.
    static func observed(_ e: EvidenceEntry, lang: Language, rowFinding: Finding?) -> String {
        guard lang == .zh, let finding = e.finding ?? rowFinding else { return e.observed }
        // The appendix is where an unjudged answer is shown: no "see the appendix" here.
        if case .unreadable = finding { return "应答无法判读" }
        return RecordPhrases.words(finding, lang: .zh)
    }

    /// Where the device was reached. An en page prints the endpoint URL; a zh page only what
    /// the client's own network knows (`10.0.0.5:161`), or 串口 for a serial line: the scheme,
    /// the laptop's device path and the options are the tool's words, not the client's.
    static func address(_ endpoint: String, lang: Language) -> String {
        guard lang == .zh, let parsed = try? Endpoint(splitting: endpoint) else { return endpoint }
        guard let host = parsed.host, !host.isEmpty else { return "串口" }
        let shown = host.contains(":") ? "[\(host)]" : host
        return parsed.port.map { "\(shown):\($0)" } ?? shown
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
