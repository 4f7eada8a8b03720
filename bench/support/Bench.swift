import Foundation

/// What every bench that runs the `checkup` binary shares: the binary, a scratch folder, the
/// clock, and the `FIGURE` lines that bench/run collects into bench/results/latest.md.
package enum Bench: Sendable {
    /// The release binary bench/run built (`CHECKUP_BIN`).
    package static let binary = ProcessInfo.processInfo.environment["CHECKUP_BIN"] ?? ".build/release/checkup"
    package static let clock = ContinuousClock()

    /// A fresh folder for one bench's files; the caller removes it.
    package static func workDirectory(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "checkup-bench-\(name)-\(getpid())"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    package static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// One figure against its goal, as a line bench/run collects.
    package static func figure(_ name: String, _ measured: String, goal: String, met: Bool) {
        print("FIGURE | \(name) | \(measured) | \(goal) | \(met ? "met" : "NOT met")")
        fflush(nil)
    }
}
