import CheckupCore
import DeviceSimulators
import Foundation
import Testing

/// The snmpd fixture: its secrets stay private on disk, and it stops from async code.
@Suite(.serialized) struct AgentFixtureTests {
    static let dataset = """
    profile: fixture-test
    sys-descr: checkup fixture test agent
    objects:
      1.3.6.1.4.1.99999.2.1.0: "integer:1"
    """

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    @Test func configurationHoldingSecretsIsOwnerOnlyAndAsyncStopCleansUp() async throws {
        let user = SNMPFixtureUser(name: "checkupv3", authPassphrase: "auth-Secret-123", privPassphrase: "priv-Secret-456")
        let agent = try await SNMPAgentFixture.start(dataset: try SNMPDataset(yaml: Self.dataset), community: "c0mm-xyz", v3User: user)
        defer { agent.stop() }
        let config = agent.directory.appendingPathComponent("snmpd.conf").path
        #expect(try String(contentsOfFile: config, encoding: .utf8).contains("c0mm-xyz"), "the community is in the file")
        #expect(try mode(agent.directory.path) == 0o700, "folder readable by the owner only")
        #expect(try mode(config) == 0o600, "snmpd.conf readable by the owner only")
        #expect(agent.isRunning)

        await agent.stop()
        #expect(!agent.isRunning)
        #expect(!FileManager.default.fileExists(atPath: agent.directory.path), "temporary folder removed")
    }

    @Test func freePortsAreBindable() throws {
        let tcp = try FreePort.tcp(), udp = try FreePort.udp()
        #expect((1024...65535).contains(tcp) && (1024...65535).contains(udp))
        #expect(ExecutableLookup.path(of: "snmpd")?.hasSuffix("/snmpd") == true, "install snmpd: apt-get install snmpd")
        #expect(ExecutableLookup.path(of: "no-such-program-checkup") == nil)
    }
}
