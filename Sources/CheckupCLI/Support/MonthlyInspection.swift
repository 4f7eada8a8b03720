import CheckupCore
import Foundation
import InspectionRecords
import Logging

/// What `checkup run` and `checkup demo` share: everything the run needs is checked before
/// the first device is contacted; each device's results go to the store as they arrive; the
/// month's current record is then composed from every visit (one new version per run) and
/// written in each format; the terminal summary is counted from that same record.
struct MonthlyInspection {
    /// `CHECKUP_LOG_LEVEL=info` prints how long the network and the records phases took (bench-run reads it).
    static let logger = Logger(label: "checkup.run")

    var site: Site
    var month: String
    /// The inspection date, `YYYY-MM-DD` (see `InspectionDate`).
    var inspectedOn: String
    var technicians: [String]
    var storePath: String
    var out: String
    var formats: [RecordFormat]
    var lang: Language
    var template: String?
    var evidence: EvidencePlacement = .appendix
    var options: PipelineOptions
    var showProgress = true
    /// `--json` prints every result; otherwise the pipeline keeps none: the committer holds them
    /// once stored, and the store lets them go once the record is composed (memory at 10,000 devices).
    var keepsResults = false
    /// `--credentials`: also where an office store's password may be (`StoreOpening`).
    var credentials: String?

    /// What the run leaves: the store, the new version, the files, the lines to print.
    struct Outcome {
        /// The run as the pipeline ended it; `results` is empty unless `keepsResults`.
        var report: RunReport
        /// The run's exit status over all its results (kept when the results are let go).
        var runStatus: ExitStatus
        var record: MonthlyRecord
        var files: [URL]
        var orphanedAnswers: [String]
        var notInspected: [NotInspectedDevice]
        /// 3 when devices could not even be tried (a missing bus): the job was not all done.
        var exitStatus: ExitStatus {
            notInspected.isEmpty ? runStatus : .unknown
        }
    }

    /// Opens the store (or takes the one `opening` opened meanwhile) and checks the output
    /// folder, the templates and the PDF renderer: nothing is probed before this.
    func prepare(opening: StoreInBackground? = nil) throws -> (RecordStore, RecordRenderer) {
        do {
            try FormatAvailability.check(formats)
            let renderer = try RecordRenderer(templateOverrides: template.map { [URL(fileURLWithPath: $0)] } ?? [],
                                              options: RecordRenderer.Options(evidence: evidence))
            try OutputFolder.checkWritable(out)
            let store = try opening?.store() ?? StoreOpening.open(storePath, create: true, credentials: credentials)
            return (store, renderer)
        } catch {
            opening?.abandon()
            throw error
        }
    }

    func run(_ jobs: [Job], store: RecordStore, renderer: RecordRenderer,
             beforeForcedExit: @escaping @Sendable () -> Void = {}) async throws -> Outcome {
        let (ready, missing) = SerialBuses.partition(jobs)
        for device in missing {
            FileHandle.standardError.write(Data("checkup: \(device.device): \(device.detail); not inspected\n".utf8))
        }
        // One run per site-month at a time; a dead run's lock (SIGKILL, power cut) is taken over.
        if let stale = try store.lockMonth(site: site.id, month: month) {
            FileHandle.standardError.write(Data("checkup: took over the lock of a run that is gone (pid \(stale.pid), since \(stale.since))\n".utf8))
        }
        defer { try? store.unlockMonth(site: site.id, month: month) }
        let secrets = jobs.flatMap(\.credentials.secretValues)
        let scrubber = Scrubber(site: site, extra: secrets)
        let runId = try store.beginRun(RunPlan(site: site, month: month, inspectedOn: inspectedOn, technicians: technicians,
                                               devices: ready.map(\.device.id), startedAt: Date()))
        let committer = ArrivalCommitter(store: store, run: runId, scrubber: scrubber)
        let networkStart = ContinuousClock.now
        renderer.parseAhead(formats)
        let progress = ProgressDisplay(enabled: showProgress)
        var options = options
        options.keepsResults = keepsResults  // else the committer holds what the record needs, and counts the statuses
        let report = await RunCommand.inspect(ready, site: site, options: options, progress: { event in
            progress.handle(event)
            guard case .finished(let outcome, let results, _, _) = event else { return }
            committer.arrive(outcome, results: results)
        }, beforeForcedExit: beforeForcedExit)
        let committed = try committer.finish()
        let runStatus = keepsResults ? report.exitStatus : committer.exitStatus
        let lastReply = ContinuousClock.now
        Self.logger.info("network phase \(Self.seconds(lastReply - networkStart)) s, \(ready.count) devices, peak RSS \(Self.peakRSS)")
        defer { Self.logger.info("records phase \(Self.seconds(ContinuousClock.now - lastReply)) s, peak RSS \(Self.peakRSS)") }
        try store.finishRun(runId, finishedAt: report.finishedAt, incomplete: report.incomplete,
                            exitStatus: runStatus, notInspected: missing)
        // The pages are drafted while the store seals the version (`RecordDraft`).
        let folder = URL(fileURLWithPath: out)
        var draft: RecordDraft?
        let composed = try store.storeNewVersion(site: site.id, month: month, run: runId,
                                                 filler: RecordFiller(secrets: scrubber.secrets),
                                                 current: consume committed, inventory: site) { record in
            draft = renderer.draft(record, formats: formats, lang: lang, to: folder)
        }
        store.prepareToClose()
        let files = try (draft ?? renderer.draft(composed.record, formats: formats, lang: lang, to: folder))
            .finish(composed.record, document: composed.document)
        return Outcome(report: report, runStatus: runStatus, record: composed.record, files: files,
                       orphanedAnswers: composed.orphanedAnswers, notInspected: missing)
    }
}

extension MonthlyInspection {
    /// The process's peak resident memory so far (Linux's VmHWM), for the phase log lines.
    static var peakRSS: String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kB = line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        return "\(kB / 1024) MB"
    }

    static func seconds(_ d: Duration) -> String {
        String(format: "%.3f", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}

/// Serial ports a run needs, checked before any device is contacted: a missing RS-485 adapter
/// is the technician's problem, not a fault of the heads on it.
enum SerialBuses {
    static let notConnected = LocalizedText(zh: "串口总线未接入", en: "serial bus not connected")

    static func partition(_ jobs: [Job]) -> (ready: [Job], missing: [NotInspectedDevice]) {
        var ready: [Job] = []
        var missing: [NotInspectedDevice] = []
        for job in jobs {
            if let path = job.device.endpoint.path, !FileManager.default.fileExists(atPath: path) {
                missing.append(NotInspectedDevice(device: job.device.id, note: notConnected,
                                                  detail: "serial port \(path) does not exist (adapter unplugged?)"))
            } else {
                ready.append(job)
            }
        }
        return (ready, missing)
    }
}

/// The record's folder must take files before the run starts, not after the site was probed.
enum OutputFolder {
    static func checkWritable(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CheckupError("--out \(path): cannot create the folder (\(error.localizedDescription))")
        }
        let probe = path + "/.checkup-write-test-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: Data("ok".utf8)) else {
            throw CheckupError("--out \(path): the folder does not take files (read-only or full?)")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }
}
