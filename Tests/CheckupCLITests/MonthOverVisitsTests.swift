import CheckupTestKit
import DeviceSimulators
import Foundation
import Testing

/// The month a client signs, built up over visits of a site of real peers (snmpd as an NVR,
/// pymodbus as an alarm panel, a Pelco-D decoder on a pty, and a decoder on a serial port that
/// does not exist): run, fill, run --only, sign, re-run.
@Suite(.serialized)
struct MonthOverVisitsTests {
    @Test func aMonthBuiltUpOverVisitsKeepsEveryAnswerAndTheSignedVersion() async throws {
        let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: "disk-2-smart-failed")
        defer { nvr.stop() }
        let panel = try await PymodbusPeer.start(["--zone-bypass", "7"])
        defer { panel.stop() }
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [SimulatedDecoder(address: 1)])
        _ = try decoders.start(link: dir + "/ptz")
        defer { decoders.stop() }
        let site = dir + "/site.yaml"
        try """
        site: {id: tower, client: 示例客户, name: 大楼, contract: C-9}
        devices:
          - {id: nvr-1, name: 录像机, location: 机房, kind: recorder, profile: hikvision-nvr, endpoint: "\(nvr.snmpURL)?version=2c"}
          - {id: panel-1, name: 报警主机, location: 值班室, kind: alarm-host, profile: elmo-modbus, endpoint: "modbus-tcp://127.0.0.1:\(panel.port)?unit=1"}
          - {id: ptz-1, name: 大门云台, location: 大门, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/ptz?address=1"}
          - {id: ptz-2, name: 后门云台, location: 后门, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/no-such-adapter?address=2"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        let store = ["--store", dir + "/s.sqlite"]
        let run = ["run", "--site", site, "--month", "2026-11", "--out", dir + "/out", "--format", "json,html", "--lang", "zh",
                   "--timeout", "0.5", "--retries", "0"] + store
        let env = ["CHECKUP_SNMP_COMMUNITY": "public"]

        // First visit: the decoder on the missing adapter is not contacted: exit 3, no fault against it.
        let first = try CLI.run(run + ["--date", "2026-11-20"], environment: env)
        #expect(first.status == 3, "\(first.all)")
        #expect(first.all.contains("ptz-2") && first.all.contains("no-such-adapter"), "the port is named on the terminal")
        var record = try Self.record(dir + "/out/tower-2026-11-v1.json")
        let ptz2 = try #require(record.devices.first { $0["id"] as? String == "ptz-2" })
        #expect(ptz2["state"] as? String == "not-inspected")
        #expect(record.rows(of: "ptz-2").map { $0["result"] as? String } == ["not-inspected"])
        #expect(!record.rows(of: "ptz-2").contains { $0["result"] as? String == "abnormal" })
        let html = try String(contentsOfFile: dir + "/out/tower-2026-11-v1.zh.html", encoding: .utf8)
        #expect(html.contains("串口总线未接入"), "the reason in the client's words")

        // The technician fills in a manual row and a handling note on the NVR's fault.
        let answers = dir + "/answers.yaml"
        try "technician: 王芳\nrows:\n  manual/grounding: 正常\n  nvr-1/disks: {handling: 已更换 2 号硬盘, cleared: true}\n"
            .write(toFile: answers, atomically: true, encoding: .utf8)
        let fill = try CLI.run(["records", "fill", "--site", "tower", "--month", "2026-11", "--answers", answers] + store)
        #expect(fill.status == 0 && fill.stdout.contains("v2"), "\(fill.all)")
        let sign = try CLI.run(["records", "sign", "--site", "tower", "--month", "2026-11", "--version", "2", "--by", "客户代表",
                                "--on", "2026-11-20"] + store)
        #expect(sign.status == 0, "\(sign.all)")

        // A later visit of one device, then the whole month again.
        let only = try CLI.run(run + ["--date", "2026-11-23", "--only", "nvr-1"], environment: env)
        #expect(only.status == 2, "the NVR's disk still fails: \(only.all)")
        #expect(only.stdout.contains("this run: 1 devices"), "the summary covers this run: \(only.stdout)")
        #expect(only.stdout.contains("month tower 2026-11 v3"), "and says where the month stands: \(only.stdout)")
        record = try Self.record(dir + "/out/tower-2026-11-v3.json")
        #expect(record.devices.map { $0["id"] as? String } == ["nvr-1", "panel-1", "ptz-1", "ptz-2"], "every device once")
        let days = Dictionary(uniqueKeysWithValues: record.devices.map { ($0["id"] as? String ?? "", $0["inspected_on"] as? String) })
        #expect(days["nvr-1"] == "2026-11-23" && days["panel-1"] == "2026-11-20" && days["ptz-1"] == "2026-11-20")
        #expect(record.row("manual/grounding")?["result"] as? String == "normal", "the hand-filled row survives")
        #expect(record.row("nvr-1/disks")?["handling"] as? String == "已更换 2 号硬盘", "the handling note survives")
        // The bypassed zone is a warning: attention, counted apart from the faults.
        #expect(record.row("panel-1/zones-bypassed")?["result"] as? String == "attention")
        let summary = try #require(record.json["summary"] as? [String: Any])
        #expect(summary["attention"] as? Int == 1)
        #expect(summary["faults_found"] as? Int == record.rowsWith(result: "abnormal"))

        let again = try CLI.run(run + ["--date", "2026-11-24"], environment: env)
        #expect(again.status == 3, "\(again.all)")
        record = try Self.record(dir + "/out/tower-2026-11-v4.json")
        #expect(record.row("manual/grounding")?["result"] as? String == "normal")
        #expect(record.row("nvr-1/disks")?["handling"] as? String == "已更换 2 号硬盘")

        // The client's main form, zh, on paper: one language, every device, the signatures, the hash.
        let export = try CLI.run(["records", "export", "--site", "tower", "--month", "2026-11", "--format", "html,pdf",
                                  "--evidence", "none", "--out", dir + "/paper"] + store)
        #expect(export.status == 0, "\(export.all)")
        let page = try String(contentsOfFile: dir + "/paper/tower-2026-11-v4.zh.html", encoding: .utf8)
        let visible = page.replacingOccurrences(of: "(?s)<style.*?</style>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        let pdf = try ReportLogCommandTests.pdfText(dir + "/paper/tower-2026-11-v4.zh.pdf")
        for text in [visible, pdf] {
            for word in ["PERCENT", "rows", "none", "pass", "fail", "skipped", "true", "false", "unreachable", "--", "://", dir] {
                #expect(!text.contains(word), "'\(word)' on the zh page: \(text)")
            }
            #expect(text.range(of: "/(tmp|dev|home|root|usr)/", options: .regularExpression) == nil, "a file path on the zh page")
        }
        for word in ["录像机", "报警主机", "大门云台", "后门云台", "签字", String(record.json["content_hash"] as? String ?? "?")] {
            #expect(pdf.contains(word), "\(word) missing from the PDF")
        }

        let list = try CLI.run(["records", "list", "--site", "tower"] + store)
        let v2 = list.stdout.split(separator: "\n").first { $0.contains(" v2 ") }
        #expect(v2?.contains("客户代表 2026-11-20") == true, "v2 is still shown as signed: \(list.stdout)")
        #expect(list.stdout.contains("v4 *"), "\(list.stdout)")
    }

    /// The parts of a record's JSON the test reads.
    struct Record {
        var json: [String: Any]
        var devices: [[String: Any]] { json["devices"] as? [[String: Any]] ?? [] }
        var allRows: [[String: Any]] {
            (json["sections"] as? [[String: Any]] ?? []).flatMap { $0["rows"] as? [[String: Any]] ?? [] }
        }
        func rows(of device: String) -> [[String: Any]] { allRows.filter { $0["device_id"] as? String == device } }
        func row(_ key: String) -> [String: Any]? { allRows.first { $0["key"] as? String == key } }
        func rowsWith(result: String) -> Int { allRows.filter { $0["result"] as? String == result }.count }
    }

    static func record(_ path: String) throws -> Record {
        Record(json: try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:])
    }
}
