import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe
import Testing

/// The "done when" verdicts, spelled out: a profile judged by the core's evaluator on
/// what `SNMPProbe` read from snmpd, over v2c and over SNMPv3 authPriv.
struct HeadlineVerdictTests {
    static let user = SNMPFixtureUser(name: "inspector", authPassphrase: "inspect-auth-01", privPassphrase: "inspect-priv-02")

    func judge(_ profileID: String, _ variant: String?, v3: Bool = false) async throws -> [String: CheckResult] {
        let profile = try ProfileFixtureTests.profile(profileID)
        let agent = try await SNMPAgentFixture.start(profile: profileID, variant: variant, community: "headline-c",
                                                     v3User: Self.user, profilesRoot: ProfileFixtureTests.root)
        defer { agent.stop() }
        let url = v3 ? try #require(agent.snmpv3URL) : agent.snmpURL
        let credentials = v3 ? Credentials(authPassphrase: Secret(Self.user.authPassphrase), privPassphrase: Secret(Self.user.privPassphrase))
                             : Credentials(community: Secret("headline-c"))
        let readings = await AnyProbeReader.read(profile, try SNMPProbe.endpoint(parsing: url),
                                                 ProbeContext(timeout: .milliseconds(500), credentials: credentials))
        let results = Evaluator(now: Date()).evaluate(profile, readings: readings, device: profileID)
        return Dictionary(uniqueKeysWithValues: results.map { ($0.check, $0) })
    }

    @Test(arguments: [false, true])
    func nvrWithDisk2SmartFailedFailsTheDiskCheckNamingThatDisk(v3: Bool) async throws {
        let results = try await judge("hikvision-nvr", "disk-2-smart-failed", v3: v3)
        let disks = try #require(results["disks"])
        #expect(disks.status == .fail)
        #expect(disks.offending == ["disk 2"], "real NVRs answer no volume column: rows are named by index")
        #expect(disks.observed.contains("SmartFailed"))
        for (id, result) in results where id != "disks" {
            #expect(result.status == .pass, "\(id): \(result.status) \(result.observed)")
        }
        #expect(ExitStatus.of(results.values.map(\.status)) == .critical)
    }

    @Test func cameraAt97PercentCPUIsFlagged() async throws {
        let results = try await judge("hikvision-camera", "cpu-97")
        #expect(results["cpu"]?.status == .fail)
        #expect(results["cpu"]?.perf?.value == 97)
        #expect(results["clock"]?.status == .pass)
    }

    @Test func dahuaRecorderReportingStatusBadFails() async throws {
        let results = try await judge("dahua-nvr", "status-bad")
        #expect(results["status"]?.status == .fail)
        #expect(results["status"]?.observed.contains("bad") == true)
        #expect(results["disks"]?.status == .pass)
    }

    @Test func upsOnBatteryFailsAndAShortRuntimeFailsAgainst60Minutes() async throws {
        let onBattery = try await judge("ups-mib", "on-battery")
        #expect(onBattery["output-source"]?.status == .fail)
        let ageing = try await judge("ups-mib", "runtime-40")
        #expect(ageing["runtime"]?.status == .fail)
        #expect(ageing["output-source"]?.status == .pass)
    }
}
