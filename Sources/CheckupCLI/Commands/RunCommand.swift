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
          checkup run --site acme.yaml --month 2026-11 --out records/ --format html,md --lang zh
        Ctrl-C stops gracefully: devices in flight finish, completed results are kept, the run
        is recorded as incomplete; `--resume` then inspects only the devices left unchecked.
        """)

    @Option(help: ArgumentHelp("Site inventory (YAML).", valueName: "FILE"))
    var site: String

    @Option(help: "Month inspected, YYYY-MM (default: this month).")
    var month: String?

    @Option(help: ArgumentHelp("Directory for the record files (default: ./checkup-records/SITE/MONTH).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("Record formats, comma-separated: \(RecordFormat.names).", valueName: "LIST"))
    var format: String = "html,md"

    @Option(help: "Evidence (values read, exchanges): appendix after the form, separate file, or none.")
    var evidence: EvidencePlacement = .appendix

    @Option(help: ArgumentHelp("Record store (SQLite). Default: $CHECKUP_STORE or ~/.local/share/checkup/checkup.sqlite.", valueName: "PATH"))
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
        if let month, RunCommand.parseMonth(month) == nil { throw ValidationError("--month must be YYYY-MM, e.g. 2026-11") }
        guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency must be 1…1024") }
        do { _ = try RecordFormat.list(format) } catch { throw ValidationError("--format: \(error.message)") }
    }

    /// `YYYY-MM` with digits only ("2026-+1" is not a month).
    static func parseMonth(_ text: String) -> String? {
        guard text.range(of: "^[0-9]{4}-(0[1-9]|1[0-2])$", options: .regularExpression) != nil,
              let year = Int(text.prefix(4)), (2000...2100).contains(year) else { return nil }
        return text
    }

    static var currentMonth: String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM"
        return f.string(from: Date())
    }

    func run() async throws {
        try RecordStep.checkFormats(format)
        let month = self.month ?? RunCommand.currentMonth
        let workspace = options.workspace()
        let inventory = try InventoryLoader.load(path: site, knownProfiles: workspace.catalog.ids)
        let planner = JobPlanner(workspace: workspace, credentialsFile: try Workspace.loadCredentials(options.credentials))
        let outDir = out ?? "checkup-records/\(inventory.id)/\(month)"

        var devices = inventory.devices
        if !only.isEmpty {
            for id in only where !devices.contains(where: { $0.id == id }) {
                throw CheckupError("--only: no device '\(id)' in \(site)")
            }
            devices = devices.filter { only.contains($0.id) }
        }
        var earlier: RunReport?
        if resume {
            earlier = try RunFiles.loadPartial(in: outDir)
            let left = Set(earlier?.unchecked ?? [])
            devices = devices.filter { left.contains($0.id) }
            FileHandle.standardError.write(Data("checkup: resuming: \(devices.count) devices left unchecked\n".utf8))
        }
        let jobs = try devices.map(planner.job)

        let report = await RunCommand.inspect(jobs, site: inventory, options: options.pipelineOptions(concurrency: concurrency),
                                              showProgress: !json)
        let merged = earlier.map { RunFiles.merge($0, report) } ?? report
        try RunFiles.save(merged, in: outDir)

        let outputs = try await RecordStep(month: month, out: outDir, formats: format, store: store, lang: lang,
                                     technicians: technician, template: template, evidence: evidence,
                                     secrets: jobs.flatMap(\.credentials.secretValues)).write(merged)
        if json {
            print(try JSONReport(merged, month: month, includeExchanges: false).encoded())
        } else {
            print(TextReport(terminal: .standardOutput, lang: lang).summary(merged))
            for line in outputs { print(line) }
            if merged.incomplete { print("run incomplete: `checkup run --site \(site) --month \(month) --resume` inspects the rest") }
        }
        throw ExitCode(merged.exitStatus.rawValue)
    }

    /// Runs the pipeline with progress on stderr and Ctrl-C handling.
    static func inspect(_ jobs: [Job], site: Site, options: PipelineOptions, showProgress: Bool,
                        beforeForcedExit: @escaping @Sendable () -> Void = {}) async -> RunReport {
        let progress = ProgressDisplay(enabled: showProgress)
        let pipeline = CheckPipeline(options: options)
        let task = Task { await pipeline.run(jobs, site: site, progress: progress.handle) }
        let interrupt = InterruptSignal(onInterrupt: { task.cancel() }, beforeExit: beforeForcedExit)
        let report = await task.value
        interrupt.cancel()
        return report
    }
}
