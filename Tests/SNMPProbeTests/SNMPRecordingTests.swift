import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe
import Testing

/// Recordings of real units: `.snmprec` lines and `snmpwalk -On` output read to typed objects,
/// in numeric OID order, with every problem at file:line:column. No agent involved.
struct SNMPRecordingTests {
    static func one(_ text: String) throws -> SNMPVarBind {
        let recording = try SNMPRecording.parse(text, file: "t")
        try #require(recording.objects.count == 1, "\(recording.objects)")
        return recording.objects[0]
    }

    @Test(arguments: [
        ("1.3.6.1.2.1.1.1.0|4|Hikvision company products", SNMPValue.octets(Array("Hikvision company products".utf8))),
        ("1.3.6.1.2.1.1.1.0|4|a|b", .octets(Array("a|b".utf8))),
        ("1.3.6.1.2.1.1.1.0|4|", .octets([])),
        ("1.3.6.1.2.1.1.1.0|4x|00e6b5b7", .octets([0x00, 0xE6, 0xB5, 0xB7])),
        ("1.3.6.1.2.1.1.1.0|4e|line1\\nline2\\x00", .octets(Array("line1\nline2".utf8) + [0])),
        ("1.3.6.1.2.1.1.1.0|2|-72", .integer(-72)),
        ("1.3.6.1.2.1.1.1.0|5|", .null),
        ("1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.50001", .objectID("1.3.6.1.4.1.50001")),
        ("1.3.6.1.2.1.1.1.0|64|192.168.1.64", .ipAddress([192, 168, 1, 64])),
        ("1.3.6.1.2.1.1.1.0|64x|c0a80140", .ipAddress([192, 168, 1, 64])),
        ("1.3.6.1.2.1.1.1.0|65|4294967295", .counter32(4_294_967_295)),
        ("1.3.6.1.2.1.1.1.0|66|42", .gauge(42)),
        ("1.3.6.1.2.1.1.3.0|67|123456", .timeTicks(123_456)),
        ("1.3.6.1.2.1.1.1.0|68x|0102", .opaque([1, 2])),
        ("1.3.6.1.2.1.1.1.0|70|18446744073709551615", .counter64(UInt64.max)),
        ("  1.3.6.1.2.1.1.1.0|66|42  \r", .gauge(42)),
    ])
    func readsSNMPRecLines(_ line: String, _ expected: SNMPValue) throws {
        let bind = try Self.one(line)
        #expect(bind.value == expected)
    }

    @Test(arguments: [
        (".1.3.6.1.2.1.1.1.0 = STRING: \"Hikvision company products\"", SNMPValue.octets(Array("Hikvision company products".utf8))),
        (".1.3.6.1.2.1.1.4.0 = \"\"", .octets([])),
        (".1.3.6.1.2.1.1.6.0 = STRING: \"say \\\"hi\\\" \\\\ back\"", .octets(Array("say \"hi\" \\ back".utf8))),
        (".1.3.6.1.2.1.1.5.0 = STRING: \"line1\nline2\"", .octets(Array("line1\nline2".utf8))),
        (".1.3.6.1.2.1.1.5.0 = STRING: \"a\n\nb\"", .octets(Array("a\n\nb".utf8))),
        (".1.3.6.1.2.1.2.2.1.6.1 = STRING: 0:11:22:aa:bb:cc", .octets(Array("0:11:22:aa:bb:cc".utf8))),
        (".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF \n01 02 03 ",
         .octets([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 1, 2, 3])),
        (".1.3.6.1.2.1.1.7.0 = INTEGER: -72", .integer(-72)),
        (".1.3.6.1.2.1.2.2.1.8.1 = INTEGER: up(1)", .integer(1)),
        (".1.3.6.1.4.1.50001.1.221.0 = Gauge32: 42", .gauge(42)),
        (".1.3.6.1.4.1.50001.1.221.0 = Gauge32: 42 percent", .gauge(42)),
        (".1.3.6.1.2.1.2.2.1.10.1 = Counter32: 4294967295", .counter32(4_294_967_295)),
        (".1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615", .counter64(UInt64.max)),
        (".1.3.6.1.2.1.1.3.0 = Timeticks: (123456) 0:20:34.56", .timeTicks(123_456)),
        (".1.3.6.1.2.1.1.3.0 = Timeticks: 123456", .timeTicks(123_456)),
        (".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.50001", .objectID("1.3.6.1.4.1.50001")),
        (".1.3.6.1.4.1.50001.1.1.0 = IpAddress: 192.168.1.64", .ipAddress([192, 168, 1, 64])),
        (".1.3.6.1.4.1.50001.1.1.0 = Network Address: C0:A8:01:40", .ipAddress([192, 168, 1, 64])),
        (".1.3.6.1.4.1.50001.1.5.0 = NULL", .null),
        (".1.3.6.1.4.1.50001.1.9.0 = OPAQUE: 01 02 ", .opaque([1, 2])),
        (".1.3.6.1.2.1.2.2.1.9.1 = BITS: 80 00 linkDown(0)", .octets([0x80, 0x00])),
        (".1.3.6.1.2.1.1.7.0 = Wrong Type (should be Gauge32 or Unsigned32): INTEGER: 5", .integer(5)),
        ("1.3.6.1.2.1.1.7.0 = INTEGER: 5\r\n", .integer(5)),
    ])
    func readsWalkLines(_ text: String, _ expected: SNMPValue) throws {
        let bind = try Self.one(text)
        #expect(bind.value == expected, "\(bind)")
        #expect(try SNMPRecording.parse(text, file: "t").format == .walk)
    }

    @Test func exceptionsAndTheEndOfAWalkAreLeftOut() throws {
        let recording = try SNMPRecording.parse("""
        .1.3.6.1.2.1.1.1.0 = STRING: "x"
        .1.3.6.1.4.1.50001.1.230.0 = No Such Object available on this agent at this OID
        .1.3.6.1.4.1.50001.1.240.0 = No Such Instance currently exists at this OID
        .1.3.6.1.4.1.50001.1.221.0 = No more variables left in this MIB View (It is past the end of the MIB tree)
        End of MIB
        """, file: "t")
        #expect(recording.objects.map(\.oid) == ["1.3.6.1.2.1.1.1.0"])
        #expect(recording["1.3.6.1.4.1.50001.1.230.0"] == nil)
    }

    @Test func objectsAreInNumericNotLexicalOrder() throws {
        let recording = try SNMPRecording.parse("""
        # comment lines and blank lines are allowed

        1.3.6.1.4.1.368.4.1.10.0|2|3
        1.3.6.1.2.1.1.1.0|4|b
        1.3.6.1.4.1.368.4.1.9.0|2|2
        1.3.6.1.2.1.1.10.0|2|10
        1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.368
        """, file: "t")
        #expect(recording.objects.map(\.oid.description) == [
            "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.10.0", "1.3.6.1.4.1.368.4.1.9.0", "1.3.6.1.4.1.368.4.1.10.0",
        ])
        #expect(recording.sysDescr == "b")
        #expect(recording.sysObjectID == SNMPObjectID("1.3.6.1.4.1.368"))
    }

    /// A walk written as .snmprec and read back is the same recording, byte for byte in every value.
    @Test func aWalkConvertsToSNMPRecAndBack() throws {
        let walk = try SNMPRecording.parse("""
        .1.3.6.1.2.1.1.1.0 = STRING: "Hikvision company products"
        .1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.50001
        .1.3.6.1.2.1.1.3.0 = Timeticks: (123456) 0:20:34.56
        .1.3.6.1.2.1.1.4.0 = ""
        .1.3.6.1.2.1.1.5.0 = STRING: "two
        lines"
        .1.3.6.1.2.1.1.6.0 = STRING: " edge spaces "
        .1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: E6 B5 B7 00
        .1.3.6.1.2.1.2.2.1.10.1 = Counter32: 7
        .1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615
        .1.3.6.1.4.1.50001.1.1.0 = IpAddress: 10.0.0.20
        .1.3.6.1.4.1.50001.1.100.0 = INTEGER: 2
        .1.3.6.1.4.1.50001.1.221.0 = Gauge32: 41
        .1.3.6.1.4.1.50001.1.9.0 = OPAQUE: 01 02
        .1.3.6.1.4.1.50001.1.5.0 = NULL
        """, file: "unit.walk")
        let snmprec = walk.snmprec
        #expect(snmprec.contains("1.3.6.1.2.1.1.1.0|4|Hikvision company products\n"))
        #expect(snmprec.contains("1.3.6.1.2.1.1.5.0|4x|74776f0a6c696e6573\n"), "a line break goes as hex")
        #expect(snmprec.contains("1.3.6.1.2.1.1.6.0|4x|"), "edge spaces go as hex: snmpsim trims lines")
        #expect(snmprec.contains("1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615\n"))
        #expect(snmprec.contains("1.3.6.1.4.1.50001.1.1.0|64|10.0.0.20\n"))
        let back = try SNMPRecording.parse(snmprec, file: "unit.snmprec")
        #expect(back.format == .snmprec)
        #expect(back.objects == walk.objects)
    }

    @Test(arguments: [
        ("1.3.6.1.2.1.1.1.0|2|x", 1, 21, "not an Integer32"),
        ("1.3.6.1.2.1.1.1.0|2|2147483648", 1, 21, "not an Integer32"),
        ("1.3.6.1.2.1.1.1.0|65|-1", 1, 22, "Counter32"),
        ("1.3.6.1.2.1.1.1.0|70|18446744073709551616", 1, 22, "Counter64"),
        ("1.3.6.1.2.1.1.1.0|4x|0g", 1, 22, "hex bytes"),
        ("1.3.6.1.2.1.1.1.0|64|10.0.0", 1, 22, "IPv4"),
        ("1.3.6.1.2.1.1.1.0|6|enterprises.9", 1, 21, "numeric OID"),
        ("1.3.6.1.2.1.1.1.0|99|5", 1, 19, "unknown snmprec type '99'"),
        ("1.3.6.1.2.1.1.1.0|2:numeric|5", 1, 19, "unknown snmprec type"),
        ("1.3.6.1.2.1.1.1.0|4|ok\nsysDescr|4|x", 2, 1, "not a numeric OID"),
        ("1.3.6.1.2.1.1.1.0|4|ok\n1.3.6.1.2.1.1.2.0", 2, 1, "expected OID|TYPE|VALUE"),
        ("1.3.6.1.2.1.1.1.0|4|a\n1.3.6.1.2.1.1.1.0|4|b", 2, 1, "recorded twice"),
        (".1.3.6.1.2.1.1.1.0 = INTEGER: many", 1, 31, "not an INTEGER"),
        (".1.3.6.1.2.1.1.1.0 = Counter64: -1", 1, 33, "Counter64"),
        (".1.3.6.1.2.1.1.1.0 = Float: 1.5", 1, 22, "unknown value type 'Float'"),
        (".1.3.6.1.2.1.1.1.0 = STRING: \"never closed\n.1.3.6.1.2.1.1.2.0 = INTEGER: 1", 1, 30, "never closed"),
        ("SNMPv2-MIB::sysDescr.0 = STRING: x", 1, 1, "not a numeric OID"),
        ("iso.3.6.1.2.1.1.1.0 = STRING: \"x\"", 1, 1, "not a numeric OID"),
        (".1.3.6.1.2.1.1.2.0 = OID: SNMPv2-SMI::enterprises.50001", 1, 27, "not a numeric OID"),
        (".1.3.6.1.2.1.1.1.0 = STRING: \"x\"\nTimeout: No Response from 10.0.0.20", 2, 1, "snmpwalk -On"),
        ("hello world", 1, 1, "neither an .snmprec line"),
        ("", 1, 1, "empty"),
    ])
    func problemsArePlacedAtLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ reason: String) {
        do {
            let recording = try SNMPRecording.parse(text, file: "unit.rec")
            Issue.record("accepted \(text): \(recording.objects)")
        } catch {
            let first = error.errors.first
            #expect(first?.file == "unit.rec")
            #expect(first?.line == line, "\(error)")
            #expect(first?.column == column, "\(error)")
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test func everyProblemOfAFileIsReportedAtOnce() {
        do {
            _ = try SNMPRecording.parse("1.3.6.1.2.1.1.1.0|2|x\n1.3.6.1.2.1.1.2.0|4|ok\n1.3.6.1.2.1.1.3.0|67|-5\n", file: "f")
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.line) == [1, 3])
        }
    }

    @Test func loadNamesAMissingFile() {
        do {
            _ = try SNMPRecording.load(path: "/nonexistent/unit.walk")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/unit.walk:1:1: no such file"), "\(error)")
        }
    }
}
