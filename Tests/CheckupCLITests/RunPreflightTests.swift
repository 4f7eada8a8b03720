import CheckupTestKit
import Foundation
import Testing

/// Everything a run needs is checked before the first device is contacted: a bad `--out`,
/// `--store` or `--template`, a site with no devices, a date outside its month. Each exits 3
/// with a clear message, and the panel (pymodbus, which logs every request) saw nothing.
@Suite(.serialized)
struct RunPreflightTests {
    @Test func whatARunNeedsIsCheckedBeforeAnyDeviceIsContacted() async throws {
        let panel = try await PymodbusPeer.start()
        defer { panel.stop() }
        let dir = CLI.temporaryDirectory()
        let site = dir + "/site.yaml"
        try """
        site: {id: pre, client: 示例客户}
        devices:
          - {id: panel-1, name: 报警主机, kind: alarm-host, profile: elmo-modbus, endpoint: "modbus-tcp://127.0.0.1:\(panel.port)?unit=1"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        try "site: {id: empty, client: x}\ndevices: []\n".write(toFile: dir + "/empty.yaml", atomically: true, encoding: .utf8)
        try "not: a database\n".write(toFile: dir + "/store.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/a-folder", withIntermediateDirectories: true)
        try "{{#sections}}unclosed".write(toFile: dir + "/broken.html", atomically: true, encoding: .utf8)
        let base = ["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--timeout", "0.3", "--retries", "0"]
        let cases: [(args: [String], says: String)] = [
            (base + ["--out", "/dev/null/records", "--store", dir + "/s1.sqlite"], "--out /dev/null/records"),
            (base + ["--out", dir + "/o2", "--store", dir + "/a-folder"], "a-folder"),
            (base + ["--out", dir + "/o3", "--store", dir + "/store.yaml"], "store.yaml"),
            (base + ["--out", dir + "/o4", "--store", dir + "/s4.sqlite", "--template", dir + "/broken.html"], "broken.html"),
            (["run", "--site", dir + "/empty.yaml", "--out", dir + "/o5", "--store", dir + "/s5.sqlite"], "no devices"),
            (["run", "--site", site, "--month", "2026-11", "--date", "2026-10-31", "--out", dir + "/o6", "--store", dir + "/s6.sqlite"],
             "not in the month"),
            (base + ["--out", dir + "/o7", "--store", dir + "/new/deeper/s7.sqlite", "--template", dir + "/broken.html"], "broken.html"),
        ]
        for (args, says) in cases {
            let out = try CLI.run(args)
            #expect(out.status == 3, "\(args): \(out.all)")
            #expect(out.stderr.contains(says), "\(args) should say '\(says)': \(out.stderr)")
        }
        #expect(panel.receivedFunctions.isEmpty, "no request reached the panel: \(panel.receivedFunctions)")
        // An existing store is opened while the inventory is read, a new one only after: a run
        // that stops before it starts leaves no new store file, nor a folder for it.
        for left in ["s1.sqlite", "s4.sqlite", "s5.sqlite", "s6.sqlite", "new"] {
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + left), "\(left) was left behind")
        }
        // The same run with everything in place does reach it.
        let good = try CLI.run(base + ["--out", dir + "/ok", "--store", dir + "/ok.sqlite"])
        #expect(good.status != 3, "\(good.all)")
        #expect(!panel.receivedFunctions.isEmpty)
        // A store that exists is opened meanwhile, and left as it was by a run that stops.
        let stopped = try CLI.run(["run", "--site", dir + "/empty.yaml", "--out", dir + "/o8", "--store", dir + "/ok.sqlite"])
        #expect(stopped.status == 3 && stopped.stderr.contains("no devices"), "\(stopped.all)")
        let versions = try CLI.run(["records", "list", "--store", dir + "/ok.sqlite"])
        #expect(versions.status == 0 && versions.stdout.contains("pre"), "\(versions.all)")
    }

    /// A bad URL of every built-in scheme, each refused by its probe's own scheme at its
    /// file:line:col, all at once, exit 3; the panel on the good line heard nothing.
    @Test func badURLsOfEverySchemeAreReportedAtTheirLineBeforeAnyDeviceIsContacted() async throws {
        let panel = try await PymodbusPeer.start()
        defer { panel.stop() }
        let dir = CLI.temporaryDirectory()
        let site = dir + "/site.yaml"
        let bad: [(url: String, says: String)] = [
            ("modbus-tcp://127.0.0.1:\(panel.port)?unit=256", "modbus-tcp: unit=256 must be a whole number in 0…255"),
            ("modbus-rtu:///dev/ttyUSB0?unit=248", "modbus-rtu: unit=248 must be a whole number in 1…247"),
            ("snmp://c0mmunity@10.0.0.20?version=3", "snmp: version=3 must be one of 1, 2c"),
            ("snmpv3://10.0.0.20", "snmpv3: the security name is required"),
            ("pelco-d:///dev/ttyS0?address=0", "pelco-d: address=0 must be a whole number in 1…255"),
            ("pelco-p://ttyS0?baud=4800", "pelco-p: expected a device path"),
            ("modbus-tpc://10.0.0.5", "unknown endpoint scheme 'modbus-tpc' (did you mean 'modbus-tcp'?)"),
        ]
        let lines = ["site: {id: pre, client: 示例客户}", "devices:",
                     "  - {id: panel-1, name: 报警主机, kind: alarm-host, profile: elmo-modbus, endpoint: \"modbus-tcp://127.0.0.1:\(panel.port)?unit=1\"}"]
            + bad.enumerated().map { "  - {id: bad-\($0.offset), name: x, kind: camera, profile: generic-snmp, endpoint: \"\($0.element.url)\"}" }
        try lines.joined(separator: "\n").write(toFile: site, atomically: true, encoding: .utf8)
        let out = try CLI.run(["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out",
                               "--store", dir + "/s.sqlite", "--timeout", "0.3", "--retries", "0"])
        #expect(out.status == 3, "\(out.all)")
        for (index, entry) in bad.enumerated() {
            let line = 4 + index, column = lines[line - 1].range(of: "\"" + entry.url)!.lowerBound.utf16Offset(in: lines[line - 1]) + 1
            #expect(out.stderr.contains("site.yaml:\(line):\(column): bad endpoint: \(entry.says)"), "\(entry.url): \(out.stderr)")
        }
        #expect(!out.all.contains("c0mmunity"), "a community leaked: \(out.all)")
        #expect(panel.receivedFunctions.isEmpty, "no request reached the panel: \(panel.receivedFunctions)")
    }
}
