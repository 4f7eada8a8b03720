import CheckupTestKit
import Foundation
import Testing

/// What a careless user hands `checkup run`: refused with exit 3 and the file named, before
/// any device is contacted (the site's one device is a peer that logs every request).
@Suite(.serialized)
struct HostileInputTests {
    func site(_ dir: String, port: Int) throws -> String {
        let path = dir + "/site.yaml"
        try """
        site: {id: acme, client: ACME}
        devices:
          - {id: panel-1, name: Panel, kind: alarm-host, profile: elmo-modbus, endpoint: "modbus-tcp://127.0.0.1:\(port)?unit=1"}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aTemplateNested700DeepExits3BeforeAnyDeviceIsContacted() async throws {
        let peer = try await HostilePeer.start(.modbus, "good")
        defer { peer.stop() }
        let dir = CLI.temporaryDirectory()
        let template = dir + "/deep.html.mustache"
        try ((0..<700).map { "{{#s\($0)}}" }.joined() + (0..<700).reversed().map { "{{/s\($0)}}" }.joined())
            .write(toFile: template, atomically: true, encoding: .utf8)
        let out = try CLI.run(["run", "--site", try site(dir, port: peer.port), "--out", dir + "/out", "--store", dir + "/s.sqlite",
                               "--template", template, "--month", "2026-11", "--date", "2026-11-20"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("\(template):1: sections nest 65 deep"), "\(out.all)")
        #expect(peer.requests.isEmpty, "a device was contacted before the template was checked")
        // The same run with a sound template does reach the peer: the check above can fail.
        _ = try CLI.run(["run", "--site", try site(dir, port: peer.port), "--out", dir + "/out2", "--store", dir + "/s2.sqlite",
                         "--month", "2026-11", "--date", "2026-11-20", "--timeout", "0.5"])
        for _ in 0..<100 where peer.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(!peer.requests.isEmpty)
    }

    @Test func aNonUTF8InventoryExits3NamingTheByte() throws {
        let dir = CLI.temporaryDirectory()
        let path = dir + "/site.yaml"
        try Data(Array("site: {id: acme, client: ".utf8) + [0xB1, 0xA8] + Array("}\n".utf8)).write(to: URL(fileURLWithPath: path))
        let out = try CLI.run(["run", "--site", path, "--out", dir + "/out"])
        #expect(out.status == 3)
        #expect(out.stderr.contains("\(path):1:26: the inventory is not UTF-8: byte 0xB1 at offset 25"), "\(out.all)")
    }

    @Test func aSiteWithNoDevicesExits3AndStoresNothing() throws {
        let dir = CLI.temporaryDirectory()
        let path = dir + "/site.yaml"
        try "site: {id: acme, client: ACME}\ndevices: []\n".write(toFile: path, atomically: true, encoding: .utf8)
        let out = try CLI.run(["run", "--site", path, "--out", dir + "/out", "--store", dir + "/s.sqlite",
                               "--month", "2026-11", "--date", "2026-11-20"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("\(path): the site has no devices; nothing to inspect"), "\(out.all)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/s.sqlite"), "an empty version was stored")
    }
}
