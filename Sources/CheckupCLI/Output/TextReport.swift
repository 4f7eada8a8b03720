import CheckupCore
import Foundation

/// The human form of results: one line per check, grouped by record section.
struct TextReport {
    var terminal: Terminal
    var lang: Language = .en

    func render(_ report: RunReport, showDevice: Bool) -> String {
        var lines: [String] = []
        let byDevice = Dictionary(grouping: report.results, by: \.device)
        for outcome in report.devices {
            let results = byDevice[outcome.device] ?? []
            let worst = ExitStatus.of(results.map(\.status))
            let head = "\(outcome.device)  \(outcome.profile)  \(outcome.endpoint)  \(Int(outcome.durationMs.rounded())) ms"
            lines.append(terminal.paint(head, .bold) + (worst == .ok ? "" : "  " + terminal.paint(worst.label, worst == .warning ? .yellow : .red)))
            if let reason = outcome.unreachable {
                lines.append("  " + terminal.paint("✖ unreachable: \(reason)", .red))
            }
            for section in RecordSection.allCases {
                let inSection = results.filter { ($0.record?.section ?? .centralControl) == section }
                guard !inSection.isEmpty else { continue }
                lines.append("  " + terminal.paint(section.title.text(lang), .blue))
                for result in inSection { lines.append("    " + line(result)) }
            }
        }
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    func line(_ r: CheckResult) -> String {
        var text = "\(terminal.paint(r.status.mark, r.status.colour)) \(r.title.text(lang))"
        if !r.observed.isEmpty { text += ": \(r.observed)" }
        if !r.expected.isEmpty && r.status != .pass && r.status != .manual { text += terminal.paint("  (expected \(r.expected))", .grey) }
        if r.status == .manual, !r.expected.isEmpty { text += terminal.paint("  → \(r.expected)", .grey) }
        let shown: Set<CheckStatus> = [.skipped, .error, .unsupported]
        if let note = r.note, shown.contains(r.status) || (r.status == .manual && r.expected.isEmpty) {
            text += terminal.paint("  [\(note)]", .grey)
        }
        return text
    }

    func summary(_ report: RunReport) -> String {
        let counts = report.summary
        let parts = CheckStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        var text = "\(report.devices.count) devices, \(report.results.count) checks: " + parts.joined(separator: ", ")
        if report.incomplete { text += terminal.paint("  (incomplete: \(report.unchecked.count) devices not checked)", .yellow) }
        return text
    }
}
