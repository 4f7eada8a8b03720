import CheckupTestKit
import CheckupCore
import DeviceSimulators
import Foundation
import PelcoProbe
import Testing

/// The shipped PTZ profiles, loaded by the core's loader and judged by its evaluator, against
/// their recorded fixtures (device-profiles/ptz-decoders/fixtures/<id>.yaml) and against a live
/// simulated decoder.
@Suite(.serialized)
struct ProfileFixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let profileDir = root.appendingPathComponent("device-profiles/ptz-decoders")
    static let profileIDs = ["pelco-d-generic", "pelco-p-generic"]

    static func loader() -> ProfileLoader {
        ProfileLoader(registry: ProbeRegistry { $0.register(PTZDecoderProbe()) })
    }

    static func profile(_ id: String) throws -> Profile {
        try loader().load(path: profileDir.appendingPathComponent("\(id).yaml").path)
    }

    @Test(arguments: profileIDs)
    func profileJudgesItsRecordedFixture(_ id: String) throws {
        let profile = try Self.profile(id)
        #expect(profile.protocolName == "pelco")
        #expect(profile.record?.section == .frontEnd)
        #expect(profile.record?.item.zh == "云台/解码器")
        let cases = try RecordedCase.load(path: Self.profileDir.appendingPathComponent("fixtures/\(id).yaml").path, profile: id)
        #expect(!cases.isEmpty)
        for c in cases {
            let results = c.judge(profile)
            #expect(Set(results.map(\.check)) == Set(c.expect.keys), "\(id) / \(c.name): every check has an expectation")
            for r in results {
                #expect(r.status == c.expect[r.check], "\(id) / \(c.name) / \(r.check): \(r.status) — \(r.observed)")
            }
        }
    }

    static func points(_ profile: Profile, allowActive: Bool) -> [Point<PTZPointAddress>] {
        profile.points.filter { !$0.active || allowActive }.compactMap { spec in
            (spec.address as? PTZPointAddress).map { Point(id: spec.id, address: $0, active: spec.active, unit: spec.unit) }
        }
    }

    @Test func pelcoDProfileAgainstALiveDecoder() async throws {
        let profile = try Self.profile("pelco-d-generic")
        let h = try SimulatorHarness(decoders: [SimulatedDecoder(address: 5, position: HeadPosition(pan: 123.45, tilt: 12.5, zoom: 1000)),
                                                SimulatedDecoder(address: 6, badChecksum: true)])
        let context = ProbeContext(timeout: .seconds(1), allowActive: true)
        let readings = await h.probe.read(Self.points(profile, allowActive: true), from: try h.endpoint(5), context: context)
        let results = Evaluator(allowActive: true).evaluate(profile, readings: readings, device: "ptz-5")
        let status = Dictionary(uniqueKeysWithValues: results.map { ($0.check, $0.status) })
        #expect(status == ["pan": .pass, "tilt": .pass, "zoom": .pass, "reply-time": .pass, "motion": .pass,
                           "preset-recall": .pass, "head-condition": .manual], "\(results.map { "\($0.check) \($0.observed)" })")

        let bad = await h.probe.read(Self.points(profile, allowActive: false), from: try h.endpoint(6), context: context)
        let badResults = Evaluator(allowActive: false).evaluate(profile, readings: bad, device: "ptz-6")
        let pan = try #require(badResults.first { $0.check == "pan" })
        #expect(pan.status == .error)
        #expect(pan.observed.contains("checksum"))
        #expect(badResults.first { $0.check == "motion" }?.status == .skipped)

        let dead = await h.probe.read(Self.points(profile, allowActive: false), from: try h.endpoint(7), context: context)
        let deadResults = Evaluator(allowActive: false).evaluate(profile, readings: dead, device: "ptz-7")
        #expect(deadResults.first { $0.check == "pan" }?.status == .unreachable)
        await h.stop()
    }
}
