import CheckupTestKit
import CheckupCore
import DeviceSimulators
import Foundation
import ModbusProbe
import Testing

/// The shipped alarm-host profiles, loaded by the core's loader and judged by its evaluator:
/// against their fixtures' register images served by our simulator (every Modbus fixture under
/// device-profiles/, found by walking it), against
/// pymodbus over TCP and against our simulator over RTU — the issue's "done when" verdicts.
@Suite(.serialized)
struct ProfileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let profileDir = root.appendingPathComponent("device-profiles/alarm-hosts")
    static let profileIDs = ["elmo-modbus", "generic-modbus-alarm-host"]

    static func profile(_ id: String) throws -> Profile {
        let loader = ProfileLoader(registry: ProbeRegistry { $0.register(AlarmHostProbe()) })
        return try loader.load(path: profileDir.appendingPathComponent("\(id).yaml").path)
    }

    static func points(_ profile: Profile) -> [Point<ModbusAddress>] {
        profile.points.compactMap { spec in
            (spec.address as? ModbusAddress).map { Point(id: spec.id, address: $0, active: spec.active, unit: spec.unit) }
        }
    }

    static func verdicts(_ results: [CheckResult]) -> [String: CheckStatus] {
        Dictionary(uniqueKeysWithValues: results.map { ($0.check, $0.status) })
    }

    @Test(arguments: profileIDs)
    func profileLoadsWithEveryPointDecoded(_ id: String) throws {
        let profile = try Self.profile(id)
        #expect(profile.protocolName == "modbus")
        #expect(profile.kind == .alarmHost)
        #expect(profile.record?.section == .centralControl)
        #expect(profile.record?.item.zh == "报警主机")
        #expect(Self.points(profile).count == profile.points.count)
        let zoneChecks = profile.checks.filter { $0.point == "zones" }
        #expect(!zoneChecks.isEmpty)
        #expect(zoneChecks.allSatisfy { $0.record?.section == .frontEnd && $0.record?.item.zh == "入侵探测器" })
    }

    @Test func addressMistakesAreReportedAtTheirLine() throws {
        let text = """
        schema: 1
        id: broken
        protocol: modbus
        kind: alarm-host
        title: {zh: 坏, en: Broken}
        points:
          mains:
            table: discrete-input
            adress: 0x0100
        checks:
          - id: mains
            title: {zh: 主电, en: Mains}
            point: mains
            equals: false
        """
        let loader = ProfileLoader(registry: ProbeRegistry { $0.register(AlarmHostProbe()) })
        do {
            _ = try loader.load(text: text, origin: "broken.yaml")
            Issue.record("a misspelt key must not load")
        } catch {
            let message = "\(error)"
            #expect(message.contains("broken.yaml:"))
            #expect(message.contains("adress"))
        }
    }

    // MARK: Recorded fixtures

    static let fixtures = FixtureDiscovery.fixtures(protocol: "modbus", root: FixtureDiscovery.profilesRoot(from: #filePath))

    @Test func everyShippedModbusProfileHasAFixture() {
        #expect(Set(Self.fixtures.map(\.id)).isSuperset(of: Self.profileIDs), "found \(Self.fixtures.map(\.id))")
    }

    /// Each case's register image served by the simulator over TCP, read by the real probe.
    @Test(arguments: fixtures)
    func profileJudgesItsRecordedFixtureThroughTheSimulator(_ fixture: FixtureDiscovery.Fixture) async throws {
        let registry = ProbeRegistry { $0.register(AlarmHostProbe()) }
        let profile = try ProfileLoader(registry: registry).load(path: fixture.profilePath)
        let probe = try #require(registry.probe(forProtocol: "modbus"))
        let cases = try RecordedCase.load(path: fixture.fixturePath, profile: fixture.id)
        #expect(cases.count >= 3)
        for c in cases {
            let results = try await c.replay(profile, probe: probe)
            #expect(Set(results.map(\.check)) == Set(c.expect.keys), "\(fixture.id) / \(c.name): every check has an expectation")
            for r in results {
                #expect(r.status == c.expect[r.check], "\(fixture.id) / \(c.name) / \(r.check): \(r.status) — \(r.observed)")
                if let names = c.offending[r.check] {
                    #expect(r.offending == names, "\(fixture.id) / \(c.name) / \(r.check) names \(r.offending)")
                }
                if let text = c.mentions[r.check] {
                    #expect(r.observed.contains(text) || r.evidence.contains { $0.contains(text) }, "\(fixture.id) / \(c.name) / \(r.check) mentions \(text)")
                }
            }
        }
    }

    // MARK: Live devices: the issue's "done when"

    @Test func elmoProfileAgainstPymodbus() async throws {
        let profile = try Self.profile("elmo-modbus")
        let peer = try await PymodbusPeer.start(["--mains"])
        defer { peer.stop() }
        let endpoint = try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(peer.port)?unit=1")
        let readings = await AlarmHostProbe().read(Self.points(profile), from: endpoint, context: testContext())
        let results = Evaluator().evaluate(profile, readings: readings, device: "panel")
        let verdicts = Self.verdicts(results)
        #expect(verdicts["mains"] == .fail)
        #expect(verdicts["battery"] == .pass)
        #expect(verdicts["zones-alarm"] == .pass)
        #expect(ExitStatus.of(results.map(\.status)) == .critical)

        let alarmPeer = try await PymodbusPeer.start(["--zone-alarm", "5"])
        defer { alarmPeer.stop() }
        let alarm = await AlarmHostProbe().read(Self.points(profile),
                                                from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(alarmPeer.port)?unit=1"),
                                                context: testContext())
        let zones = try #require(Evaluator().evaluate(profile, readings: alarm, device: "panel").first { $0.check == "zones-alarm" })
        #expect(zones.status == .fail)
        #expect(zones.offending == ["zone 5"])
        #expect(zones.observed.contains("zone 5"))
    }

    @Test func elmoProfileOverRTUGivesTheSameVerdicts() async throws {
        let profile = try Self.profile("elmo-modbus")
        let bus = AlarmHostSimulator(units: [1: (.elmo, AlarmHostFaults(mains: true)), 2: (.elmo, AlarmHostFaults(zoneAlarms: [5]))])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let one = await AlarmHostProbe().read(Self.points(profile), from: try AlarmHostProbe.endpoint(parsing: "modbus-rtu://\(path)?unit=1"),
                                              context: testContext())
        let verdicts = Self.verdicts(Evaluator().evaluate(profile, readings: one, device: "panel-1"))
        #expect(verdicts["mains"] == .fail)
        #expect(verdicts["battery"] == .pass)
        let two = await AlarmHostProbe().read(Self.points(profile), from: try AlarmHostProbe.endpoint(parsing: "modbus-rtu://\(path)?unit=2"),
                                              context: testContext())
        let zones = try #require(Evaluator().evaluate(profile, readings: two, device: "panel-2").first { $0.check == "zones-alarm" })
        #expect(zones.offending == ["zone 5"])
    }

    @Test func genericProfileAgainstTheDemoPanel() async throws {
        let profile = try Self.profile("generic-modbus-alarm-host")
        let panel = AlarmHostSimulator(map: .generic, faults: AlarmHostFaults(zoneFaults: [5]))
        let port = try panel.start(tcpPort: 0)
        defer { panel.stop() }
        let readings = await AlarmHostProbe().read(Self.points(profile), from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=1"),
                                                   context: testContext())
        let results = Evaluator().evaluate(profile, readings: readings, device: "panel-1")
        let failing = results.filter { $0.status != .pass }.map { "\($0.check)=\($0.status.rawValue) \($0.offending)" }
        #expect(failing == ["zones-fault=fail [\"zone 5\"]"])
        let fault = try #require(results.first { $0.check == "zones-fault" })
        #expect(fault.record?.section == .frontEnd)
        #expect(results.first { $0.check == "battery-voltage" }?.observed.contains("13.65") == true)
    }

    @Test func deadPanelIsUnreachableOnEveryCheck() async throws {
        let profile = try Self.profile("elmo-modbus")
        let panel = AlarmHostSimulator(map: .elmo)
        let port = try panel.start(tcpPort: 0)
        panel.stop()
        let readings = await AlarmHostProbe().read(Self.points(profile), from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)"),
                                                   context: testContext())
        let results = Evaluator().evaluate(profile, readings: readings, device: "panel")
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0.status == .unreachable })
        #expect(ExitStatus.of(results.map(\.status)) == .critical)
    }
}
