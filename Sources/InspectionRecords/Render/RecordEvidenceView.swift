import CheckupCore
import Mustache
import Foundation

/// The evidence appendix as a template sees it: entries grouped by device, each device with its
/// (redacted) endpoint, and the raw exchanges summarised so a 256-register read is a few lines.
struct RecordEvidenceView {
    /// Exchange lines shown per entry; the rest is counted, not printed.
    static let maxLines = 6
    /// Longest exchange line printed; longer dumps are cut with an ellipsis.
    static let maxLineLength = 140

    private let record: MonthlyRecord
    private let lang: Language
    /// Each entry's row (its place in `record.sections`), by the entry's index: what an entry
    /// reads of its row is taken from the record when the entry is printed. (A dictionary of
    /// each row's finding and expectation by reference was 10 MB a page at 10,000 devices.)
    private let rowOfEntry: [RowPlace?]
    /// The appendix's devices (indices in `record.devices`: those with entries or a reason) and
    /// the indices of their entries in `record.evidence`.
    private let shown: [(device: Int, entries: [Int])]

    init(_ record: MonthlyRecord, lang: Language, labels: [String: String]) {
        (self.record, self.lang) = (record, lang)
        // An entry's expectation is its row's; so is its finding in versions stored before entries kept one.
        // Rows read by index: 60,000 rows are not copied for it.
        let evidence = record.evidence
        var rowOfEntry = [RowPlace?](repeating: nil, count: evidence.count)
        var byRef: [String: Int]?  // made only for a ref that is not `E<n>` naming entry n (never written so)
        func entry(_ ref: String) -> Int? {
            if ref.hasPrefix("E"), let n = Int(ref.dropFirst()), evidence.indices.contains(n - 1), evidence[n - 1].ref == ref {
                return n - 1
            }
            if byRef == nil { byRef = Dictionary(evidence.indices.map { (evidence[$0].ref, $0) }, uniquingKeysWith: { _, last in last }) }
            return byRef?[ref]
        }
        for (s, table) in record.sections.enumerated() {
            let tableRows = table.rows
            for r in tableRows.indices {
                if let ref = tableRows[r].evidenceRef, let e = entry(ref) { rowOfEntry[e] = RowPlace(section: s, row: r) }
            }
        }
        self.rowOfEntry = rowOfEntry
        // Grouped once, not filtered per device: linear at 10,000 devices.
        var byDevice: [String: [Int]] = [:]
        for e in evidence.indices { byDevice[evidence[e].deviceId, default: []].append(e) }
        let devices = record.devices
        shown = devices.indices.compactMap { d in
            let own = byDevice[devices[d].id] ?? []
            return own.isEmpty && devices[d].reason == nil ? nil : (d, own)
        }
    }

    var isEmpty: Bool { record.evidence.isEmpty }
    /// Every entry, in order (`evidence[]`).
    var entries: [EntryView] { record.evidence.indices.map(entry) }
    /// The appendix's devices (`evidenceDevices[]`) over `entries` made already (the same views);
    /// a printed list makes them one by one instead (`device(_:)`).
    func devices(sharing entries: [EntryView]) -> [DeviceView] {
        shown.map { DeviceView(record.devices[$0.device], lang: lang, entries: $0.entries.map { entries[$0] }) }
    }
    var deviceCount: Int { shown.count }

    func device(_ i: Int) -> DeviceView {
        DeviceView(record.devices[shown[i].device], lang: lang, entries: shown[i].entries.map(entry))
    }

    private func entry(_ e: Int) -> EntryView {
        let entry = record.evidence[e]
        let row = rowOfEntry[e].map { place in
            let row = record.sections[place.section].rows[place.row]
            return RowPart(finding: row.finding, expectation: row.expectation)
        }
        return EntryView(entry, lang: lang, row: row)
    }

    /// A row's place in `record.sections`.
    struct RowPlace {
        var section: Int
        var row: Int
    }

    /// What an entry shows of its row: the finding (older versions' entries kept none) and the expectation.
    struct RowPart {
        var finding: Finding?
        var expectation: Expectation?
    }

    /// One device of the appendix (`evidenceDevices[]` in Templates/README.md).
    final class DeviceView: ListItemView {
        private let device: RecordDevice
        private let lang: Language
        private let entries: [any ListItemView]

        init(_ device: RecordDevice, lang: Language, entries: [any ListItemView]) {
            self.device = device
            self.lang = lang
            self.entries = entries
        }

        func child(_ name: ListName) -> Any? {
            let d = device
            // The probe's reason is English: a zh page gives the device's note (设备离线：30 秒内无应答)
            // in place of its state word instead.
            let reason = lang == .zh ? "" : d.reason ?? ""
            switch name {
            case .id: return d.id
            case .name: return d.name
            case .location: return d.location ?? ""
            case .endpoint: return RecordEvidenceView.address(d.endpoint, lang: lang)
            case .state: return lang == .zh ? d.note?.zh ?? d.state.title.zh : d.state.title.en
            case .offline: return d.state == .unreachable
            case .reason: return reason
            case .hasReason: return !reason.isEmpty
            case .entries: return entries  // a list template's own kind of list
            default: return nil
            }
        }
    }

    /// One entry (`evidence[]`, `entries[]` in Templates/README.md), worked out when asked for.
    final class EntryView: ListItemView {
        private let entry: EvidenceEntry
        private let lang: Language
        private let row: RowPart?

        init(_ entry: EvidenceEntry, lang: Language, row: RowPart?) {
            self.entry = entry
            self.lang = lang
            self.row = row
        }

        func child(_ name: ListName) -> Any? {
            let e = entry
            switch name {
            case .ref: return e.ref
            case .deviceId: return e.deviceId
            case .device: return e.device
            case .check: return e.check.text(lang)
            case .status: return e.status.recordTitle.text(lang)
            case .statusId: return e.status.rawValue
            case .abnormal: return e.status.isAbnormal
            case .observed: return RecordEvidenceView.observed(e, lang: lang, rowFinding: row?.finding)
            case .expected: return expected
            case .hasExpected: return !expected.isEmpty
            case .lines:
                // Worded before shortening, so a cut line still reads in the page's language.
                let lines = e.lines.prefix(RecordEvidenceView.maxLines)
                return (lang == .zh ? lines.map(EvidencePhrase.chinese) : Array(lines)).map(RecordEvidenceView.shortened)
            case .hasLines: return !e.lines.isEmpty
            case .moreLines: return moreLines > 0 ? RecordEvidenceView.moreExchanges(moreLines, lang: lang) : ""
            case .hasMoreLines: return moreLines > 0
            case .duration: return RecordEvidenceView.milliseconds(e.durationMs)
            default: return nil
            }
        }

        private var expected: String { row?.expectation.map { ExpectationPhrases.words($0, lang: lang) } ?? entry.expected }
        private var moreLines: Int { max(0, entry.lines.count - RecordEvidenceView.maxLines) }
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

    /// `12 ms`, as `%.0f ms` prints it (halves to even), without a format string per entry.
    static func milliseconds(_ ms: Double) -> String {
        guard ms.isFinite, ms.magnitude < 1e15, !(ms == 0 && ms.sign == .minus) else { return String(format: "%.0f ms", ms) }
        let whole = ms.rounded(.toNearestOrEven)
        return whole == 0 && ms < 0 ? "-0 ms" : "\(Int(whole)) ms"
    }

    static func moreExchanges(_ count: Int, lang: Language) -> String {
        switch lang {
        case .zh: "另有 \(count) 条交互记录"
        case .en: count == 1 ? "… 1 more exchange" : "… \(count) more exchanges"
        }
    }

    static func shortened(_ line: String) -> String {
        // Bytes first: counting characters walks the line's graphemes, and nearly every line is short.
        line.utf8.count <= maxLineLength || line.count <= maxLineLength ? line : String(line.prefix(maxLineLength - 1)) + "…"
    }
}
