import ArgumentParser
import CheckupCore
import Foundation

extension ProfileCommand {
    /// `checkup profile test ID --replay CAPTURE|RECORDING`: judge a recorded device with a profile.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a capture or a recording of a real unit through a profile.",
            discussion: """
            A capture (`checkup capture`, docs/capture-format.md) is served again through the real \
            protocol path (snmpd, the Modbus simulator, the pty decoder) and probed live with the \
            profile, so a point whose address the device does not answer fails here too; with the \
            capture's `expect`, exit 0 only if every check matches. A recording (`snmpwalk -On` \
            output or an .snmprec file) is served by snmpsim and probed through the real SNMP path; \
            the exit code is probe's (0 ok, 1 warning, 2 critical, 3 bad input).
            """)
        @Argument(help: "Profile id.") var id: String
        @Option(help: ArgumentHelp("Capture file (from `checkup capture`), or a recording: `snmpwalk -On` output or .snmprec.", valueName: "FILE"))
        var replay: String
        @Option(name: .customLong("profiles"), help: ArgumentHelp("Extra profile directory.", valueName: "DIR"))
        var directories: [String] = []
        @Option(help: "Output: text, json or nagios (one line and perf data, as `probe --format nagios`).") var format: OutputFormat = .text

        func run() async throws {
            let workspace = Workspace(profileDirectories: directories)
            let profile = try workspace.profile(id)
            guard let data = FileManager.default.contents(atPath: replay) else { throw CheckupError("cannot read \(replay)") }
            if !Self.isCapture(data) {
                let status = try await RecordingReplay(profile: profile, workspace: workspace, path: replay).run(format: format)
                throw ExitCode(status.rawValue)
            }
            let replayed = try await CaptureReplay(workspace: workspace, profile: profile, file: replay).run(data)
            try report(replayed)
        }

        /// Prints the verdicts; with expectations, lists every mismatch and exits 2 on any.
        private func report(_ replayed: ReplayOutcome) throws {
            let report = RunReport(site: nil, startedAt: replayed.at, finishedAt: replayed.at, incomplete: false,
                                   devices: [DeviceOutcome(device: "replay", profile: id, endpoint: replayed.endpoint,
                                                           unreachable: replayed.unreachable)],
                                   results: replayed.results)
            switch format {
            case .json: print(try JSONReport(report, includeExchanges: false).encoded())
            case .nagios: print(NagiosReport().render(report))
            case .text: print(TextReport(terminal: .standardOutput).render(report, showDevice: false))
            }
            for note in replayed.notes { print("note: \(note)") }
            guard let expect = replayed.expect else { throw ExitCode(report.exitStatus.rawValue) }
            let results = replayed.results
            let mismatches = results.filter { r in expect[r.check].map { $0 != r.status } ?? false }
            let missing = expect.keys.filter { key in !results.contains { $0.check == key } }
            for r in mismatches { print("MISMATCH \(r.check): expected \(expect[r.check]!.rawValue), got \(r.status.rawValue) — \(r.observed)") }
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

/// What a replay produced: the verdicts and what the recording expected of them.
struct ReplayOutcome {
    var at: Date
    var endpoint: String
    var unreachable: String?
    var results: [CheckResult]
    var expect: [String: CheckStatus]?
    var notes: [String] = []
}
