/// Every Pelco-D command of docs/reference.md §2.2–2.3, encoded to and decoded from frames.
///
/// Decoding is total: a frame that matches no named command (unused bytes set, unknown
/// opcode) decodes to `.other`, so `frame → command → frame` is exact for every frame.
/// Preset ids 0x21 and 0x22 of "go to preset" are the flip and zero-pan commands.
package enum PelcoDCommand: Sendable, Hashable {
    /// Pan/tilt/zoom/focus/iris bits and speeds; `.standard(.stop)` stops the head.
    case standard(PelcoMotion)
    case setPreset(UInt8)
    case clearPreset(UInt8)
    case goToPreset(UInt8)
    /// Turn the head 180° (0x07 with data2 = 0x21).
    case flip
    /// Go to pan 0 (0x07 with data2 = 0x22).
    case goToZeroPan
    case setAuxiliary(UInt8)
    case clearAuxiliary(UInt8)
    case remoteReset
    case zoneStart(UInt8)
    case zoneEnd(UInt8)
    case writeCharacter(column: UInt8, character: UInt8)
    case clearScreen
    case alarmAcknowledge(UInt8)
    case zoneScanOn
    case zoneScanOff
    case patternStart(UInt8)
    case patternStop(UInt8)
    case patternRun(UInt8)
    /// 0–3.
    case zoomSpeed(UInt8)
    /// 0–3.
    case focusSpeed(UInt8)
    case resetCamera
    /// 0 auto, 1 on, 2 off (likewise for iris, AGC, BLC, AWB).
    case autoFocus(UInt8)
    case autoIris(UInt8)
    case automaticGainControl(UInt8)
    case backlightCompensation(UInt8)
    case autoWhiteBalance(UInt8)
    /// 0x45: asks for the 15-byte part number (point-to-point lines only).
    case query
    case setZeroPosition
    /// Hundredths of a degree, 0–35999.
    case setPan(UInt16)
    /// Hundredths of a degree: 0 horizon, 9000 straight down, above the horizon 36000 − x.
    case setTilt(UInt16)
    /// (magnification / limit) · 65535.
    case setZoom(UInt16)
    case queryPan
    case queryTilt
    case queryZoom
    /// Magnification × 100.
    case setMagnification(UInt16)
    case queryMagnification
    /// A frame matching no named command.
    case other(command1: UInt8, command2: UInt8, data1: UInt8, data2: UInt8)

    /// Extended opcodes (cmd2 with b0 set), docs/reference.md §2.3.
    package enum Opcode: Sendable {
        package static let setPreset: UInt8 = 0x03, clearPreset: UInt8 = 0x05, goToPreset: UInt8 = 0x07
        package static let setAuxiliary: UInt8 = 0x09, clearAuxiliary: UInt8 = 0x0B, remoteReset: UInt8 = 0x0F
        package static let zoneStart: UInt8 = 0x11, zoneEnd: UInt8 = 0x13
        package static let writeCharacter: UInt8 = 0x15, clearScreen: UInt8 = 0x17, alarmAcknowledge: UInt8 = 0x19
        package static let zoneScanOn: UInt8 = 0x1B, zoneScanOff: UInt8 = 0x1D
        package static let patternStart: UInt8 = 0x1F, patternStop: UInt8 = 0x21, patternRun: UInt8 = 0x23
        package static let zoomSpeed: UInt8 = 0x25, focusSpeed: UInt8 = 0x27, resetCamera: UInt8 = 0x29
        package static let autoFocus: UInt8 = 0x2B, autoIris: UInt8 = 0x2D, agc: UInt8 = 0x2F
        package static let backlight: UInt8 = 0x31, whiteBalance: UInt8 = 0x33
        package static let query: UInt8 = 0x45, setZero: UInt8 = 0x49
        package static let setPan: UInt8 = 0x4B, setTilt: UInt8 = 0x4D, setZoom: UInt8 = 0x4F
        package static let queryPan: UInt8 = 0x51, queryTilt: UInt8 = 0x53, queryZoom: UInt8 = 0x55
        package static let setMagnification: UInt8 = 0x5F, queryMagnification: UInt8 = 0x61
        /// Reply opcodes of the position queries.
        package static let panReply: UInt8 = 0x59, tiltReply: UInt8 = 0x5B, zoomReply: UInt8 = 0x5D
        package static let magnificationReply: UInt8 = 0x63
        /// Data2 of go-to-preset that mean flip and zero pan.
        package static let flipPreset: UInt8 = 0x21, zeroPanPreset: UInt8 = 0x22
    }

    /// The frame that carries this command to `address`.
    package func frame(to address: UInt8) -> PelcoDFrame {
        let (c1, c2, d1, d2) = fields
        return PelcoDFrame(address: address, command1: c1, command2: c2, data1: d1, data2: d2)
    }

    /// The wire bytes of this command to `address`.
    package func bytes(to address: UInt8) -> [UInt8] { frame(to: address).bytes }

    /// The command a frame carries.
    package init(frame f: PelcoDFrame) {
        self = Self.decode(f.command1, f.command2, f.data1, f.data2)
    }

    /// cmd1, cmd2, data1, data2.
    package var fields: (UInt8, UInt8, UInt8, UInt8) {
        typealias O = Opcode
        func ext(_ op: UInt8, _ d2: UInt8 = 0, d1: UInt8 = 0) -> (UInt8, UInt8, UInt8, UInt8) { (0, op, d1, d2) }
        func word(_ op: UInt8, _ v: UInt16) -> (UInt8, UInt8, UInt8, UInt8) { (0, op, UInt8(v >> 8), UInt8(v & 0xFF)) }
        switch self {
        case .standard(let m):
            let (c1, c2) = m.bits(in: .pelcoD)
            return (c1, c2, m.panSpeed, m.tiltSpeed)
        case .setPreset(let id): return ext(O.setPreset, id)
        case .clearPreset(let id): return ext(O.clearPreset, id)
        case .goToPreset(let id): return ext(O.goToPreset, id)
        case .flip: return ext(O.goToPreset, O.flipPreset)
        case .goToZeroPan: return ext(O.goToPreset, O.zeroPanPreset)
        case .setAuxiliary(let n): return ext(O.setAuxiliary, n)
        case .clearAuxiliary(let n): return ext(O.clearAuxiliary, n)
        case .remoteReset: return ext(O.remoteReset)
        case .zoneStart(let n): return ext(O.zoneStart, n)
        case .zoneEnd(let n): return ext(O.zoneEnd, n)
        case .writeCharacter(let column, let character): return ext(O.writeCharacter, character, d1: column)
        case .clearScreen: return ext(O.clearScreen)
        case .alarmAcknowledge(let n): return ext(O.alarmAcknowledge, n)
        case .zoneScanOn: return ext(O.zoneScanOn)
        case .zoneScanOff: return ext(O.zoneScanOff)
        case .patternStart(let n): return ext(O.patternStart, n)
        case .patternStop(let n): return ext(O.patternStop, n)
        case .patternRun(let n): return ext(O.patternRun, n)
        case .zoomSpeed(let s): return ext(O.zoomSpeed, s)
        case .focusSpeed(let s): return ext(O.focusSpeed, s)
        case .resetCamera: return ext(O.resetCamera)
        case .autoFocus(let m): return ext(O.autoFocus, m)
        case .autoIris(let m): return ext(O.autoIris, m)
        case .automaticGainControl(let m): return ext(O.agc, m)
        case .backlightCompensation(let m): return ext(O.backlight, m)
        case .autoWhiteBalance(let m): return ext(O.whiteBalance, m)
        case .query: return ext(O.query)
        case .setZeroPosition: return ext(O.setZero)
        case .setPan(let v): return word(O.setPan, v)
        case .setTilt(let v): return word(O.setTilt, v)
        case .setZoom(let v): return word(O.setZoom, v)
        case .queryPan: return ext(O.queryPan)
        case .queryTilt: return ext(O.queryTilt)
        case .queryZoom: return ext(O.queryZoom)
        case .setMagnification(let v): return word(O.setMagnification, v)
        case .queryMagnification: return ext(O.queryMagnification)
        case .other(let c1, let c2, let d1, let d2): return (c1, c2, d1, d2)
        }
    }

    private static func decode(_ c1: UInt8, _ c2: UInt8, _ d1: UInt8, _ d2: UInt8) -> PelcoDCommand {
        let other = PelcoDCommand.other(command1: c1, command2: c2, data1: d1, data2: d2)
        if c2 & 0x01 == 0 {
            // Standard command: b6–5 of cmd1 must be clear.
            guard c1 & 0x60 == 0 else { return other }
            return .standard(PelcoMotion(.pelcoD, bits: c1, c2, panSpeed: d1, tiltSpeed: d2))
        }
        guard c1 == 0 else { return other }
        typealias O = Opcode
        let value = UInt16(d1) << 8 | UInt16(d2)
        // Commands whose data1 is part of the value or a column.
        switch c2 {
        case O.setPan: return .setPan(value)
        case O.setTilt: return .setTilt(value)
        case O.setZoom: return .setZoom(value)
        case O.setMagnification: return .setMagnification(value)
        case O.writeCharacter: return .writeCharacter(column: d1, character: d2)
        default: break
        }
        guard d1 == 0 else { return other }
        // Commands with a parameter in data2.
        switch c2 {
        case O.setPreset: return .setPreset(d2)
        case O.clearPreset: return .clearPreset(d2)
        case O.goToPreset:
            if d2 == O.flipPreset { return .flip }
            if d2 == O.zeroPanPreset { return .goToZeroPan }
            return .goToPreset(d2)
        case O.setAuxiliary: return .setAuxiliary(d2)
        case O.clearAuxiliary: return .clearAuxiliary(d2)
        case O.zoneStart: return .zoneStart(d2)
        case O.zoneEnd: return .zoneEnd(d2)
        case O.alarmAcknowledge: return .alarmAcknowledge(d2)
        case O.patternStart: return .patternStart(d2)
        case O.patternStop: return .patternStop(d2)
        case O.patternRun: return .patternRun(d2)
        case O.zoomSpeed: return .zoomSpeed(d2)
        case O.focusSpeed: return .focusSpeed(d2)
        case O.autoFocus: return .autoFocus(d2)
        case O.autoIris: return .autoIris(d2)
        case O.agc: return .automaticGainControl(d2)
        case O.backlight: return .backlightCompensation(d2)
        case O.whiteBalance: return .autoWhiteBalance(d2)
        default: break
        }
        guard d2 == 0 else { return other }
        // Commands without a parameter.
        switch c2 {
        case O.remoteReset: return .remoteReset
        case O.clearScreen: return .clearScreen
        case O.zoneScanOn: return .zoneScanOn
        case O.zoneScanOff: return .zoneScanOff
        case O.resetCamera: return .resetCamera
        case O.query: return .query
        case O.setZero: return .setZeroPosition
        case O.queryPan: return .queryPan
        case O.queryTilt: return .queryTilt
        case O.queryZoom: return .queryZoom
        case O.queryMagnification: return .queryMagnification
        default: return other
        }
    }

    /// True for commands that change what the head points at or what the camera does.
    /// Queries are the only commands a passive probe may send.
    package var isQuery: Bool {
        switch self {
        case .query, .queryPan, .queryTilt, .queryZoom, .queryMagnification: return true
        default: return false
        }
    }

    /// The reply a decoder sends to this command.
    package var expectedReply: PelcoDReplyKind {
        switch self {
        case .query: return .partNumber
        case .queryPan: return .extended(opcode: Opcode.panReply)
        case .queryTilt: return .extended(opcode: Opcode.tiltReply)
        case .queryZoom: return .extended(opcode: Opcode.zoomReply)
        case .queryMagnification: return .extended(opcode: Opcode.magnificationReply)
        default: return .general
        }
    }
}
