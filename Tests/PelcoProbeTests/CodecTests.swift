import CheckupCore
import PelcoProbe
import Testing

/// Every Pelco-D command of docs/reference.md §2.2–2.3, one per row.
let everyPelcoDCommand: [PelcoDCommand] = [
    .standard(.stop),
    .standard(.pan(right: true, speed: 0x20)), .standard(.pan(right: false, speed: 0x3F)),
    .standard(.tilt(up: true, speed: 0x10)), .standard(.tilt(up: false, speed: 0x00)),
    .standard(PelcoMotion(zoomTele: true)), .standard(PelcoMotion(zoomWide: true)),
    .standard(PelcoMotion(focusNear: true)), .standard(PelcoMotion(focusFar: true)),
    .standard(PelcoMotion(irisClose: true)), .standard(PelcoMotion(irisOpen: true)),
    .standard(PelcoMotion(sense: true, cameraOnOff: true)), .standard(PelcoMotion(sense: true, scan: true)),
    .standard(PelcoMotion(up: true, right: true, panSpeed: 0x40, tiltSpeed: 0x3F)),
    .setPreset(1), .clearPreset(2), .goToPreset(3), .goToPreset(200), .flip, .goToZeroPan,
    .setAuxiliary(1), .clearAuxiliary(8), .remoteReset, .zoneStart(1), .zoneEnd(2),
    .writeCharacter(column: 5, character: 0x41), .clearScreen, .alarmAcknowledge(3),
    .zoneScanOn, .zoneScanOff, .patternStart(1), .patternStop(1), .patternRun(1),
    .zoomSpeed(2), .focusSpeed(3), .resetCamera, .autoFocus(0), .autoIris(1), .automaticGainControl(2),
    .backlightCompensation(1), .autoWhiteBalance(0), .query, .setZeroPosition,
    .setPan(18000), .setTilt(35000), .setZoom(65535), .queryPan, .queryTilt, .queryZoom,
    .setMagnification(1250), .queryMagnification,
]

struct CodecTests {
    @Test(arguments: everyPelcoDCommand)
    func pelcoDCommandRoundTrips(_ command: PelcoDCommand) throws {
        for address: UInt8 in [1, 5, 254] {
            let bytes = command.bytes(to: address)
            #expect(bytes.count == 7 && bytes[0] == 0xFF && bytes[1] == address)
            #expect(bytes[6] == UInt8(truncatingIfNeeded: bytes[1...5].reduce(0) { $0 + Int($1) }), "checksum = sum of bytes 2–6")
            let frame = try #require(PelcoDFrame(bytes: bytes))
            #expect(PelcoDCommand(frame: frame) == command)
            var corrupted = bytes
            corrupted[6] &+= 1
            #expect(PelcoDFrame(bytes: corrupted) == nil, "a wrong checksum is rejected")
        }
    }

    @Test(arguments: [
        (PelcoDCommand.queryPan, "FF 01 00 51 00 00 52"),
        (.goToPreset(1), "FF 01 00 07 00 01 09"),
        (.setPreset(3), "FF 01 00 03 00 03 07"),
        (.standard(.stop), "FF 01 00 00 00 00 01"),
        (.standard(.pan(right: true, speed: 0x20)), "FF 01 00 02 20 00 23"),
        (.setPan(18000), "FF 01 00 4B 46 50 E2"),
        (.flip, "FF 01 00 07 00 21 29"),
    ])
    func pelcoDKnownFrames(_ command: PelcoDCommand, _ hex: String) {
        #expect(Exchange.hex(command.bytes(to: 1)) == hex)
    }

    @Test func unknownFramesDecodeToOtherAndBackExactly() throws {
        let frame = PelcoDFrame(address: 1, command1: 0x00, command2: 0x77, data1: 0x12, data2: 0x34)
        let command = PelcoDCommand(frame: frame)
        #expect(command == .other(command1: 0x00, command2: 0x77, data1: 0x12, data2: 0x34))
        #expect(command.frame(to: 1) == frame)
    }

    @Test(arguments: [
        PelcoDResponse.general(address: 1, alarms: 0), .general(address: 9, alarms: 0x45),
        .extended(address: 1, opcode: 0x59, value: 18000), .extended(address: 200, opcode: 0x5B, value: 35500),
        .extended(address: 3, opcode: 0x5D, value: 0), .extended(address: 3, opcode: 0x63, value: 3000),
        .partNumber(address: 4, text: "DD53CBW"), .partNumber(address: 4, text: "ABCDEFGHIJKLMNO"),
    ])
    func pelcoDResponsesRoundTrip(_ response: PelcoDResponse) throws {
        let kind: PelcoDReplyKind
        switch response {
        case .general: kind = .general
        case .extended(_, let op, _): kind = .extended(opcode: op)
        case .partNumber: kind = .partNumber
        }
        let requestChecksum: UInt8 = 0x52
        let bytes = response.bytes(requestChecksum: requestChecksum)
        #expect(bytes.count == kind.length)
        #expect(try PelcoDResponse.parse(bytes, kind: kind, requestChecksum: requestChecksum).get() == response)
        var bad = bytes
        bad[bad.count - 1] &+= 1
        guard case .failure(.checksum) = PelcoDResponse.parse(bad, kind: kind, requestChecksum: requestChecksum) else {
            Issue.record("a corrupted checksum must fail with .checksum"); return
        }
        var decoder = PelcoDReplyDecoder(kind: kind, requestChecksum: requestChecksum)
        #expect(decoder.feed([0x00, 0x13, 0xFF] + bytes) == response, "noise before the reply is skipped")
    }

    @Test func knownReplies() {
        // Pan 180.00° from address 1; general reply to a query pan (request checksum 0x52).
        #expect(Exchange.hex(PelcoDResponse.extended(address: 1, opcode: 0x59, value: 18000).bytes(requestChecksum: 0)) == "FF 01 00 59 46 50 F0")
        #expect(Exchange.hex(PelcoDResponse.general(address: 1, alarms: 0).bytes(requestChecksum: 0x52)) == "FF 01 00 52")
    }

    @Test func replyWithWrongOpcodeIsRejected() {
        let bytes = PelcoDResponse.extended(address: 1, opcode: 0x5B, value: 10).bytes(requestChecksum: 0)
        guard case .failure(.unexpectedOpcode) = PelcoDResponse.parse(bytes, kind: .extended(opcode: 0x59), requestChecksum: 0) else {
            Issue.record("tilt reply to a pan query must be rejected"); return
        }
    }

    @Test func anglesConvert() {
        #expect(PelcoAngles.panDegrees(35999) == 359.99)
        #expect(PelcoAngles.tiltDegrees(9000) == 90)
        #expect(PelcoAngles.tiltDegrees(35500) == -5)
        #expect(PelcoAngles.tiltWord(-5) == 35500)
        #expect(PelcoAngles.panWord(-10) == 35000)
        #expect(PelcoAngles.panDifference(from: 355, to: 5) == 10)
    }

    static let everyPelcoPCommand: [PelcoPCommand] = [
        .standard(.stop), .standard(PelcoMotion(right: true, panSpeed: 0x20)), .standard(PelcoMotion(left: true, panSpeed: 0x3F)),
        .standard(PelcoMotion(up: true, tiltSpeed: 0x10)), .standard(PelcoMotion(down: true, tiltSpeed: 1)),
        .standard(PelcoMotion(zoomTele: true)), .standard(PelcoMotion(zoomWide: true)),
        .standard(PelcoMotion(focusFar: true)), .standard(PelcoMotion(focusNear: true)),
        .standard(PelcoMotion(irisOpen: true)), .standard(PelcoMotion(irisClose: true)),
        .standard(PelcoMotion(cameraOnOff: true, cameraOn: true)), .standard(PelcoMotion(scan: true)),
        .setPreset(1), .clearPreset(2), .goToPreset(3),
    ]

    @Test(arguments: everyPelcoPCommand)
    func pelcoPCommandRoundTrips(_ command: PelcoPCommand) throws {
        for address: UInt8 in [0, 1, 31] {
            let bytes = command.bytes(to: address)
            #expect(bytes.count == 8 && bytes[0] == 0xA0 && bytes[1] == address && bytes[6] == 0xAF)
            #expect(bytes[7] == bytes[0...6].reduce(0) { $0 ^ $1 }, "XOR of bytes 1–7")
            let frame = try #require(PelcoPFrame(bytes: bytes))
            #expect(PelcoPCommand(frame: frame) == command)
            var bad = bytes
            bad[7] ^= 0x01
            #expect(PelcoPFrame(bytes: bad) == nil)
        }
    }

    @Test func pelcoPKnownFrame() {
        #expect(Exchange.hex(PelcoPCommand.goToPreset(1).bytes(to: 0)) == "A0 00 00 07 00 01 AF 09")
    }
}
