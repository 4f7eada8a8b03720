import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup probe`: one device's truth on a call-out, with the evidence.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe one device and judge it against its profile.",
        discussion: """
        Examples:
          checkup probe "snmp://10.0.0.20?version=2c" --profile hikvision-nvr --trace
          checkup probe "modbus-tcp://10.0.0.5:502?unit=1" --profile elmo-modbus
          checkup probe "pelco-d:///dev/ttyUSB0?address=5" --profile pelco-d-generic
          checkup probe --site acme.yaml --device nvr-1 --format nagios

        Without --profile, SNMP devices are identified by sysObjectID, sysDescr and the \
        objects profiles name (`checkup profile identify URL` shows why).

        SNMP secrets come from the credentials file or CHECKUP_SNMP_COMMUNITY, \
        CHECKUP_SNMP_AUTH_PASS and CHECKUP_SNMP_PRIV_PASS; never from profiles.
        """)

    @Argument(help: ArgumentHelp("Endpoint URL, e.g. snmp://10.0.0.20 or modbus-tcp://10.0.0.5?unit=1.", valueName: "endpoint-url"))
    var endpoint: String?

    @Option(help: "Profile id (see `checkup profile list`). Optional for SNMP: the device is identified.")
    var profile: String?

    @Option(help: ArgumentHelp("Site inventory, with --device: probe a device by its id.", valueName: "FILE"))
    var site: String?

    @Option(help: "Device id in the --site inventory.")
    var device: String?

    @Option(help: "Output: text (for a person), json, or nagios (Monitoring Plugins status line + perfdata).")
    var format: OutputFormat = .text

    @Flag(help: "Print the raw exchange with timestamps (hex frames for Modbus and Pelco, varbinds for SNMP).")
    var trace = false

    @Option(help: ArgumentHelp("Repeat every SECONDS and show what changed, until Ctrl-C.", valueName: "SECONDS"))
    var watch: Double?

    @Option(help: "Language of titles: zh or en.")
    var lang: Language = .en

    @Option(help: ArgumentHelp("Attach the results as evidence to this maintenance-log entry (`checkup log list`).", valueName: "ENTRY"))
    var log: Int64?

    @OptionGroup var store: StoreOption

    @OptionGroup var options: ProbeOptions

    func validate() throws {
        if endpoint == nil && (site == nil || device == nil) {
            throw ValidationError("give an endpoint URL, or --site FILE with --device ID")
        }
        if endpoint != nil && (site != nil || device != nil) {
            throw ValidationError("give either an endpoint URL or --site/--device, not both")
        }
        if let watch, !(0.5...86_400).contains(watch) { throw ValidationError("--watch must be between 0.5 and 86400 seconds") }
    }

    func run() async throws {
        let workspace = options.workspace()
        let planner = JobPlanner(workspace: workspace, credentialsFile: try Workspace.loadCredentials(options.credentials))
        if let log {  // before any device is touched: a typo in the entry number costs nothing
            guard try store.open().logEntry(log) != nil else {
                throw CheckupError("--log \(log): no such entry in \(store.path) (see `checkup log list`)")
            }
        }
        let job = try await makeJob(planner)
        let secrets = Scrubber(job.credentials, endpoint: job.device.endpoint).secrets
        let pipeline = CheckPipeline(options: options.pipelineOptions(concurrency: 1, trace: trace))
        var previous: [String: CheckResult] = [:]
        var status = ExitStatus.ok
        repeat {
            let report = await pipeline.run([job])
            status = report.exitStatus
            emit(report, previous: watch == nil ? nil : previous)
            if let log { try attach(report, toLogEntry: log, secrets: secrets) }
            fflush(nil)  // --watch into a pipe or a file: every round as it happens (nil: every stream)
            previous = Dictionary(uniqueKeysWithValues: report.results.map { ($0.check, $0) })
            if let watch { try await Task.sleep(for: .milliseconds(Int(watch * 1000))) }
        } while watch != nil && !Task.isCancelled
        throw ExitCode(status.rawValue)
    }

    private func makeJob(_ planner: JobPlanner) async throws -> Job {
        if let site, let device {
            let inventory = try InventoryLoader.load(path: site, probes: planner.workspace.registry, knownProfiles: planner.workspace.catalog.ids)
            guard let entry = inventory.devices.first(where: { $0.id == device }) else {
                let hint = Suggest.closest(to: device, in: inventory.devices.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw CheckupError("no device '\(device)' in \(site)\(hint)")
            }
            return try planner.job(for: entry)
        }
        let endpoint = try planner.workspace.registry.endpoint(parsing: endpoint ?? "")
        let profile = try await resolveProfile(endpoint, planner)
        return try planner.job(for: JobPlanner.adHocDevice(endpoint, profile: profile))
    }

    /// The given profile, or the one matching what the device says it is.
    private func resolveProfile(_ endpoint: Endpoint, _ planner: JobPlanner) async throws -> Profile {
        let workspace = planner.workspace
        if let profile { return try workspace.profile(profile) }
        guard let probe = workspace.registry.probe(forScheme: endpoint.scheme), probe.canIdentify else {
            throw CheckupError("\(endpoint.scheme) devices cannot identify themselves: give --profile (see `checkup profile list`)")
        }
        let device = Device(id: "probe", name: "probe", kind: .camera, profile: "", endpoint: endpoint)
        let credentials = try planner.credentialsFile.credentials(for: device, environment: planner.environment)
        let opts = options.pipelineOptions()
        let context = ProbeContext(timeout: opts.timeout, retries: opts.retries, credentials: credentials)
        guard let outcome = await DeviceIdentifier(catalog: workspace.catalog, probe: probe).identify(endpoint, context: context) else {
            print("CHECKUP CRITICAL - \(endpoint) did not answer the identification request")
            throw ExitCode(2)
        }
        let identity = outcome.identity
        // No vendor profile claims the device: the protocol's generic profile still says a lot.
        guard let match = outcome.chosen else {
            throw CheckupError("no profile matches this device (sysObjectID \(identity.objectID ?? "none"), sysDescr '\(identity.description ?? "")'); give --profile, or see `checkup profile identify`")
        }
        if format == .text {
            let said = [identity.objectID.map { "sysObjectID \($0)" }, identity.description.map { "'\($0)'" }, identity.model.map { "model \($0)" }]
            print("identified as \(match.id) (\(match.title.text(lang))) from \(said.compactMap { $0 }.joined(separator: ", "))")
        }
        return match
    }

    /// `--log ENTRY`: the call-out's evidence, stored with the entry.
    private func attach(_ report: RunReport, toLogEntry entry: Int64, secrets: [String]) throws {
        try store.open().attachEvidence(toLogEntry: entry, results: report.results, device: report.devices.first?.device, secrets: secrets)
        if format == .text { print("results attached to maintenance-log entry \(entry) in \(store.path)") }
    }

    private func emit(_ report: RunReport, previous: [String: CheckResult]?) {
        switch format {
        case .json:
            print((try? JSONReport(report, includeExchanges: trace).encoded()) ?? "{}")
        case .nagios:
            print(NagiosReport().render(report))
        case .text:
            let text = TextReport(terminal: .standardOutput, lang: lang)
            if let previous, !previous.isEmpty {
                let stamp = ISO8601DateFormatter().string(from: report.finishedAt)
                let changed = report.results.filter { r in previous[r.check].map { p in p.status != r.status || p.observed != r.observed } ?? true }
                print("\(stamp): " + (changed.isEmpty ? "no change" : "\(changed.count) changed"))
                for result in changed { print("  " + text.line(result)) }
            } else {
                print(text.render(report, showDevice: false))
            }
        }
        if trace, format != .json {
            for outcome in report.devices { print(TraceReport().render(outcome)) }
        }
    }
}
