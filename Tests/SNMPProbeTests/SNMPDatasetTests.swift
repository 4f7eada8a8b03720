import CheckupCore
import DeviceSimulators
import Testing

/// The fixture dataset format: `TYPE:VALUE` parsing, variants and their verdicts.
struct SNMPDatasetTests {
    @Test(arguments: [
        ("integer:-7", SNMPAgentValue.integer(-7)),
        ("gauge:4000000000", .gauge(4_000_000_000)),
        ("string:27 PERCENT", .string("27 PERCENT")),
        ("oid:.1.3.6.1.2.1.25.2.1.4", .oid("1.3.6.1.2.1.25.2.1.4")),
        ("hex:00 1a:FF", .hex([0x00, 0x1A, 0xFF])),
        ("timeticks:100", .timeTicks(100)),
        ("ipaddress:10.0.0.20", .ipAddress("10.0.0.20")),
        ("datetime:now-3600", .dateTime(offsetSeconds: -3600)),
        ("timetext:now+600", .timeText(offsetSeconds: 600)),
        ("absent:", .absent),
    ])
    func parses(_ text: String, _ expected: SNMPAgentValue) throws {
        #expect(try SNMPAgentValue(parsing: text) == expected)
    }

    @Test(arguments: [
        ("27 PERCENT", "not TYPE:VALUE"),
        ("integer:x", "whole number"),
        ("float:1.5", "unknown type 'float'"),
        ("hex:0", "pairs of hex digits"),
        ("ipaddress:10.0.0", "a.b.c.d"),
        ("datetime:yesterday", "now+SECONDS"),
    ])
    func rejectsWithAReason(_ text: String, _ reason: String) {
        do {
            _ = try SNMPAgentValue(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test func variantsMergeOverTheHealthyState() throws {
        let dataset = try SNMPDataset(yaml: """
        profile: p
        objects: {1.3.6.1.4.1.1.1.0: "integer:1", 1.3.6.1.4.1.1.2.0: "string:x"}
        tables:
          1.3.6.1.4.1.1.3.1:
            columns: {status: 2}
            rows: {"1": {status: "integer:0"}, "2": {status: "integer:0"}}
        expect: {a: pass, b: pass}
        variants:
          broken:
            set: {1.3.6.1.4.1.1.3.1.2.2: "integer:3"}
            remove: [1.3.6.1.4.1.1.2.0]
            expect: {b: {status: fail, mentions: "row 2"}}
        """)
        let healthy = try dataset.objects()
        #expect(healthy["1.3.6.1.4.1.1.3.1.2.2"] == .integer(0))
        #expect(healthy["1.3.6.1.4.1.1.2.0"] == .string("x"))
        let broken = try dataset.objects(variant: "broken", overrides: ["1.3.6.1.4.1.1.1.0": .integer(9)])
        #expect(broken["1.3.6.1.4.1.1.3.1.2.2"] == .integer(3))
        #expect(broken["1.3.6.1.4.1.1.2.0"] == nil)
        #expect(broken["1.3.6.1.4.1.1.1.0"] == .integer(9))
        #expect(dataset.expectations(variant: "broken")["a"]?.status == .pass)
        #expect(dataset.expectations(variant: "broken")["b"] == SNMPDataset.Expectation(status: .fail, mentions: "row 2"))
        #expect(throws: SNMPAgentError.self) { try dataset.objects(variant: "nope") }
    }
}
