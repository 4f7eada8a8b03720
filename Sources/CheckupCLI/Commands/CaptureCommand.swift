import ArgumentParser
import CheckupCore
import Foundation

/// `checkup capture`: record what a device answers to a profile's reads, by address
/// (docs/capture-format.md), to replay through the real protocol path with no device.
struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record a device's answers (objects, registers, frames) to a file, for `checkup profile test --replay`.",
        discussion: """
        Example:
          checkup capture "snmp://10.0.0.20" --profile hikvision-nvr \\
            --out nvr.capture.json

        The file (format: docs/capture-format.md) holds every SNMP object, Modbus block or Pelco frame exchanged; `checkup profile test ID --replay FILE` serves them again through the real protocol path. --expect-current, or an "expect" map (check id → status) added by hand, makes it a regression test. Secrets are never written.
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
        let parsed = try workspace.registry.endpoint(parsing: endpoint)
        let job = try planner.job(for: JobPlanner.adHocDevice(parsed, profile: try workspace.profile(profile)))
        // A capture is read-only whatever the command line says: the pipeline's read with active steps refused.
        var opts = options.pipelineOptions()
        opts.allowActive = false
        opts.keepsWire = true
        let scrubber = Scrubber(job.credentials, endpoint: parsed)
        let clock = ContinuousClock()
        let started = clock.now
        let capturedAt = Date()
        guard let read = await CheckPipeline(options: opts).read(job) else { throw CheckupError("capture: the read was stopped") }
        let readings = scrubber.scrub(read)
        let duration = clock.now - started
        let context = ProbeContext(timeout: opts.timeout, retries: opts.retries, credentials: job.credentials)
        let identity = readings.unreachable == nil ? await job.probe.identify(parsed, context: context).map { scrubbed($0, scrubber) } : nil
        var capture = Capture(profile: profile, protocolName: job.profile.protocolName, endpoint: parsed.description,
                              capturedAt: capturedAt, duration: duration, identity: identity, readings: readings)
        if expectCurrent {
            let results = Evaluator().evaluate(job.profile, readings: readings, device: "capture")
            capture.expect = Dictionary(uniqueKeysWithValues: results.map { ($0.check, $0.status) })
        }
        try CommandOutput.write(try capture.encoded(), to: out)
        let wire = readings.wire
        let held = [(wire.snmpObjects.count, "SNMP objects"), (wire.modbusBlocks.count, "Modbus blocks"), (wire.pelcoFrames.count, "Pelco frames")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        print("captured \(held.isEmpty ? "nothing" : held) of \(parsed) to \(out)" + (readings.unreachable.map { " (unreachable: \($0))" } ?? ""))
        if readings.unreachable != nil { throw ExitCode(2) }
    }

    private func scrubbed(_ identity: DeviceIdentity, _ scrubber: Scrubber) -> DeviceIdentity {
        DeviceIdentity(objectID: identity.objectID.map(scrubber.scrub), description: identity.description.map(scrubber.scrub),
                       model: identity.model.map(scrubber.scrub), vendor: identity.vendor.map(scrubber.scrub))
    }
}
