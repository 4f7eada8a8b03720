import CheckupCore
import CheckupTestKit
import Foundation
import Testing

/// The pipeline against a scripted probe: fan-out limit, one transaction per bus, deadlines,
/// cancellation that keeps completed results.
struct PipelineTests {
    func job(_ host: String, probe: ScriptedProbe, path: String? = nil, unit: Int = 1) throws -> Job {
        let profile = try scriptedProfile("  - id: ok\n    title: OK\n    point: v\n    equals: 1", points: "v: {key: v}")
        let endpoint = path.map { Endpoint(scheme: "scripted", path: $0, query: ["unit": "\(unit)"]) } ?? Endpoint(scheme: "scripted", host: host)
        let device = Device(id: path.map { "\($0)#\(unit)" } ?? host, name: host, kind: .camera, profile: "test", endpoint: endpoint)
        return Job(device: device, profile: profile, probe: ProbeRegistry.with(probe).probes[0], credentials: Credentials())
    }

    /// Active steps are decided once, by the pipeline: without --allow-active the probe is never
    /// handed an active point, and the check on it is skipped, not failed.
    @Test func activePointsReachTheProbeOnlyWhenAllowed() async throws {
        let profile = try scriptedProfile("""
              - id: ok
                title: OK
                point: v
                equals: 1
              - id: move
                title: Move
                point: m
                equals: 1
            """, points: "v: {key: v}\n  m: {key: m, active: true}")
        let probe = ScriptedProbe(devices: ["h": .init(values: ["v": .integer(1), "m": .integer(1)])])
        var job = try job("h", probe: probe)
        job.profile = profile
        let refused = await CheckPipeline().read(job)
        #expect(refused?["v"]?.value == .integer(1))
        #expect(refused?["m"] == nil, "an active point reached the probe without --allow-active")
        let allowed = await CheckPipeline(options: PipelineOptions(allowActive: true)).read(job)
        #expect(allowed?["m"]?.value == .integer(1))
        let skipped = await CheckPipeline().run([job])
        #expect(skipped.results.map(\.status) == [.pass, .skipped])
        #expect(ActiveSteps.refused.points(of: profile).map(\.id) == ["v"])
    }

    @Test func fanOutIsBoundedByTheLimit() async throws {
        let devices = Dictionary(uniqueKeysWithValues: (0..<40).map { ("h\($0)", ScriptedProbe.Device(values: ["v": .integer(1)], delay: .milliseconds(40))) })
        let probe = ScriptedProbe(devices: devices)
        let jobs = try (0..<40).map { try job("h\($0)", probe: probe) }
        let report = await CheckPipeline(options: PipelineOptions(concurrency: 8)).run(jobs)
        #expect(probe.stats.maxInFlight == 8)
        #expect(report.results.count == 40)
        #expect(report.results.allSatisfy { $0.status == .pass })
        #expect(!report.incomplete)
    }

    @Test func oneTransactionAtATimePerBus() async throws {
        var devices: [String: ScriptedProbe.Device] = [:]
        for unit in 1...6 { devices["/dev/ttyA#\(unit)"] = .init(values: ["v": .integer(1)], delay: .milliseconds(20)) }
        for unit in 1...6 { devices["/dev/ttyB#\(unit)"] = .init(values: ["v": .integer(1)], delay: .milliseconds(20)) }
        let probe = ScriptedProbe(devices: devices)
        let jobs = try (1...6).flatMap { unit in
            [try job("", probe: probe, path: "/dev/ttyA", unit: unit), try job("", probe: probe, path: "/dev/ttyB", unit: unit)]
        }
        let report = await CheckPipeline(options: PipelineOptions(concurrency: 64)).run(jobs)
        #expect(probe.stats.maxInFlight(onBus: "serial:/dev/ttyA") == 1)
        #expect(probe.stats.maxInFlight(onBus: "serial:/dev/ttyB") == 1)
        #expect(probe.stats.maxInFlight == 2, "the two buses should work in parallel")
        #expect(report.results.count == 12)
    }

    @Test func aHungDeviceIsCutAtItsDeadlineWhileOthersFinish() async throws {
        let probe = ScriptedProbe(devices: [
            "alive": .init(values: ["v": .integer(1)]),
            "hung": .hung(),
            "dead": .init(unreachable: "connection refused"),
        ])
        let jobs = try ["alive", "hung", "dead"].map { try job($0, probe: probe) }
        let report = await CheckPipeline(options: PipelineOptions(deadline: .milliseconds(300))).run(jobs)
        let byDevice = Dictionary(uniqueKeysWithValues: report.results.map { ($0.device, $0) })
        #expect(byDevice["alive"]?.status == .pass)
        #expect(byDevice["hung"]?.status == .unreachable)
        #expect(byDevice["hung"]?.observed.contains("deadline") == true)
        #expect(byDevice["dead"]?.status == .unreachable)
        #expect(report.exitStatus == .critical)
    }

    @Test func cancellationKeepsCompletedResults() async throws {
        var devices: [String: ScriptedProbe.Device] = [:]
        for i in 0..<20 { devices["h\(i)"] = .init(values: ["v": .integer(1)], delay: .milliseconds(i < 2 ? 10 : 400)) }
        let probe = ScriptedProbe(devices: devices)
        let jobs = try (0..<20).map { try job("h\($0)", probe: probe) }
        let pipeline = CheckPipeline(options: PipelineOptions(concurrency: 4))
        let report = await runCancelled(pipeline, jobs, afterFinished: 2)
        #expect(report.incomplete)
        #expect(report.results.count >= 2, "completed devices are kept")
        #expect(report.results.count < 20)
        #expect(report.devices.count + report.unchecked.count == 20)
        #expect(report.results.allSatisfy { $0.status == .pass }, "in-flight devices finished instead of being cut")
    }

    @Test func cancellationReleasesDevicesQueuedOnABus() async throws {
        var devices: [String: ScriptedProbe.Device] = [:]
        for unit in 1...8 { devices["/dev/ttyQ#\(unit)"] = .init(values: ["v": .integer(1)], delay: .milliseconds(100)) }
        let probe = ScriptedProbe(devices: devices)
        let jobs = try (1...8).map { try job("", probe: probe, path: "/dev/ttyQ", unit: $0) }
        let report = await runCancelled(CheckPipeline(), jobs, afterFinished: 2)
        #expect(report.incomplete)
        #expect(report.devices.count >= 2 && report.devices.count <= 3, "devices queued behind the bus were not read: \(report.devices.count)")
        #expect(report.unchecked.count == 8 - report.devices.count)
    }

    /// Runs the pipeline and cancels it once `count` devices have finished (no timing guesses).
    func runCancelled(_ pipeline: CheckPipeline, _ jobs: [Job], afterFinished count: Int) async -> RunReport {
        let handle = Locked<Task<RunReport, Never>?>(nil)
        let finished = Locked(0)
        let task = Task {
            await pipeline.run(jobs) { event in
                guard case .finished = event else { return }
                if finished.withLock({ $0 += 1; return $0 }) == count { handle.withLock { $0?.cancel() } }
            }
        }
        handle.withLock { $0 = task }
        if finished.withLock({ $0 }) >= count { task.cancel() }
        return await task.value
    }

    @Test func progressEventsCountEveryDevice() async throws {
        let probe = ScriptedProbe(devices: ["a": .init(values: ["v": .integer(1)]), "b": .init(values: ["v": .integer(0)])])
        let jobs = try ["a", "b"].map { try job($0, probe: probe) }
        let events = Locked<[String]>([])
        _ = await CheckPipeline().run(jobs) { event in
            if case .finished(let outcome, _, let done, let total) = event { events.withLock { $0.append("\(outcome.device) \(done)/\(total)") } }
        }
        #expect(events.withLock { $0.count } == 2)
        #expect(events.withLock { $0.contains { $0.hasSuffix("2/2") } })
    }

    @Test func blockingIORunsOffTheCooperativePool() async throws {
        let io = BlockingIO(maxThreads: 4, name: "test.io")
        let name = await io.run { BlockingIO.currentThreadName ?? "" }
        #expect(name.hasPrefix("test.io."))
        #expect(BlockingIO.currentThreadName == nil, "the test itself runs on the cooperative pool")
        // 8 blocking calls of 50 ms on 4 threads: all complete, and the pool never grew past 4.
        await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<8 { group.addTask { await io.run { usleep(50_000) } } }
            await group.waitForAll()
        }
        #expect(io.threadCount == 4)
    }
}
