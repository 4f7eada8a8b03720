import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// Rows and evidence entries written directly (`CanonicalJSONWritable`) are the generic
/// encoder's bytes, member for member: every fixture value and every optional, escape and number case.
@Suite struct CanonicalJSONTests {
    func generic(_ value: some Encodable) throws -> String {
        String(decoding: try RecordCoding.encode(value, pretty: false), as: UTF8.self)
    }

    func direct(_ value: some CanonicalJSONWritable) throws -> String {
        var bytes: [UInt8] = []
        try #require(value.writeCanonical(into: &bytes))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyFixtureRowAndEntryIsWrittenAsTheGenericEncoderWritesIt() throws {
        var count = 0
        for variant in 0..<3 {
            let record = FixtureRun.record(variant: variant)
            for row in record.rows { #expect(try direct(row) == generic(row)); count += 1 }
            for entry in record.evidence { #expect(try direct(entry) == generic(entry)); count += 1 }
        }
        #expect(count > 40)
    }

    /// Rows written one after another into one buffer (a chunk of a section), a refused entry leaving it as it was.
    @Test func valuesWrittenInARunAreTheGenericBytes() throws {
        let record = FixtureRun.record()
        var bytes: [UInt8] = []
        var expected = ""
        for row in record.rows {
            #expect(row.writeCanonical(into: &bytes))
            expected += try generic(row)
        }
        let refused = EvidenceEntry(ref: "E1", deviceId: "d", device: "d", check: LocalizedText("c"), status: .pass,
                                    observed: "", expected: "", lines: [], durationMs: .infinity)
        #expect(!refused.writeCanonical(into: &bytes))
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func everyOptionalEscapeAndNumberIsWrittenAlike() throws {
        let odd = "quote \" back \\ slash / tab \t nul \u{0} bell \u{7} 中文 é 😀 \r\n"
        var row = RecordRow(key: "cam-1/x", device: odd, item: LocalizedText(zh: "摄像机", en: odd), result: .abnormal, source: .automatic)
        #expect(try direct(row) == generic(row))  // every optional absent
        row = RecordRow(number: 12, key: "cam-1/x", deviceId: "cam-1", device: "Cam", location: odd,
                        item: LocalizedText("Cameras"), check: LocalizedText(zh: "型号", en: "Model"), result: .attention,
                        status: .warn, observed: odd, expected: "≥ 5", handling: "已更换", clearedOnSite: true,
                        source: .manual, filledBy: "王芳", evidenceRef: "E7", instruction: LocalizedText("look"),
                        finding: .quantity(value: 95.5, unit: "%"), expectation: nil, inspectedOn: "2026-11-20")
        #expect(try direct(row) == generic(row))
        for finding: Finding? in [nil, .flags(raised: [LocalizedText("a"), LocalizedText(odd)]),
                                  .count(matching: 1, total: 3, noun: nil), .state(name: LocalizedText(odd))] {
            row.finding = finding
            #expect(try direct(row) == generic(row))
        }
        for duration in [0, 2.390691, 1e-7, 123456789.125, -0.0, 1e21] {
            let entry = EvidenceEntry(ref: "E1", deviceId: "cam-1", device: odd, check: LocalizedText(odd), status: .fail,
                                      observed: odd, expected: "", lines: [odd, "", "→ 1.3.6 = INTEGER 5"], durationMs: duration,
                                      finding: .quantity(value: -1, unit: nil))
            #expect(try direct(entry) == generic(entry), "\(duration)")
        }
        let empty = EvidenceEntry(ref: "", deviceId: "", device: "", check: LocalizedText(""), status: .pass,
                                  observed: "", expected: "", lines: [], durationMs: 0)
        #expect(try direct(empty) == generic(empty))
    }

    /// A device's results as the store keeps them (Foundation's default names, slashes escaped).
    @Test func storedResultsAreWrittenAsTheGenericEncoderWritesThem() throws {
        let generic = { (results: [CheckResult]) in String(decoding: try StoreJSON.options.encode(results), as: UTF8.self) }
        for variant in 0..<3 {
            let results = FixtureRun.report(variant: variant).results
            #expect(StoreJSON.encode(results) == (try generic(results)))
        }
        var odd = CheckResult(device: "cam/1", check: "a/b", title: LocalizedText(zh: "型号 \"x\"", en: "http://x/y"), status: .warn,
                              observed: "1/2 \u{1} \\", expected: "≥ 5", evidence: ["→ /dev/ttyUSB0", ""], durationMs: 12.5,
                              offending: ["PSTN", "蜂窝"], record: FixtureRun.cameras,
                              perf: PerfData(label: "disk/0", value: 95, unit: "%", warning: "90", critical: nil, min: 0, max: 100),
                              note: "look / see", finding: .quantity(value: 95, unit: "%"), expectation: nil)
        #expect(StoreJSON.encode([odd]) == (try generic([odd])))
        odd.expect(.matches(pattern: "^a/b$"))
        #expect(StoreJSON.encode([odd, odd]) == (try generic([odd, odd])))
        #expect(StoreJSON.encode([CheckResult]()) == (try generic([])))
    }

    /// A device's outcome and its exchanges as the store keeps them, as the generic encoder writes them.
    @Test func storedOutcomesAreWrittenAsTheGenericEncoderWritesThem() throws {
        let generic = { (outcome: DeviceOutcome) in String(decoding: try StoreJSON.options.encode(outcome), as: UTF8.self) }
        for variant in 0..<3 {
            for outcome in FixtureRun.report(variant: variant).devices {
                #expect(StoreJSON.encode(outcome) == (try generic(outcome)))
            }
        }
        let odd = DeviceOutcome(device: "cam/1", profile: "p", endpoint: "snmp://10.0.0.5/x", unreachable: "no \"reply\" / \u{1}",
                                durationMs: 0.1, exchanges: [Exchange(.sent, "GET 1.3.6/1", at: Date(timeIntervalSinceReferenceDate: 1.5e8 + 0.123456)),
                                                             Exchange(.note, "超时 \\", at: Date(timeIntervalSince1970: 0))])
        #expect(StoreJSON.encode(odd) == (try generic(odd)))
        #expect(StoreJSON.encode(odd).contains("\"exchanges\":[{\"at\":"))
        let refused = DeviceOutcome(device: "d", profile: "p", endpoint: "e", durationMs: .infinity)
        #expect(throws: (any Error).self) { try generic(refused) }
        #expect(StoreJSON.encode(refused) == "")
    }

    /// Every case of a finding, with and without its optional labels, odd text and numbers, in
    /// a row, an entry and a stored result: the generic encoder's bytes, each writer's names.
    @Test func everyFindingIsWrittenAsTheGenericEncoderWritesIt() throws {
        let odd = LocalizedText(zh: "中文 \" \\ / \u{1}", en: "a/b \t 😀")
        let findings: [Finding] = [
            .quantity(value: 27, unit: "%"), .quantity(value: -0.5, unit: nil), .quantity(value: 1e21, unit: "°C"),
            .quantity(value: 0.1 + 0.2, unit: ""), .state(name: odd), .flags(raised: []), .flags(raised: [odd, LocalizedText("x")]),
            .rows(total: 256, noun: odd, offending: [RowFinding(label: odd), RowFinding(label: LocalizedText("2"), state: odd)]),
            .rows(total: 0, noun: nil, offending: []), .count(matching: 3, total: 16, noun: odd), .count(matching: 0, total: 0, noun: nil),
            .clock(skewSeconds: -1.25), .text(value: "DS-2CD2143G0-I \u{0} /"), .unreachable(waitedSeconds: 30),
            .notSupported, .notRun, .manual(instruction: odd), .manual(instruction: nil), .unreadable,
            .notInspected(reason: odd),
        ]
        for finding in findings {
            let row = RecordRow(key: "k", device: "d", item: LocalizedText("i"), result: .normal, source: .automatic, finding: finding)
            #expect(try direct(row) == generic(row), "\(finding)")
            let entry = EvidenceEntry(ref: "E1", deviceId: "d", device: "d", check: LocalizedText("c"), status: .pass,
                                      observed: "", expected: "", lines: [], durationMs: 1, finding: finding)
            #expect(try direct(entry) == generic(entry), "\(finding)")
            let result = CheckResult(device: "d", check: "c", title: LocalizedText("t"), status: .pass, observed: "", expected: "",
                                     finding: finding, expectation: nil)
            #expect(StoreJSON.encode([result]) == String(decoding: try StoreJSON.options.encode([result]), as: UTF8.self), "\(finding)")
        }
        #expect(try direct(RecordRow(key: "k", device: "d", item: LocalizedText("i"), result: .normal, source: .automatic,
                                     finding: .notInspected(reason: odd))).contains("\"not_inspected\":{\"reason\":"))
        // A quantity JSON cannot hold: the row is left to the generic encoder, which refuses it too.
        let refused = RecordRow(key: "k", device: "d", item: LocalizedText("i"), result: .normal, source: .automatic,
                                finding: .quantity(value: .nan, unit: "%"))
        var bytes: [UInt8] = []
        #expect(!refused.writeCanonical(into: &bytes) && bytes.isEmpty)
    }

    /// A nested value met again is written from the bytes kept for it, each writer's own: the
    /// record's names are snake_case, the store's are not, and slashes are escaped in the store only.
    @Test func aRepeatedValueIsWrittenAsEachEncoderWritesIt() throws {
        let finding = Finding.clock(skewSeconds: 1.5)
        let expectation = Expectation.matches(pattern: "^a/b$")
        for _ in 0..<2 {
            let row = RecordRow(key: "k", device: "d", item: LocalizedText("i"), result: .normal, source: .automatic,
                                finding: finding, expectation: expectation)
            #expect(try direct(row) == generic(row))
            #expect(try direct(row).contains("\"skew_seconds\":1.5"))
            var result = CheckResult(device: "d", check: "c", title: LocalizedText("t"), status: .pass, observed: "", expected: "",
                                     finding: finding, expectation: nil)
            result.expect(expectation)
            #expect(StoreJSON.encode([result]) == String(decoding: try StoreJSON.options.encode([result]), as: UTF8.self))
            #expect(StoreJSON.encode([result]).contains("\"skewSeconds\":1.5"))
        }
    }

    /// A value the generic encoder refuses is not written half: both give nothing.
    @Test func aDurationJSONCannotHoldIsLeftToTheGenericEncoder() {
        let entry = EvidenceEntry(ref: "E1", deviceId: "d", device: "d", check: LocalizedText("c"), status: .pass,
                                  observed: "", expected: "", lines: [], durationMs: .nan)
        var bytes: [UInt8] = []
        #expect(!entry.writeCanonical(into: &bytes))
        #expect(RecordCoding.canonicalData(entry).isEmpty)
    }
}
