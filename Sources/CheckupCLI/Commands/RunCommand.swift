import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup run`: the monthly inspection of a whole site.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Inspect every device of a site and write the monthly inspection record.",
        discussion: """
        Example:
          checkup run --site acme.yaml --month 2026-11 --out records/ --lang zh

        A month is built up, never replaced: each device's results are stored as they arrive, and \
        the month's record (a new version per run) holds the latest result of every device of the \
        site and every answer given with `records fill`. `--only` re-inspects some devices and \
        keeps everyone else's rows; a device not inspected yet this month is listed as 未检.

        Ctrl-C stops gracefully: devices in flight finish, completed results are kept, the run \
        is recorded as incomplete; `--resume` then inspects only the devices it left.

        A device on a serial port that does not exist is not contacted: it is recorded as not \
        inspected (串口总线未接入), the other devices are inspected, and the run exits 3.
        """)

    @Option(help: ArgumentHelp("Site inventory (YAML).", valueName: "FILE"))
    var site: String

    @Option(help: ArgumentHelp("Month inspected (default: this month).", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Inspection date, YYYY-MM-DD, inside --month and not in the future (default: today; needed for a past month).",
                               valueName: "DAY"))
    var date: String?

    @Option(help: ArgumentHelp("Directory for the record files (default: ./checkup-records/SITE/MONTH).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("Record formats, comma-separated: \(RecordFormat.names) (default: html,md).", valueName: "LIST"),
            transform: RecordFormats.parse)
    var format = RecordFormats([.html, .markdown])

    @Option(help: "Evidence (values read, exchanges): appendix after the form, separate file, or none.")
    var evidence: EvidencePlacement = .appendix

    @Option(help: StoreOption.help)
    var store: String?

    @Option(help: "Language of the record: zh or en.")
    var lang: Language = .zh

    @Option(help: "Technician name for the record (repeat for several).")
    var technician: [String] = []

    @Option(help: "Devices in flight at once.")
    var concurrency: Int = 64

    @Option(parsing: .upToNextOption, help: "Inspect only these device ids.")
    var only: [String] = []

    @Flag(help: "Inspect only the devices an interrupted run of this month left unchecked.")
    var resume = false

    @Flag(help: "Print results as JSON on standard output instead of the summary.")
    var json = false

    @Option(help: ArgumentHelp("Record template (Mustache) replacing the built-in HTML form.", valueName: "FILE"))
    var template: String?

    @OptionGroup var options: ProbeOptions

    func validate() throws {
        guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency must be 1…1024") }
        if resume && !only.isEmpty { throw ValidationError("--resume and --only cannot be combined") }
    }

    static var currentMonth: String { Period.month(of: Date()) }

    func run() async throws {
        let month = self.month?.description ?? RunCommand.currentMonth
        let inspectedOn = try Period.inspectionDate(date, month: month)
        let workspace = options.workspace()
        let storePath = store ?? RecordStore.defaultPath()
        let opening = StoreInBackground(storePath, credentials: options.credentials)  // while the inventory is read
        let inventory: Site, planner: JobPlanner
        do {
            inventory = try InventoryLoader.load(path: site, probes: workspace.registry, knownProfiles: workspace.catalog.ids)
            guard !inventory.devices.isEmpty else { throw CheckupError("\(site): the site has no devices; nothing to inspect") }
            planner = JobPlanner(workspace: workspace, credentialsFile: try Workspace.loadCredentials(options.credentials))
        } catch {
            opening.abandon()
            throw error
        }
        let inspection = MonthlyInspection(
            site: inventory, month: month, inspectedOn: inspectedOn, technicians: technician,
            storePath: storePath, out: out ?? "checkup-records/\(inventory.id)/\(month)",
            formats: format.formats, lang: lang, template: template,
            evidence: evidence, options: options.pipelineOptions(concurrency: concurrency), showProgress: !json, keepsResults: json,
            credentials: options.credentials)
        let (recordStore, renderer) = try inspection.prepare(opening: opening)

        var devices = inventory.devices
        if !only.isEmpty {
            for id in only where !devices.contains(where: { $0.id == id }) {
                let hint = Suggest.closest(to: id, in: devices.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw CheckupError("--only: no device '\(id)' in \(site)\(hint)")
            }
            devices = devices.filter { only.contains($0.id) }
        }
        if resume {
            guard let left = try recordStore.unfinishedDevices(site: inventory.id, month: month) else {
                throw CheckupError("--resume: the last run of \(inventory.id) \(month) in \(recordStore.path) is complete; nothing to resume")
            }
            devices = devices.filter { left.contains($0.id) }
            FileHandle.standardError.write(Data("checkup: resuming: \(devices.count) devices left unchecked\n".utf8))
        }
        let jobs = try devices.map(planner.job)
        let outcome = try await inspection.run(jobs, store: recordStore, renderer: renderer)

        if json {
            print(try JSONReport(outcome.report, month: month, includeExchanges: false).encoded())
        } else {
            print(RunSummary(outcome: outcome, storePath: recordStore.path, lang: lang).lines.joined(separator: "\n"))
            if outcome.report.incomplete {
                print("run incomplete: `checkup run --site \(site) --month \(month) --date \(inspectedOn) --resume` inspects the rest")
            }
        }
        // A 10,000-device run holds 60,000 rows and their evidence: freeing them one by one took
        // a quarter of a second after the record was written. The store is closed (its file
        // complete), stdout is flushed by exit(3), and the system takes the memory back at once.
        try recordStore.close()
        Foundation.exit(outcome.exitStatus.rawValue)
    }

    /// Runs the pipeline with progress on stderr and Ctrl-C handling.
    static func inspect(_ jobs: [Job], site: Site, options: PipelineOptions,
                        progress: @escaping @Sendable (ProgressEvent) -> Void,
                        beforeForcedExit: @escaping @Sendable () -> Void = {}) async -> RunReport {
        let pipeline = CheckPipeline(options: options)
        let task = Task { await pipeline.run(jobs, site: site, progress: progress) }
        let interrupt = InterruptSignal(onInterrupt: { task.cancel() }, beforeExit: beforeForcedExit)
        let report = await task.value
        interrupt.cancel()
        return report
    }
}
