import DeviceSimulators
import Foundation
import Testing

/// `checkup profile identify URL`: every candidate with its score and which rule matched or
/// failed, against snmpd serving a unit shaped like the real Hikvision NVR (sysDescr
/// "Hikvision company products", sysObjectID 1.3.6.1.4.1.50001).
struct ProfileIdentifyTests {
    static let nvr = """
    profile: real-hikvision-nvr
    sys-descr: Hikvision company products
    sys-object-id: 1.3.6.1.4.1.50001
    objects:
      1.3.6.1.4.1.50001.1.100.0: "integer:2"
      1.3.6.1.4.1.50001.1.221.0: "integer:23"
    """

    @Test func explainsTheChoiceRuleByRule() async throws {
        let agent = try await SNMPAgentFixture.start(dataset: try SNMPDataset(yaml: Self.nvr))
        defer { agent.stop() }
        let out = try CLI.run(["profile", "identify", "\(agent.snmpURL)?version=2c"], environment: ["CHECKUP_SNMP_COMMUNITY": "public"])
        #expect(out.status == 0, "\(out.all)")
        #expect(out.stdout.contains("chosen: hikvision-nvr"), "\(out.all)")
        #expect(out.stdout.contains("hikvision-nvr: score 177  ← chosen"), "\(out.all)")
        #expect(out.stdout.contains("✓ sys-object-id 1.3.6.1.4.1.50001 [recogniser]: sysObjectID 1.3.6.1.4.1.50001 (+117)"), "\(out.all)")
        #expect(out.stdout.contains("✗ sys-descr"), "the NVR's generic sysDescr does not match the pattern: \(out.all)")
        #expect(out.stdout.contains("✓ object 1.3.6.1.4.1.50001.1.100.0 matches /^[12]$/ [requirement]: 1.3.6.1.4.1.50001.1.100.0: '2' (+60)"), "\(out.all)")
        #expect(out.stdout.contains("hikvision-camera: no match"), "\(out.all)")
        #expect(out.stdout.contains("generic-snmp: no identify: section"), "\(out.all)")

        let probe = try CLI.run(["probe", "\(agent.snmpURL)?version=2c"], environment: ["CHECKUP_SNMP_COMMUNITY": "public"])
        #expect(probe.stdout.contains("identified as hikvision-nvr"), "\(probe.all)")
        #expect(probe.status == 0, "no object the unit lacks is a fault: \(probe.all)")
        #expect(!probe.stdout.contains("public"), "no secret in the output")
    }

    @Test func aRecordingFileNamesTheMissingParserAndExits3() throws {
        let dir = CLI.temporaryDirectory()
        let path = dir + "/nvr.snmprec"
        try "1.3.6.1.2.1.1.1.0|4|Hikvision company products\n".write(toFile: path, atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "identify", path])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("nvr.snmprec"), "\(out.all)")
    }

    @Test func aSilentUnitIsCritical() throws {
        let port = try FreePort.udp()
        let out = try CLI.run(["profile", "identify", "snmp://127.0.0.1:\(port)?version=2c", "--timeout", "0.2", "--retries", "0"],
                              environment: ["CHECKUP_SNMP_COMMUNITY": "public"])
        #expect(out.status == 2, "\(out.all)")
        #expect(out.stdout.contains("did not answer"), "\(out.all)")
    }
}
