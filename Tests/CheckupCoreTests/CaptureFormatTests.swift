import CheckupCore
import Foundation
import Testing

/// The capture file format (docs/capture-format.md): readable, versioned, secret-free.
struct CaptureFormatTests {
    static func capture(_ wire: WireLog, identity: DeviceIdentity? = nil) -> Capture {
        Capture(profile: "hikvision-nvr", protocolName: "snmp", endpoint: "snmp://10.0.0.20:161?version=2c",
                capturedAt: Date(timeIntervalSince1970: 1_796_000_000), duration: .milliseconds(1940),
                identity: identity, readings: Readings(wire: wire), expect: ["status": .pass])
    }

    @Test func writesMillisecondsISODatesAndTypedObjects() throws {
        let wire = WireLog(snmpObjects: [CapturedObject(oid: "1.3.6.1.4.1.50001.1.230.0", type: "Integer", value: "1")])
        let text = String(decoding: try Self.capture(wire).encoded(), as: UTF8.self)
        #expect(text.contains("\"format\" : \"checkup.capture\""))
        #expect(text.contains("\"format_version\" : 2"))
        #expect(text.contains("\"duration_ms\" : 1940"))
        #expect(text.contains("\"captured_at\" : \"2026-11-30T00:53:20Z\""), "\(text)")
        #expect(text.contains("\"type\" : \"Integer\""))
        #expect(!text.contains("\"_0\""))
        #expect(!text.contains("modbus_blocks"), "only the protocol's own list is written")
    }

    @Test func roundTripsEveryProtocolsExchanges() throws {
        let wire = WireLog(snmpObjects: [CapturedObject(oid: "1.3.6.1.2.1.1.5.0", type: "OctetString", value: "00 FF", encoding: "hex")],
                           modbusBlocks: [CapturedBlock(function: 2, start: 256, count: 3, values: [1, 0, 1]),
                                          CapturedBlock(function: 2, start: 0x8001, count: 256, exception: 2)],
                           pelcoFrames: [CapturedFrame(query: "FF 05 00 51 00 00 56", reply: nil, elapsedMilliseconds: 1000)])
        let identity = DeviceIdentity(objectID: "1.3.6.1.4.1.50001", description: "Hikvision company products")
        let back = try Capture.decode(try Self.capture(wire, identity: identity).encoded())
        #expect(back.wire == wire)
        #expect(back.identity == identity)
        #expect(back.durationMilliseconds == 1940)
        #expect(back.expect == ["status": .pass])
        let text = String(decoding: try Self.capture(wire).encoded(), as: UTF8.self)
        #expect(text.contains("\"values\" : [1, 0, 1]"), "a block's values stay on one line: \(text)")
    }

    @Test func aVersion1FileIsRefusedNamingItsVersion() {
        let old = Data(#"{"profile": "x", "endpoint": "snmp://h", "captured_at": "2026-11-01T00:00:00Z", "readings": {}}"#.utf8)
        #expect { try Capture.decode(old) } throws: { "\($0)".contains("format version 1") }
        let future = Data(#"{"format": "checkup.capture", "format_version": 3, "profile": "x"}"#.utf8)
        #expect { try Capture.decode(future) } throws: { "\($0)".contains("format_version 3") }
    }

    @Test func theScrubberRemovesAnEchoedCommunityFromObjectsTextAndHex() {
        let secret = "s3cret-comm"
        let hex = Array("contact \(secret)".utf8).map { String(format: "%02X", $0) }.joined(separator: " ")
        let wire = WireLog(snmpObjects: [CapturedObject(oid: "1.3.6.1.2.1.1.4.0", type: "OctetString", value: "ops \(secret)"),
                                         CapturedObject(oid: "1.3.6.1.2.1.1.6.0", type: "OctetString", value: hex, encoding: "hex")],
                           modbusBlocks: [CapturedBlock(function: 3, start: 0, count: 1, error: "peer said \(secret)")])
        let scrubbed = Scrubber(secrets: [secret]).scrub(Readings(wire: wire)).wire
        #expect(scrubbed.snmpObjects[0].value == "ops ***")
        #expect(scrubbed.snmpObjects[1].value == "contact ***")
        #expect(scrubbed.snmpObjects[1].encoding == nil)
        #expect(scrubbed.modbusBlocks[0].error == "peer said ***")
    }
}
