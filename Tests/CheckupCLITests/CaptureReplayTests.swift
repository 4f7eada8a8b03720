import CheckupTestKit
import DeviceSimulators
import Foundation
import Testing

/// `checkup capture` of a simulated device through the binary, then `profile test --replay` of
/// that capture through the real protocol path: the profile passes its own capture, and a copy
/// of it with one address changed fails it, as it would fail on the device.
@Suite(.serialized)
struct CaptureReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped profile's text with the first match of `pattern` replaced by `replacement`.
    static func profileCopy(_ relativePath: String, replacing pattern: String, with replacement: String, in dir: String) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("device-profiles/\(relativePath)"), encoding: .utf8)
        let range = try #require(text.range(of: pattern, options: .regularExpression), "\(relativePath) has no \(pattern)")
        let changed = text.replacingCharacters(in: range, with: replacement)
        let copies = dir + "/changed"
        try FileManager.default.createDirectory(atPath: copies, withIntermediateDirectories: true)
        try changed.write(toFile: copies + "/" + URL(fileURLWithPath: relativePath).lastPathComponent, atomically: true, encoding: .utf8)
        return copies
    }

    /// Captures `url` with `profile`, replays it (must pass), then replays it with the changed copy (must not).
    func captureReplayAndBreak(_ url: String, profile: String, dir: String, changedProfiles: String) throws -> String {
        let file = dir + "/\(profile).capture.json"
        let captured = try CLI.run(["capture", url, "--profile", profile, "--out", file, "--expect-current"])
        #expect(captured.status == 0, "\(captured.all)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"format\" : \"checkup.capture\""))
        #expect(text.contains("\"format_version\" : 2"))

        let replayed = try CLI.run(["profile", "test", profile, "--replay", file])
        #expect(replayed.status == 0, "\(replayed.all)")
        #expect(replayed.stdout.contains("expectations met"), "\(replayed.all)")
        let nagios = try CLI.run(["profile", "test", profile, "--replay", file, "--format", "nagios"])
        #expect(nagios.status == 0, "\(nagios.all)")
        #expect(nagios.stdout.hasPrefix("CHECKUP "), "a capture's replay speaks Nagios as a recording's does: \(nagios.all)")

        let broken = try CLI.run(["profile", "test", profile, "--replay", file, "--profiles", changedProfiles])
        #expect(broken.status == 2, "\(broken.all)")
        #expect(broken.stdout.contains("MISMATCH"), "\(broken.all)")
        return file
    }

    @Test func snmpCaptureReplaysThroughSnmpdAndAWrongOIDFails() async throws {
        let community = "capt-s3cret"
        let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", community: community)
        defer { nvr.stop() }
        let dir = CLI.temporaryDirectory()
        // One scalar OID of the profile moved to an arc the unit does not have.
        let changed = try Self.profileCopy("recorders/hikvision-nvr.yaml", replacing: #"\n    oid: 1\.3\.6\.1\.4\.1\.50001\.1\.[0-9]+\.0"#,
                                           with: "\n    oid: 1.3.6.1.4.1.50001.1.9999.0", in: dir)  // a point's, not identify's
        let url = "snmp://\(community)@127.0.0.1:\(nvr.port)?version=2c"
        let file = try captureReplayAndBreak(url, profile: "hikvision-nvr", dir: dir, changedProfiles: changed)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(community), "a capture never holds the community")
        #expect(text.contains("\"type\" : \"Integer\""))
        #expect(text.contains("\"sys_object_id\""))
    }

    @Test func modbusCaptureReplaysThroughTheSimulatorAndAWrongRegisterFails() throws {
        let panel = AlarmHostSimulator(map: .elmo, faults: AlarmHostFaults(mains: true, zoneAlarms: [5]))
        let port = try panel.start(tcpPort: 0)
        defer { panel.stop() }
        let dir = CLI.temporaryDirectory()
        // The first point's address moved to an item the panel was never read at.
        let changed = try Self.profileCopy("alarm-hosts/elmo-modbus.yaml", replacing: #"address: 0x[0-9A-Fa-f]+"#,
                                           with: "address: 0x7F00", in: dir)
        let file = try captureReplayAndBreak("modbus-tcp://127.0.0.1:\(port)?unit=1", profile: "elmo-modbus", dir: dir,
                                             changedProfiles: changed)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"function\" : 2"))
        #expect(text.contains("\"model\" : \"ELMO-MB-SIM\""))
    }

    @Test func pelcoCaptureReplaysThroughThePtyDecoderAndAnotherQueryFails() throws {
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 9600,
                                           decoders: [SimulatedDecoder(address: 5, position: HeadPosition(pan: 123.45, tilt: 12.5, zoom: 1000))])
        _ = try decoders.start(link: dir + "/ptz")
        defer { decoders.stop() }
        // The tilt point asks a query the decoder was never asked (another opcode on the wire).
        let changed = try Self.profileCopy("ptz-decoders/pelco-d-generic.yaml", replacing: "query: tilt", with: "query: magnification", in: dir)
        let file = try captureReplayAndBreak("pelco-d://\(dir)/ptz?baud=9600&address=5", profile: "pelco-d-generic", dir: dir,
                                             changedProfiles: changed)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"query\" : \"FF 05 00 51 00 00 56\""))
    }

    @Test func aCaptureThatCannotBeServedExits3NamingTheBlock() throws {
        let dir = CLI.temporaryDirectory()
        try """
        {"format": "checkup.capture", "format_version": 2, "profile": "elmo-modbus", "protocol": "modbus",
         "endpoint": "modbus-tcp://127.0.0.1:502?unit=1", "captured_at": "2026-11-01T00:00:00Z",
         "modbus_blocks": [{"function": 7, "start": 256, "count": 1, "values": [0]}]}
        """.write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "test", "elmo-modbus", "--replay", dir + "/bad.json"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("bad.json"), "\(out.all)")
        #expect(out.stderr.contains("function 7"), "\(out.all)")
    }

    @Test func aProfileScaffoldedFromACaptureValidatesAndIdentifiesTheDevice() async throws {
        let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr")
        defer { nvr.stop() }
        let panel = AlarmHostSimulator(map: .elmo)
        let port = try panel.start(tcpPort: 0)
        defer { panel.stop() }
        let dir = CLI.temporaryDirectory()
        for (url, profile, kind) in [("\(nvr.snmpURL)?version=2c", "hikvision-nvr", "recorder"),
                                     ("modbus-tcp://127.0.0.1:\(port)?unit=1", "elmo-modbus", "alarm-host")] {
            let file = dir + "/\(profile).json"
            let captured = try CLI.run(["capture", url, "--profile", profile, "--out", file])
            #expect(captured.status == 0, "\(captured.all)")
            let made = try CLI.run(["profile", "new", "--vendor", "acme", "--family", kind, "--kind", kind,
                                    "--from-capture", file, "--out", dir])
            #expect(made.status == 0, "\(made.all)")
            let path = dir + "/acme-\(kind).yaml"
            let validated = try CLI.run(["profile", "validate", path])
            #expect(validated.status == 0, "\(validated.all)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("identify:"), "\(text)")
            #expect(text.contains(profile == "elmo-modbus" ? "model: \"^ELMO-MB-SIM\"" : "sys-object-id: [1.3.6.1.4.1.50001"), "\(text)")
        }
    }
}
