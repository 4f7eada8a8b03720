package import Foundation
import Logging

/// Inspects many devices: bounded fan-out, one transaction at a time per bus, a deadline per
/// device, and cooperative cancellation that keeps every completed result.
///
/// Cancelling the task that calls `run` stops new devices from starting; devices already in
/// flight finish (their blocking calls cannot be interrupted anyway), and the report is marked
/// incomplete with the devices left unchecked.
package struct CheckPipeline: Sendable {
    package var options: PipelineOptions
    package var io: BlockingIO
    package var buses: BusRegistry
    package var now: @Sendable () -> Date

    /// Per-device debug lines (`CHECKUP_LOG_LEVEL=debug`); endpoints are printed redacted.
    static let logger = Logger(label: "checkup.pipeline")

    package init(options: PipelineOptions = PipelineOptions(), io: BlockingIO = .shared,
                buses: BusRegistry = BusRegistry(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.options = options
        self.io = io
        self.buses = buses
        self.now = now
    }

    package func run(_ jobs: [Job], site: Site? = nil,
                    progress: @escaping @Sendable (ProgressEvent) -> Void = { _ in }) async -> RunReport {
        let startedAt = now()
        var outcomes: [Int: (DeviceOutcome, [CheckResult])] = [:]
        var next = 0
        let total = jobs.count
        let limit = max(1, options.concurrency)
        // Set on cancellation: no new device starts, and devices still queued for their bus give up.
        let stopping = Locked(false)

        await withTaskCancellationHandler {
            await withTaskGroup(of: (Int, (DeviceOutcome, [CheckResult])?).self) { group in
                func startNext() {
                    guard next < jobs.count, !stopping.withLock({ $0 }) else { return }
                    let index = next
                    next += 1
                    let job = jobs[index]
                    progress(.started(device: job.device.id, done: outcomes.count, total: total))
                    group.addTask { (index, await inspect(job, stopping: stopping)) }
                }
                for _ in 0..<min(limit, jobs.count) { startNext() }
                while let (index, inspected) = await group.next() {
                    if let (outcome, results) = inspected {
                        outcomes[index] = options.keepsResults ? (outcome, results) : (Self.withoutExchanges(outcome), [])
                        progress(.finished(outcome: outcome, results: results, done: outcomes.count, total: total))
                    }
                    startNext()
                }
            }
        } onCancel: {
            stopping.withLock { $0 = true }
        }

        let done = jobs.indices.compactMap { outcomes[$0] }
        let unchecked = jobs.indices.filter { outcomes[$0] == nil }.map { jobs[$0].device.id }
        var report = RunReport(site: site, startedAt: startedAt, finishedAt: now(), incomplete: !unchecked.isEmpty,
                               devices: done.map(\.0), results: done.flatMap(\.1))
        report.unchecked = unchecked
        return report
    }

    /// What the report keeps of a device whose results were handed on (`PipelineOptions.keepsResults`).
    static func withoutExchanges(_ outcome: DeviceOutcome) -> DeviceOutcome {
        var outcome = outcome
        outcome.exchanges = []
        return outcome
    }

    /// Reads one device under its bus lock and deadline, then judges its checks; nil when the
    /// run stopped while the device was still waiting for its bus.
    func inspect(_ job: Job, stopping: Locked<Bool> = Locked(false)) async -> (DeviceOutcome, [CheckResult])? {
        let clock = ContinuousClock()
        let start = clock.now
        guard let readings = await read(job, stopping: stopping) else {
            Self.logger.debug("not read: the run stopped", metadata: ["device": "\(job.device.id)"])
            return nil
        }
        let elapsed = (clock.now - start).milliseconds
        let evaluator = Evaluator(allowActive: options.allowActive, now: now())
        let results = evaluator.evaluate(job.profile, readings: readings, device: job.device.id)
        let outcome = DeviceOutcome(device: job.device.id, profile: job.profile.id, endpoint: job.device.endpoint.description,
                                    unreachable: readings.unreachable, durationMs: elapsed, exchanges: readings.exchanges)
        // The pipeline's exit: secrets out of everything it hands on, once (docs/design.md).
        let scrubber = Scrubber(job.credentials, endpoint: job.device.endpoint)
        let clean = (scrubber.scrub(outcome), results.map(scrubber.scrub))
        Self.logger.debug("\(clean.0.unreachable.map { "unreachable: \($0)" } ?? "read") in \(Int(elapsed)) ms, \(ExitStatus.of(results.map(\.status)).label)",
                          metadata: ["device": "\(job.device.id)"])
        return clean
    }

    /// Reads one device's points under its bus lock and deadline, active ones only as
    /// `options` allow (`ActiveSteps`): the one way from a job to the wire, for `run`, `probe`
    /// and `capture`. Not scrubbed: whoever keeps or prints the readings scrubs them. Nil when
    /// the run stopped while the device was still waiting for its bus.
    package func read(_ job: Job, stopping: Locked<Bool> = Locked(false)) async -> Readings? {
        let context = ProbeContext(timeout: options.timeout, retries: options.retries, credentials: job.credentials,
                                   allowActive: options.allowActive, trace: options.trace, keepsWire: options.keepsWire,
                                   io: io, buses: buses, now: now)
        let points = ActiveSteps(allowed: options.allowActive).points(of: job.profile)
        Self.logger.debug("reading \(points.count) points", metadata: ["device": "\(job.device.id)", "endpoint": "\(job.device.endpoint)"])
        return await readWithDeadline(job, points: points, context: context, stopping: stopping)
    }

    /// Races the probe against the device deadline, counted from when the device has its bus.
    /// The read runs in its own task so that cancelling the run lets it finish, and the bus
    /// stays held until the wire is quiet even when the deadline has already answered.
    private func readWithDeadline(_ job: Job, points: [PointSpec], context: ProbeContext, stopping: Locked<Bool>) async -> Readings? {
        let once = Locked(false)
        let deadline = options.deadline
        let buses = self.buses
        return await withCheckedContinuation { (continuation: CheckedContinuation<Readings?, Never>) in
            Task.detached {
                await buses.withBus(job.probe.busKey(job.device.endpoint)) {
                    if stopping.withLock({ $0 }) {
                        continuation.resume(returning: nil)
                        return
                    }
                    let timer = DeadlineWatch.shared.set(after: deadline) {
                        if once.withLock({ let first = !$0; $0 = true; return first }) {
                            continuation.resume(returning: .unreachable("no complete answer within the \(deadline) device deadline"))
                        }
                    }
                    let readings = await job.probe.read(points, from: job.device.endpoint, context: context)
                    DeadlineWatch.shared.cancel(timer)
                    if once.withLock({ let first = !$0; $0 = true; return first }) {
                        continuation.resume(returning: readings)
                    }
                }
            }
        }
    }
}
