import ArgumentParser
import CheckupCore
import Foundation

extension ProfileCommand {
    /// `checkup profile test ID --replay CAPTURE|RECORDING`: judge a recorded device with a profile.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a capture or a recording of a real unit through a profile.",
            discussion: """
            A capture (JSON, from `checkup capture`) is judged directly; with its `expect`, exit 0 only
            if every check matches. A recording (`snmpwalk -On` output or an .snmprec file) is served
            by snmpsim and probed through the real SNMP path, so a wrong OID in the profile shows as
            it would live; the exit code is probe's (0 ok, 1 warning, 2 critical, 3 bad input).
            """)
        @Argument(help: "Profile id.") var id: String
        @Option(help: ArgumentHelp("Capture file (from `checkup capture`), or a recording: `snmpwalk -On` output or .snmprec.", valueName: "FILE"))
        var replay: String
        @Option(name: .customLong("profiles"), help: ArgumentHelp("Extra profile directory.", valueName: "DIR"))
        var directories: [String] = []
        @Option(help: "Output: text or json.") var format: OutputFormat = .text

        func run() async throws {
            let workspace = Workspace(profileDirectories: directories)
            let profile = try workspace.profile(id)
            guard let data = FileManager.default.contents(atPath: replay) else { throw CheckupError("cannot read \(replay)") }
            if !Self.isCapture(data) {
                let status = try await RecordingReplay(profile: profile, workspace: workspace, path: replay).run(format: format)
                throw ExitCode(status.rawValue)
            }
            let capture: Capture
            do { capture = try Capture.decode(data) } catch { throw CheckupError("\(replay) is not a capture file: \(error)") }
            guard capture.profile == id else {
                throw CheckupError("\(replay) was captured with profile '\(capture.profile)', not '\(id)': checkup profile test \(capture.profile) --replay \(replay)")
            }
            let results = Evaluator(now: capture.capturedAt).evaluate(profile, readings: capture.asReadings, device: "replay")
            let report = RunReport(site: nil, startedAt: capture.capturedAt, finishedAt: capture.capturedAt, incomplete: false,
                                   devices: [DeviceOutcome(device: "replay", profile: id, endpoint: capture.endpoint, unreachable: capture.unreachable)],
                                   results: results)
            if format == .json { print(try JSONReport(report, includeExchanges: false).encoded()) } else {
                print(TextReport(terminal: .standardOutput).render(report, showDevice: false))
            }
            guard let expect = capture.expect else { throw ExitCode(report.exitStatus.rawValue) }
            let mismatches = results.filter { r in expect[r.check].map { $0 != r.status } ?? false }
            let missing = expect.keys.filter { key in !results.contains { $0.check == key } }
            for r in mismatches { print("MISMATCH \(r.check): expected \(expect[r.check]!.rawValue), got \(r.status.rawValue)") }
            for key in missing.sorted() { print("MISMATCH \(key): expected by the capture, not in the profile") }
            if mismatches.isEmpty && missing.isEmpty {
                print("all \(expect.count) expectations met")
            } else {
                throw ExitCode(2)
            }
        }

        /// A capture is JSON; a recording is lines of text.
        static func isCapture(_ data: Data) -> Bool {
            data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
        }
    }
}
