import CheckupTestKit
import DeviceSimulators
import Foundation
import Testing

/// `checkup probe` against pymodbus (an independent Modbus server), as a technician runs it.
struct ProbeModbusTests {
    struct JSONResult: Decodable {
        var check: String
        var status: String
        var observed: String
        var offending: [String]
    }
    struct JSONOutput: Decodable {
        var results: [JSONResult]
        var summary: [String: Int]
    }

    func status(_ output: JSONOutput, _ check: String) -> String? {
        output.results.first { $0.check == check }?.status
    }

    @Test func mainsFaultFailsBatteryPassesZoneFiveNamed() async throws {
        let peer = try await PymodbusPeer.start(["--mains", "--zone-alarm", "5"])
        defer { peer.stop() }
        let out = try CLI.run(["probe", "modbus-tcp://127.0.0.1:\(peer.port)?unit=1", "--profile", "elmo-modbus", "--format", "json"])
        #expect(out.status == 2, "\(out.all)")
        let json = try JSONDecoder().decode(JSONOutput.self, from: Data(out.stdout.utf8))
        #expect(status(json, "mains") == "fail")
        #expect(status(json, "battery") == "pass")
        #expect(status(json, "tamper") == "pass")
        let zones = try #require(json.results.first { $0.check == "zones-alarm" })
        #expect(zones.status == "fail")
        #expect(zones.offending == ["zone 5"])
        #expect(status(json, "general-alarm") == "fail", "a zone in alarm raises the panel's general alarm (0x0200)")
        #expect(json.summary["fail"] == 3)
        #expect(peer.receivedFunctions.allSatisfy { [1, 2, 3, 4, 43].contains($0) }, "only read functions reach the panel")
    }

    @Test func deadPanelIsUnreachableWithinTheTimeout() throws {
        let port = try FreePort.tcp()
        let out = try CLI.run(["probe", "modbus-tcp://127.0.0.1:\(port)?unit=1", "--profile", "elmo-modbus",
                               "--format", "nagios", "--timeout", "0.5"])
        #expect(out.status == 2, "\(out.all)")
        #expect(out.stdout.hasPrefix("CHECKUP CRITICAL - "), "\(out.all)")
        #expect(out.stdout.contains("unreachable"), "\(out.all)")
    }
}
