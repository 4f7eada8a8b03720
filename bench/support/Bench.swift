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

    /// Runs a program once: its wall time and what it wrote to standard error, and to standard
    /// output too unless `dropsOutput` (a fan-out of snmpget prints thousands of lines).
    package static func run(_ path: String, _ args: [String], environment: [String: String] = [:], input: String? = nil,
                            dropsOutput: Bool = false) throws -> (seconds: Double, output: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, b in b }
        let out = Pipe()
        p.standardError = out
        p.standardOutput = dropsOutput ? FileHandle.nullDevice : out
        let stdin = Pipe()
        if input != nil { p.standardInput = stdin }
        let start = clock.now
        try p.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // The program's end is when its output closes (at its exit, and its children's: xargs
        // waits for each snmpget). Not after `waitUntilExit`: Foundation polls for the exit every
        // 50 ms and often missed the wake-up, adding up to 50 ms to every run timed (measured
        // with `checkup --version`: 12.5 ms to the pipe's end, 62.5 ms to `waitUntilExit`).
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let end = clock.now
        p.waitUntilExit()
        return (seconds(end - start), String(decoding: data, as: UTF8.self), p.terminationStatus)
    }

    /// One figure against its goal, as a line bench/run collects.
    package static func figure(_ name: String, _ measured: String, goal: String, met: Bool) {
        print("FIGURE | \(name) | \(measured) | \(goal) | \(met ? "met" : "NOT met")")
        fflush(nil)
    }
}
