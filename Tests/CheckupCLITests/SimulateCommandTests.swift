import Foundation
import Testing

/// `checkup simulate …` failures and `checkup profile show` texts, through the binary.
struct SimulateCommandTests {
    /// A runtime failure is not a usage mistake: exit 3 with the reason, no usage text.
    @Test func anSNMPAgentWithoutAFixtureExits3WithoutUsage() throws {
        let out = try CLI.run(["simulate", "snmp-agent", "--profile", "no-such-profile"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("no-such-profile"), "\(out.all)")
        #expect(!out.all.contains("USAGE") && !out.all.contains("Usage:"), "\(out.all)")
    }

    /// Points print as their addresses read in a profile, not as Swift dumps.
    @Test(arguments: [("elmo-modbus", "discrete-input 0x"), ("pelco-d-generic", "query pan")])
    func profileShowPrintsReadableAddresses(_ profile: String, _ expected: String) throws {
        let out = try CLI.run(["profile", "show", profile])
        #expect(out.status == 0, "\(out.all)")
        #expect(out.stdout.contains(expected), "\(out.stdout)")
        #expect(!out.stdout.contains("ModbusField(") && !out.stdout.contains("PTZPointAddress(") && !out.stdout.contains("kind:"), "\(out.stdout)")
    }
}
