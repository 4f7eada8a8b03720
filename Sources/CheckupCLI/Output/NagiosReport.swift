import CheckupCore
import Foundation

/// The Monitoring-Plugins form: one status line, perfdata, for Nagios, Icinga and Zabbix.
///
/// `CHECKUP CRITICAL - 1 of 9 checks failed: disks (disk 2: SmartFailed) | 'cpu'=12%;80;95;;`
struct NagiosReport {
    func render(_ report: RunReport) -> String {
        let status = report.exitStatus
        let bad = report.results.filter { $0.status.exitWeight > 0 }
        // Rows for a person, steps not run and objects the unit lacks are no verdict on it.
        let counted = report.results.filter { ![.skipped, .manual, .unsupported].contains($0.status) }
        let unsupported = report.results.filter { $0.status == .unsupported }.count
        var line = "CHECKUP \(status.label) - "
        let down = report.devices.filter { $0.unreachable != nil }
        if !down.isEmpty {
            line += down.map { "\($0.device) unreachable: \($0.unreachable ?? "")" }.joined(separator: ", ")
            let others = bad.filter { r in !down.contains { $0.device == r.device } }
            if !others.isEmpty { line += "; \(others.count) more checks not passing" }
        } else if bad.isEmpty {
            line += "\(counted.count) of \(counted.count) checks passed"
            if unsupported > 0 { line += ", \(unsupported) not supported by the unit" }
        } else {
            let failing = bad.filter { $0.status.exitWeight == 2 }
            let noun = failing.isEmpty ? "warned" : "failed"
            let shown = (failing.isEmpty ? bad : failing)
            line += "\(shown.count) of \(counted.count) checks \(noun): "
            line += shown.prefix(5).map { "\($0.check) (\($0.observed.replacingOccurrences(of: "|", with: "/")))" }.joined(separator: ", ")
            if shown.count > 5 { line += ", …" }
        }
        let perf = report.results.compactMap(\.perf).map(NagiosReport.perfdata)
        if !perf.isEmpty { line += " | " + perf.joined(separator: " ") }
        return line
    }

    /// `'label'=value[UOM];warn;crit;min;max`
    static func perfdata(_ p: PerfData) -> String {
        let label = p.label.replacingOccurrences(of: "'", with: "_")
        let fields = [Value.number(p.value).text + (p.unit ?? ""), p.warning ?? "", p.critical ?? "",
                      p.min.map { Value.number($0).text } ?? "", p.max.map { Value.number($0).text } ?? ""]
        var text = "'\(label)'=" + fields.joined(separator: ";")
        while text.hasSuffix(";") { text.removeLast() }
        return text
    }
}
