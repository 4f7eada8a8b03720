import CheckupCore
import DeviceSimulators
import Foundation
import PelcoProbe
import Testing

/// The probe inside the core's `CheckPipeline` (bus lock per device, fan-out, deadline):
/// the path `checkup run` takes.
@Suite(.serialized)
struct PipelineTests {
    @Test func aBusWithADeadDecoderKeepsTheLiveOnesData() async throws {
        let decoders = [SimulatedDecoder(address: 1, position: HeadPosition(pan: 11, tilt: 1)),
                        SimulatedDecoder(address: 2, silent: true),
                        SimulatedDecoder(address: 3, position: HeadPosition(pan: 33, tilt: 3))]
        let h = try SimulatorHarness(decoders: decoders)
        let registry = ProbeRegistry { $0.register(h.probe) }
        let profile = try ProfileFixtureTests.profile("pelco-d-generic")
        let probe = try #require(registry.probe(forProtocol: "pelco"))
        let jobs = try (1...3).map { a in
            Job(device: Device(id: "ptz-\(a)", name: "PTZ \(a)", kind: .ptzDecoder, profile: profile.id, endpoint: try h.endpoint(a)),
                profile: profile, probe: probe, credentials: Credentials())
        }
        let pipeline = CheckPipeline(options: PipelineOptions(concurrency: 8, timeout: .seconds(1)))
        let report = await pipeline.run(jobs)
        func status(_ device: String, _ check: String) -> CheckStatus? {
            report.results.first { $0.device == device && $0.check == check }?.status
        }
        #expect(status("ptz-1", "pan") == .pass)
        #expect(status("ptz-3", "pan") == .pass)
        #expect(report.results.first { $0.device == "ptz-3" && $0.check == "pan" }?.observed == "33 °")
        #expect(status("ptz-2", "pan") == .unreachable)
        #expect(status("ptz-2", "motion") == .skipped)
        #expect(report.devices.first { $0.device == "ptz-2" }?.unreachable?.contains("did not answer") == true)
        #expect(h.simulator.snapshots.allSatisfy { $0.movementCommandsReceived == 0 }, "a passive run moves nothing")
        await h.stop()
    }
}
