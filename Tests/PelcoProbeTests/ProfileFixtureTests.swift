import CheckupTestKit
import CheckupCore
import DeviceSimulators
import Foundation
import PelcoProbe
import Testing

/// The shipped PTZ profiles, loaded by the core's loader and judged by its evaluator, against
/// their fixtures served by the pty decoder simulator (every Pelco fixture under device-profiles/,
/// found by walking it) and against a live simulated decoder.
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

    static let fixtures = FixtureDiscovery.fixtures(protocol: "pelco", root: FixtureDiscovery.profilesRoot(from: #filePath))

    @Test func everyShippedPTZProfileHasAFixture() {
        #expect(Set(Self.fixtures.map(\.id)).isSuperset(of: Self.profileIDs), "found \(Self.fixtures.map(\.id))")
    }

    /// Each case served on a pseudo-terminal by the decoder simulator (a reply table, or a
    /// simulated head for the active steps) and read by the real probe.
    @Test(arguments: fixtures)
    func profileJudgesItsRecordedFixtureThroughThePtyDecoder(_ fixture: FixtureDiscovery.Fixture) async throws {
        let profile = try Self.loader().load(path: fixture.profilePath)
        #expect(profile.protocolName == "pelco")
        #expect(profile.record?.section == .frontEnd)
        let cases = try RecordedCase.load(path: fixture.fixturePath, profile: fixture.id)
        #expect(!cases.isEmpty)
        for c in cases {
            // A probe per case: a decoder found dead in one case is not skipped in the next.
            let probe = try #require(ProbeRegistry { $0.register(PTZDecoderProbe()) }.probe(forProtocol: "pelco"))
            let results = try await c.replay(profile, probe: probe)
            #expect(Set(results.map(\.check)) == Set(c.expect.keys), "\(fixture.id) / \(c.name): every check has an expectation")
            for r in results {
                #expect(r.status == c.expect[r.check], "\(fixture.id) / \(c.name) / \(r.check): \(r.status) — \(r.observed)")
                if let text = c.mentions[r.check] {
                    #expect(r.observed.contains(text) || r.evidence.contains { $0.contains(text) }, "\(fixture.id) / \(c.name) / \(r.check) mentions \(text)")
                }
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
