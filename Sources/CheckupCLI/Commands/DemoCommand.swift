import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup demo`: a simulated site inspected end to end, with no hardware.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Inspect a simulated site end to end (alarm host, PTZ decoders, camera, NVR, UPS) and write its record.",
        discussion: """
        Starts the simulators (our libmodbus alarm host, two Pelco-D decoders on a pseudo-terminal, \
        net-snmp's snmpd as a camera, an NVR and a UPS) with three faults injected: an NVR disk \
        SMART-failed, zone 5 in fault, one decoder silent. Runs the normal monthly inspection, \
        writes the record (HTML, Markdown and PDF) to --out, stops the simulators, and exits 2 \
        because faults were found. examples/demo-site.yaml is the same site, documented.
        """)

    @Option(help: ArgumentHelp("Directory for the record and the demo's store (default ./checkup-demo).", valueName: "DIR"))
    var out: String = "checkup-demo"

    @Option(help: ArgumentHelp("Record store: a SQLite file or postgres://USER@HOST[:PORT]/DB (default DIR/checkup.sqlite).",
                               valueName: "PATH|URL"))
    var store: String?

    @Option(help: "Language of the record: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Record formats, comma-separated: \(RecordFormat.names) (default: html,md,pdf).", valueName: "LIST"),
            transform: RecordFormats.parse)
    var format = RecordFormats([.html, .markdown, .pdf])

    @Option(help: "Evidence (values read, exchanges): appendix after the form, separate file, or none.")
    var evidence: EvidencePlacement = .appendix

    func run() async throws {
        try FormatAvailability.check(format.formats)  // before any simulator starts
        let outDir = URL(fileURLWithPath: out).standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let work = NSTemporaryDirectory() + "checkup-demo-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        print("checkup demo: starting the simulated site…")
        let site = DemoSite(workDirectory: work)
        // Until the run takes over Ctrl-C, an interrupt stops whatever simulators have started.
        let startup = InterruptSignal(onInterrupt: {
            site.stop()
            try? FileManager.default.removeItem(atPath: work)
            Foundation.exit(130)
        })
        let inventoryText: String
        do { inventoryText = try await site.start() } catch {
            startup.cancel()
            throw error
        }
        startup.cancel()
        defer { site.stop() }
        let inventoryPath = outDir + "/site.yaml"
        try CommandOutput.write(Data(inventoryText.utf8), to: inventoryPath)

        let workspace = Workspace()
        let inventory = try InventoryLoader.load(path: inventoryPath, probes: workspace.registry, knownProfiles: workspace.catalog.ids)
        let planner = JobPlanner(workspace: workspace, credentialsFile: CredentialsFile(),
                                 environment: Credentials(community: Secret("public")))
        let jobs = try inventory.devices.map(planner.job)
        let inspection = MonthlyInspection(
            site: inventory, month: RunCommand.currentMonth, inspectedOn: Period.day(of: Date()), technicians: ["demo"],
            storePath: store ?? outDir + "/checkup.sqlite", out: outDir, formats: format.formats,
            lang: lang, template: nil, evidence: evidence,
            options: PipelineOptions(concurrency: 64, timeout: .milliseconds(500), retries: 1, deadline: .seconds(30)))
        let (store, renderer) = try inspection.prepare()
        print("inspecting \(jobs.count) devices of \(inventory.name) (\(inventory.client))…")
        let outcome = try await inspection.run(jobs, store: store, renderer: renderer,
                                               beforeForcedExit: { site.stop(); try? FileManager.default.removeItem(atPath: work) })
        await BlockingIO.shared.run { site.stop() }  // SIGTERM and reap each snmpd: blocking, so off the pool
        print(RunSummary(outcome: outcome, storePath: store.path, lang: lang).lines.joined(separator: "\n"))
        print("inventory of the simulated site: \(inventoryPath)")
        throw ExitCode(outcome.exitStatus.rawValue)
    }
}
