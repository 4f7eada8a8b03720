import CheckupCore
import Foundation
import InspectionRecords

/// Commits each device's results to the store as they arrive, scrubbed, so a crash loses at
/// most the devices in flight. Commits block (a round trip on PostgreSQL): they run in order on
/// one queue, never on the cooperative threads the probes share. The devices that finish while
/// a commit runs go in the next one together: one transaction per batch, not per device. Each
/// device is scrubbed and encoded where it arrives, so the one queue only writes: at 400 cameras
/// the JSON was half its work, and the run's last commit is when its network phase ends.
final class ArrivalCommitter: Sendable {
    private let store: RecordStore
    private let run: Int64
    private let scrubber: Scrubber
    private let queue = DispatchQueue(label: "checkup.store-writer")
    private let arrived = Locked<[PreparedInspection]>([])
    /// What was committed, by device: the version is composed from it (the run's one copy of its
    /// results unless `--json`: the pipeline's report keeps none).
    private let committed = Locked<[String: DeviceInspection]>([:])
    private let failed = Locked<[(device: String, error: String)]>([])
    /// Every status a result had: the run's exit status, without keeping the results for it.
    private let statuses = Locked<Set<CheckStatus>>([])

    init(store: RecordStore, run: Int64, scrubber: Scrubber) {
        self.store = store
        self.run = run
        self.scrubber = scrubber
    }

    func arrive(_ outcome: DeviceOutcome, results: [CheckResult]) {
        statuses.withLock { $0.formUnion(results.map(\.status)) }
        let inspection = PreparedInspection(DeviceInspection(outcome: outcome, results: results, inspectedAt: Date()),
                                            scrubber: scrubber)
        let startsBatch = arrived.withLock { $0.append(inspection); return $0.count == 1 }
        guard startsBatch else { return }
        queue.async { [self] in
            let batch = arrived.withLock { batch in defer { batch = [] }; return batch }
            do {
                let stored = try store.commit(batch, run: run)
                committed.withLock { kept in
                    for var inspection in stored {
                        // An answering device's raw exchanges are in the store, not in its record rows:
                        // no need to hold 10,000 transcripts until the version is composed.
                        if !RecordFiller.isOffline(inspection.outcome, inspection.results) { inspection.outcome.exchanges = [] }
                        kept[inspection.outcome.device] = inspection
                    }
                }
            } catch {
                failed.withLock { $0 += batch.map { ($0.inspection.outcome.device, "\(error)") } }
            }
        }
    }

    /// The exit status over every result that arrived (as `RunReport.exitStatus` counts it).
    var exitStatus: ExitStatus { ExitStatus.of(statuses.withLock { $0 }) }

    /// Waits for the commits under way; throws naming the devices whose results could not be stored.
    /// Hands over what was committed (not kept here too: the version is composed from it).
    func finish() throws -> [String: DeviceInspection] {
        queue.sync {}
        let failures = failed.withLock { $0 }
        if let first = failures.first {
            // What was committed stays in the store; `run --resume` inspects the devices named here.
            throw CheckupError("record store \(store.path): the results of \(failures.count) device(s) could not be stored "
                               + "(\(failures.map(\.device).joined(separator: ", "))): \(first.error); "
                               + "the devices committed before stay stored, `checkup run --resume` inspects the rest")
        }
        return committed.withLock { kept in defer { kept = [:] }; return kept }
    }
}
