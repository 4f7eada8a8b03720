import CheckupCore
import Foundation

/// `--trace`: the raw exchange with timestamps (hex frames, varbinds), secrets already scrubbed.
struct TraceReport {
    func render(_ outcome: DeviceOutcome) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss.SSS"
        var lines = ["trace \(outcome.device) (\(outcome.endpoint)), \(outcome.exchanges.count) exchanges:"]
        for e in outcome.exchanges {
            let arrow = e.direction == .sent ? "→" : e.direction == .received ? "←" : "·"
            lines.append("  \(formatter.string(from: e.at)) \(arrow) \(e.text)")
        }
        return lines.joined(separator: "\n")
    }
}
