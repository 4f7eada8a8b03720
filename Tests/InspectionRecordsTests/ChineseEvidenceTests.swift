import CheckupCore
import CheckupTestKit
import Foundation
import Testing
@testable import InspectionRecords

/// The evidence appendix of a zh record says what was seen and what was expected in Chinese,
/// for every kind of check the evaluator judges, passing, failing and unknown alike.
struct ChineseEvidenceTests {
    static let now = Date(timeIntervalSince1970: 1_795_140_000)

    static let profileYAML = """
    schema: 1
    id: evidence-test
    protocol: scripted
    title: {zh: 测试主机, en: Test host}
    record: {section: central-control, item: {zh: 报警主机, en: Alarm host}}
    points:
      cpu: {key: cpu}
      temp: {key: temp}
      state: {key: state}
      power: {key: power}
      model: {key: model}
      link: {key: link}
      channel: {key: channel}
      clock: {key: clock}
      battery: {key: battery}
      fan: {key: fan}
      disks: {key: disks, title: {zh: 硬盘, en: Disks}}
      zones: {key: zones, title: {zh: 防区, en: Zones}}
    checks:
      - {id: cpu, title: {zh: CPU 使用率, en: CPU usage}, point: cpu, warning: "~:80", critical: "~:95"}
      - {id: temp, title: {zh: 温度, en: Temperature}, point: temp, range: "~:50"}
      - {id: state, title: {zh: 设备状态, en: State}, point: state, map: {1: Online, 2: {name: Offline, status: fail}}}
      - {id: power, title: {zh: 电源, en: Power}, point: power, bits: {0: mains fault, 1: battery fault}}
      - {id: model, title: {zh: 型号, en: Model}, point: model, regex: "^DS-"}
      - {id: link, title: {zh: 链路, en: Link}, point: link, equals: online}
      - {id: channel, title: {zh: 通道, en: Channel}, point: channel, in: [1, 2]}
      - {id: clock, title: {zh: 时钟偏差, en: Clock}, point: clock, clock: {warning: 60, critical: 300}}
      - {id: battery, title: {zh: 电池, en: Battery}, point: battery, range: "@10:20"}
      - {id: fan, title: {zh: 风扇, en: Fan}, point: fan, equals: 1}
      - id: disks
        title: {zh: 硬盘状态, en: Disk status}
        point: disks
        rows: every
        column: status
        label: {zh: "{index} 号硬盘", en: "disk {index}"}
        map: {0: Normal, 5: Idle, 3: {name: SmartFailed, status: fail}}
      - id: zones
        title: {zh: 防区故障, en: Zone faults}
        point: zones
        rows: none
        column: fault
        label: {zh: "{index} 号防区", en: "zone {index}"}
        equals: true
      - {id: zone-count, title: {zh: 防区数, en: Zone count}, point: zones, count: "3:", column: fault, equals: false}
    """

    static let readings = Readings(values: [
        "cpu": Reading(.text("85 PERCENT"), evidence: "1.3.6.1.4.1.39165.1.7.0 = STRING \"85 PERCENT\""),
        "temp": Reading(.text("n/a"), evidence: "FC04 0x0010 ×1 → n/a"),
        "state": Reading(.integer(9), evidence: "FC03 0x0001 ×1 → 0x0009"),
        "power": Reading(.integer(2), evidence: "FC03 0x0002 ×1 → 0x0002"),
        "model": Reading(.text("XS-7608"), evidence: "sysDescr = XS-7608"),
        "link": Reading(.text("offline"), evidence: "link = offline"),
        "channel": Reading(.integer(3)),
        "clock": Reading(.text("2026-11-20 09:00:00"), evidence: "sysTime = 2026-11-20 09:00:00"),
        "battery": Reading(.absent("noSuchObject"), evidence: "battery: noSuchObject"),
        "disks": Reading(.table([
            TableRow(index: "1", cells: ["status": .integer(0)]),
            TableRow(index: "2", cells: ["status": .integer(3)]),
        ])),
        "zones": Reading(.table([
            TableRow(index: "4", cells: ["fault": .bool(false)]),
            TableRow(index: "5", cells: ["fault": .bool(true)]),
        ])),
    ])

    static func record() throws -> MonthlyRecord {
        let profile = try ProfileLoader(registry: .with(ScriptedProbe(devices: [:]))).load(text: profileYAML, origin: "evidence-test.yaml")
        let site = Site(id: "acme-hq", client: "安盛物业 Acme Property", name: "总部大楼 HQ building", devices: [
            Device(id: "panel-1", name: "报警主机 Panel 1", location: "值班室 Guard room", kind: .alarmHost,
                   profile: "evidence-test", endpoint: FixtureRun.endpoint("modbus-tcp://127.0.0.1:15020?unit=1")),
            Device(id: "panel-2", name: "报警主机 Panel 2", location: "机房 Server room", kind: .alarmHost,
                   profile: "evidence-test", endpoint: FixtureRun.endpoint("modbus-tcp://127.0.0.1:15021?unit=1")),
        ])
        let evaluator = Evaluator(now: now)
        let results = evaluator.evaluate(profile, readings: readings, device: "panel-1")
            + evaluator.evaluate(profile, readings: Readings(unreachable: "timeout after 300 ms"), device: "panel-2")
        let report = RunReport(site: site, startedAt: now, finishedAt: now.addingTimeInterval(60), incomplete: false, devices: [
            DeviceOutcome(device: "panel-1", profile: "evidence-test", endpoint: "modbus-tcp://127.0.0.1:15020?unit=1", durationMs: 40),
            DeviceOutcome(device: "panel-2", profile: "evidence-test", endpoint: "modbus-tcp://127.0.0.1:15021?unit=1",
                          unreachable: "timeout after 300 ms", durationMs: 300,
                          exchanges: [Exchange(.sent, "FC03 0x0001 ×1", at: now), Exchange(.note, "timeout after 300 ms", at: now)]),
        ], results: results)
        return try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: ["张伟"])
    }

    /// An entry's duration reads as `%.0f ms` prints it, halves to even, without a format string.
    @Test func durationsReadAsTheFormatPrintsThem() {
        for ms in [0, 0.4, 0.5, 1.5, 2.5, 2.390691, 12.4999, 1000.5, 99_999.5, 3e9, -0.0, -2.5, .nan, .infinity, 1e16] {
            #expect(RecordEvidenceView.milliseconds(ms) == String(format: "%.0f ms", ms), "\(ms)")
        }
    }

    @Test func theRecordHasEveryKindOfOutcome() throws {
        let statuses = Set(try Self.record().evidence.map(\.status))
        #expect(statuses.isSuperset(of: [.warn, .fail, .error, .unsupported, .unreachable]), "\(statuses)")
    }

    @Test(arguments: [RecordFormat.html, .markdown])
    func theZhAppendixHasNoEnglishWord(format: RecordFormat) throws {
        let record = try Self.record()
        let text = try RecordRenderer().render(record, format: format, lang: .zh)
        let words = EnglishWords.inAppendix(text, format: format, data: EnglishWords.clientData(record))
        #expect(words.isEmpty, "English words in the zh evidence appendix: \(words)")
    }

    @Test func theZhAppendixSaysWhatEachCheckExpects() throws {
        let text = try RecordRenderer().render(try Self.record(), format: .html, lang: .zh)
        for phrase in ["≤ 95，&gt; 80 为注意", "≤ 50", "在线", "无电池故障、主电故障", "符合 /^DS-/", "= 在线", "为 1、2 之一",
                       "与本机时钟相差不超过 60 秒", "每个硬盘：空闲或正常", "无防区符合“= 是”", "符合“= 否”的防区数 ≥ 3",
                       "2 号硬盘", "5 号防区", "应答无法判读", "本设备不支持该项", "设备离线"] {
            #expect(text.contains(phrase), "the zh appendix says \(phrase)")
        }
    }

    /// The bundled profiles' patterns are worded for the client; a profile's own is shown as written.
    @Test func theBundledPatternsAreWordedAndOthersShownAsWritten() {
        #expect(ExpectationPhrases.words(.matches(pattern: "."), lang: .zh) == "有应答内容")
        #expect(ExpectationPhrases.words(.matches(pattern: "^[0-9.]+$"), lang: .zh) == "为数值")
        #expect(ExpectationPhrases.words(.matches(pattern: "^DS-"), lang: .zh) == "符合 /^DS-/")
        #expect(ExpectationPhrases.words(.matches(pattern: "."), lang: .en) == Expectation.matches(pattern: ".").description)
    }

    /// A zh CSV export words its 要求 column the same way; an en one keeps the terminal's lines.
    @Test func theCSVExpectedColumnSpeaksTheFilesLanguage() throws {
        let record = try Self.record()
        let zh = CSVTable.render(record, lang: .zh), en = CSVTable.render(record, lang: .en)
        #expect(zh.contains("≤ 95，> 80 为注意") && !zh.contains("warn unless"))
        #expect(en.contains("≤ 95, warn unless ≤ 80"))
    }

    /// The en record keeps the evaluator's own lines, the ones the terminal shows.
    @Test func theEnAppendixKeepsTheTerminalsLines() throws {
        let text = try RecordRenderer().render(try Self.record(), format: .html, lang: .en)
        for phrase in ["≤ 95, warn unless ≤ 80", "every row: status Idle or Normal", "no row with fault = true",
                       "disk 2: SmartFailed (3)", "&#39;n/a&#39; is not a number", "9 (not a known state)"] {
            #expect(text.contains(phrase), "the en appendix says \(phrase)")
        }
    }

    /// Expectations (nested enums, open spans) reach the store as Foundation would write them:
    /// the content hash does not depend on which encoder wrote the bytes.
    @Test(arguments: FastJSONEncoderTests.options)
    func aRecordWithExpectationsEncodesAsFoundationDoes(_ fast: FastJSONEncoder) throws {
        let record = try Self.record()
        #expect(record.rows.contains { $0.expectation != nil })
        try FastJSONEncoderTests.same(record, fast)
    }

    /// A person's answer replaces a row's words, never the machine's reading in the appendix.
    @Test func anAnsweredRowKeepsItsEvidenceInChinese() throws {
        var record = try Self.record()
        let s = try #require(record.sections.firstIndex { $0.rows.contains { $0.key == "panel-1/disks" } })
        let r = try #require(record.sections[s].rows.firstIndex { $0.key == "panel-1/disks" })
        record.sections[s].rows[r].observed = "已更换 2 号硬盘"
        record.sections[s].rows[r].finding = nil
        let text = try RecordRenderer().render(record, format: .html, lang: .zh)
        let appendix = try #require(text.range(of: "<section class=\"appendix").map { String(text[$0.lowerBound...]) })
        #expect(appendix.contains("2 号硬盘：SMART 故障") && appendix.contains("每个硬盘：空闲或正常"), "\(appendix)")
    }

    /// A version stored before entries kept their finding and rows their expectation still decodes
    /// and renders (with its stored lines).
    @Test func aVersionStoredWithoutExpectationsStillRenders() throws {
        var record = try Self.record()
        for i in record.evidence.indices { record.evidence[i].finding = nil }
        for s in record.sections.indices {
            for r in record.sections[s].rows.indices { record.sections[s].rows[r].expectation = nil }
        }
        let data = try RecordCoding.encode(record)
        #expect(!String(decoding: data, as: UTF8.self).contains("\"expectation\""))
        let back = try RecordCoding.decoder().decode(MonthlyRecord.self, from: data)
        let text = try RecordRenderer().render(back, format: .html, lang: .zh)
        #expect(text.contains("2 号硬盘"), "the row's finding words the entry it refers to")
    }

    /// An entry finds its row by reference, also when the references are not E1, E2, … in entry
    /// order (the appendix reads the row by its place, looked up only then).
    @Test(arguments: ["X", "E"]) func anEntryFindsItsRowWhateverItsReference(_ prefix: String) throws {
        var record = try Self.record()
        for i in record.evidence.indices { record.evidence[i].finding = nil }  // the words then come from the row
        let count = record.evidence.count
        func renamed(_ ref: String) -> String {  // E1…En → Xn…X1 (or En…E1: numbered, out of entry order)
            guard let n = Int(ref.dropFirst()) else { return ref }
            return "\(prefix)\(count + 1 - n)"
        }
        for i in record.evidence.indices { record.evidence[i].ref = renamed(record.evidence[i].ref) }
        for s in record.sections.indices {
            for r in record.sections[s].rows.indices { record.sections[s].rows[r].evidenceRef = record.sections[s].rows[r].evidenceRef.map(renamed) }
        }
        let text = try RecordRenderer().render(record, format: .html, lang: .zh)
        let appendix = try #require(text.range(of: "<section class=\"appendix").map { String(text[$0.lowerBound...]) })
        #expect(appendix.contains("2 号硬盘：SMART 故障"), "the row's finding words the entry it refers to")
    }
}

/// Latin words left on a zh page once the client's own data is taken out.
enum EnglishWords {
    /// What the client's devices and site carry: names, locations, check titles, device text.
    static func clientData(_ record: MonthlyRecord) -> [String] {
        var data = [record.header.client, record.header.site, record.header.address ?? "", record.header.contract ?? ""]
        data += record.devices.flatMap { [$0.id, $0.name, $0.location ?? ""] }
        data += record.evidence.map(\.check.zh)
        for e in record.evidence { if case .text(let value)? = e.finding { data.append(value) } }
        return data.filter { !$0.isEmpty }
    }

    /// A run of three or more ASCII letters with a lowercase one in the appendix, after the
    /// data, the content hash and the raw exchange lines (the frames as they went over the wire,
    /// `<pre>`) are taken out. Capitals (CPU, SMART, NVR) are how a zh page writes those.
    static func inAppendix(_ page: String, format: RecordFormat, data: [String]) -> [String] {
        let marker = format == .html ? "<section class=\"appendix" : "## 附录"
        guard let start = page.range(of: marker) else { return ["(no appendix)"] }
        var text = String(page[start.lowerBound...])
        let machineText = format == .html ? ["<pre>[\\s\\S]*?</pre>", "<[^>]*>", "&#?[a-z0-9]+;"] : ["(?m)^  - `.*$"]
        for pattern in machineText + ["[0-9a-f]{12,64}"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for d in data.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: d, with: " ") }
        return text.split { !($0.isASCII && $0.isLetter) }.map(String.init)
            .filter { $0.count >= 3 && $0.contains(where: \.isLowercase) }
    }
}
