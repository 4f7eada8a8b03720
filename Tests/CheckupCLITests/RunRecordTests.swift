import CheckupTestKit
import DeviceSimulators
import Foundation
import Testing

/// `checkup run` over a site of real peers (snmpd, pymodbus, a pty decoder, one dead device):
/// all four record files, every device and section, versions on re-run, no secret anywhere.
@Suite(.serialized)
struct RunRecordTests {
    @Test func monthlyRunOverRealPeers() async throws {
        let community = "s3cretComm"
        let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: "disk-2-smart-failed", community: community)
        defer { nvr.stop() }
        let panel = try await PymodbusPeer.start(["--zone-bypass", "7"])
        defer { panel.stop() }
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [SimulatedDecoder(address: 1)])
        _ = try decoders.start(link: dir + "/ptz")
        defer { decoders.stop() }
        let deadPort = try FreePort.tcp()

        let credentials = dir + "/credentials.yaml"
        try "nvr:\n  community: \(community)\n".write(toFile: credentials, atomically: true, encoding: .utf8)
        chmod(credentials, 0o600)
        let site = dir + "/site.yaml"
        try """
        site: {id: acme-hq, client: 示例客户 ACME, name: 总部 Head office, contract: C-1, response-zone: ring-2}
        devices:
          - {id: nvr-1, name: NVR, location: 机房, kind: recorder, profile: hikvision-nvr, endpoint: "\(nvr.snmpURL)?version=2c", credentials: nvr}
          - {id: panel-1, name: Panel, location: 值班室, kind: alarm-host, profile: elmo-modbus, endpoint: "modbus-tcp://127.0.0.1:\(panel.port)?unit=1"}
          - {id: ptz-1, name: Gate PTZ, location: 大门, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/ptz?address=1"}
          - {id: dead-1, name: Dead camera, location: 后门, kind: camera, profile: generic-snmp, endpoint: "snmp://127.0.0.1:\(deadPort)"}
        """.write(toFile: site, atomically: true, encoding: .utf8)

        let store = dir + "/checkup.sqlite"
        let args = ["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out", "--store", store, "--lang", "zh",
                    "--format", "html,md,csv,json", "--credentials", credentials, "--timeout", "0.3", "--retries", "0"]
        let first = try CLI.run(args)
        #expect(first.status == 2, "\(first.all)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        for suffix in [".zh.html", ".zh.md", ".zh.csv", ".json"] {
            #expect(files.contains { $0.hasPrefix("acme-hq-2026-11-v1") && $0.hasSuffix(suffix) }, "\(suffix) missing in \(files)")
        }
        let json = try String(contentsOfFile: dir + "/out/acme-hq-2026-11-v1.json", encoding: .utf8)
        for device in ["nvr-1", "panel-1", "ptz-1", "dead-1"] { #expect(json.contains("\"\(device)\""), "\(device) not in the JSON") }
        for section in ["front-end", "cabling", "central-control", "system-functions"] { #expect(json.contains(section)) }
        let html = try String(contentsOfFile: dir + "/out/acme-hq-2026-11-v1.zh.html", encoding: .utf8)
        #expect(html.contains("正常") && html.contains("异常"))
        #expect(html.contains("管线"), "the cabling section")
        #expect(html.contains("签字") || html.contains("签名"), "the signature block")
        #expect(html.contains("SMART 检测失败"), "the failed disk, in the profile's Chinese")
        #expect(json.contains("SmartFailed"), "and as the device named it, in the data")
        #expect(html.contains("设备离线"), "the dead device is an offline row")
        // The pages were drafted while the store sealed the version: each prints that version's hash.
        let hash = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["content_hash"] as? String ?? "?"
        let markdown = try String(contentsOfFile: dir + "/out/acme-hq-2026-11-v1.zh.md", encoding: .utf8)
        #expect(hash.count == 64 && html.contains(hash) && markdown.contains(hash), "the sealed hash on every page")
        #expect(html.contains("<code>\(hash.prefix(12))</code>"), "and its short form in the header")

        // No credential in any output: terminal, record files, run file, the store.
        var everything = first.all
        for file in try FileManager.default.contentsOfDirectory(atPath: dir + "/out") {
            everything += (try? String(contentsOfFile: dir + "/out/" + file, encoding: .utf8)) ?? ""
        }
        everything += String(decoding: FileManager.default.contents(atPath: store) ?? Data(), as: UTF8.self)
        #expect(!everything.contains(community), "the community leaked")

        let second = try CLI.run(args)
        #expect(second.status == 2, "\(second.all)")
        let list = try CLI.run(["records", "list", "--store", store])
        #expect(list.status == 0, "\(list.all)")
        #expect(list.stdout.contains("acme-hq") && list.stdout.contains("2026-11"))
        #expect(list.stdout.contains("v1") && list.stdout.contains("v2"), "\(list.stdout)")
    }

    @Test func nagiosLineForAnNVRWithAFailedDisk() async throws {
        let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: "disk-2-smart-failed")
        defer { nvr.stop() }
        let out = try CLI.run(["probe", "\(nvr.snmpURL)?version=2c", "--profile", "hikvision-nvr", "--format", "nagios", "--trace"],
                              environment: ["CHECKUP_SNMP_COMMUNITY": "public"])
        #expect(out.status == 2, "\(out.all)")
        let line = out.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix("CHECKUP CRITICAL - "), "\(line)")
        #expect(line.contains("disk 2"), "\(line)")
        #expect(line.contains(" | '"), "perfdata after the bar: \(line)")
        #expect(out.stdout.contains("1.3.6.1.4.1.50001.1.241"), "--trace shows the OIDs exchanged")
    }
}

/// `checkup probe snmp://…` with no --profile: the device says what it is.
struct IdentifyTests {
    @Test func snmpDeviceIsIdentifiedByItsProfile() async throws {
        let camera = try await SNMPAgentFixture.start(profile: "hikvision-camera")
        defer { camera.stop() }
        let out = try CLI.run(["probe", "\(camera.snmpURL)?version=2c"], environment: ["CHECKUP_SNMP_COMMUNITY": "public"])
        #expect(out.stdout.contains("identified as hikvision-camera"), "\(out.all)")
        #expect(out.status == 0, "\(out.all)")
    }
}
