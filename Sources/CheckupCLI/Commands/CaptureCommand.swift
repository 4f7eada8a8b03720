import ArgumentParser
import CheckupCore
import Foundation

/// `checkup capture`: record a device's readings for a profile, to replay with no device.
struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record a device's readings to a file, for `checkup profile test --replay`.",
        discussion: """
        Example:
          checkup capture "snmp://10.0.0.20" --profile hikvision-nvr --out nvr.capture.json
        Add an "expect" map (check id → status) to the file to make it a regression test.
        Secrets are never written.
        """)

    @Argument(help: ArgumentHelp("Endpoint URL.", valueName: "endpoint-url")) var endpoint: String
    @Option(help: "Profile id.") var profile: String
    @Option(help: ArgumentHelp("Capture file to write.", valueName: "FILE")) var out: String
    @Flag(help: "Also write the expected status of every check, as judged now.") var expectCurrent = false
    @OptionGroup var options: ProbeOptions

    func validate() throws {
        let directory = URL(fileURLWithPath: out).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.isWritableFile(atPath: directory) else {
            throw ValidationError("--out: cannot write in \(directory)")
        }
    }

    func run() async throws {
        let workspace = options.workspace()
        let planner = JobPlanner(workspace: workspace, credentialsFile: try Workspace.loadCredentials(options.credentials))
        let parsed = try Endpoint(parsing: endpoint)
        let job = try planner.job(for: JobPlanner.adHocDevice(parsed, profile: try workspace.profile(profile)))
        let opts = options.pipelineOptions()
        let context = ProbeContext(timeout: opts.timeout, retries: opts.retries, credentials: job.credentials, allowActive: false)
        let points = job.profile.points.filter { !$0.active }
        let readings = Scrubber(job.credentials, endpoint: parsed).scrub(await job.probe.read(points, from: parsed, context: context))
        var capture = Capture(profile: profile, endpoint: parsed.description, capturedAt: Date(), readings: readings)
        if expectCurrent {
            let results = Evaluator().evaluate(job.profile, readings: readings, device: "capture")
            capture.expect = Dictionary(uniqueKeysWithValues: results.map { ($0.check, $0.status) })
        }
        try capture.encoded().write(to: URL(fileURLWithPath: out))
        print("captured \(readings.values.count) points of \(parsed) to \(out)" + (readings.unreachable.map { " (unreachable: \($0))" } ?? ""))
        if readings.unreachable != nil { throw ExitCode(2) }
    }
}
