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
        #expect(text.contains("SMART 检测失败"), "the NVR's failed disk is on the record, in the profile's words")
        #expect(text.contains("5 号防区"), "zone 5 in fault is on the record, in the profile's words")
        #expect(text.contains("ptz-yard") || text.contains("后院云台"), "the silent decoder is on the record")
        #expect(text.contains("正常"), "passing rows are on the record too")
        #expect(text.contains("异常"))
        #expect(!text.contains("public"), "no community in the record")
        let json = try #require(files.first { $0.hasSuffix(".json") }, "no JSON record in \(files)")
        let words = try Self.englishWordsInAppendix(html: text, record: Data(contentsOf: URL(fileURLWithPath: dir + "/" + json)))
        #expect(words.isEmpty, "English words in the zh evidence appendix: \(words)")
        #expect(text.contains("每个输出负载：≤ 100，&gt; 80 为注意"), "the UPS load check says what it expects in Chinese")
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

extension DemoTests {
    /// Runs of three or more ASCII letters with a lowercase one in the zh appendix, once the
    /// client's data (device names, locations, the profiles' check titles, text the devices
    /// gave), the content hash and the wire notation of the exchange lines (`<pre>`: quoted
    /// device text, ASN.1 type names) are taken out. The words around the frames
    /// (`查询 水平位置：… → …，58.8 ms`) must be Chinese, and so must what a request is called.
    static func englishWordsInAppendix(html: String, record: Data) throws -> [String] {
        guard let start = html.range(of: "<section class=\"appendix") else { return ["(no appendix)"] }
        var text = String(html[start.lowerBound...])
        let notation = ["&quot;[^&]*&quot;", "\\b(Gauge32|Counter32|Counter64|Timeticks|IpAddress|Hex-STRING|OID)\\b"]
        for pattern in notation + ["<[^>]*>", "&#?[a-z0-9]+;", "[0-9a-f]{12,64}"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: record) as? [String: Any])
        var data: [String] = []
        for device in json["devices"] as? [[String: Any]] ?? [] {
            data += ["id", "name", "location"].compactMap { device[$0] as? String }
        }
        for entry in json["evidence"] as? [[String: Any]] ?? [] {
            if let check = entry["check"] as? [String: Any], let zh = check["zh"] as? String { data.append(zh) }
            let finding = entry["finding"] as? [String: Any]
            if let text = finding?["text"] as? [String: Any], let value = text["value"] as? String { data.append(value) }
        }
        for d in data.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: d, with: " ") }
        return text.split { !($0.isASCII && $0.isLetter) }.map(String.init)
            .filter { $0.count >= 3 && $0.contains(where: \.isLowercase) }
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
