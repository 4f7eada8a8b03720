import Foundation
import Testing

/// `checkup demo` end to end: simulators up, the normal run path, a record with the three
/// injected faults among passing rows, every simulator stopped, exit 2.
@Suite(.serialized)
struct DemoTests {
    @Test func demoFindsTheThreeInjectedFaults() throws {
        let dir = CLI.temporaryDirectory()
        let out = try CLI.run(["demo", "--out", dir, "--format", "html,md,json"])
        #expect(out.status == 2, "\(out.all)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let html = try #require(files.first { $0.hasSuffix(".html") }, "no HTML record in \(files)")
        let text = try String(contentsOfFile: dir + "/" + html, encoding: .utf8)
        #expect(text.contains("SmartFailed"), "the NVR's failed disk is on the record")
        #expect(text.contains("zone 5") || text.contains("防区 5"), "zone 5 in fault is on the record")
        #expect(text.contains("ptz-yard") || text.contains("后院云台"), "the silent decoder is on the record")
        #expect(text.contains("正常"), "passing rows are on the record too")
        #expect(text.contains("异常"))
        #expect(!text.contains("public"), "no community in the record")
        // Every simulator stopped: no snmpd left on the demo's ports (its inventory names them).
        let site = try String(contentsOfFile: dir + "/site.yaml", encoding: .utf8)
        let ports = site.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: "snmp://127.0.0.1:") else { return nil }
            return String(line[r.upperBound...].prefix { $0.isNumber })
        }
        #expect(ports.count == 3, "camera, NVR and UPS on their own ports: \(site)")
        for port in ports {
            let ps = try CLI.shell("ps -eo args | grep -c '[c]heckup-snmpd-.*-\(port)-' || true")
            #expect(ps.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "snmpd on port \(port) still running after the demo")
        }
    }
}

extension CLI {
    static func shell(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
