/// Pelco-P commands (docs/reference.md §2.5): the motion/lens bits and the preset commands.
///
/// data1: b0 focus far, b1 focus near, b2 iris open, b3 iris close, b4 camera on/off,
/// b5 auto-scan, b6 camera on. data2: b0 extended, b1 right, b2 left, b3 up, b4 down,
/// b5 tele, b6 wide. data3/data4 = pan/tilt speed. Presets: data2 0x03/0x05/0x07, data4 = id.
package enum PelcoPCommand: Sendable, Hashable {
    case standard(PelcoPMotion)
    case setPreset(UInt8)
    case clearPreset(UInt8)
    case goToPreset(UInt8)
    /// A frame matching no named command.
    case other(data1: UInt8, data2: UInt8, data3: UInt8, data4: UInt8)

    package static let setPresetOpcode: UInt8 = 0x03
    package static let clearPresetOpcode: UInt8 = 0x05
    package static let goToPresetOpcode: UInt8 = 0x07

    package func frame(to address: UInt8) -> PelcoPFrame {
        let (d1, d2, d3, d4) = fields
        return PelcoPFrame(address: address, data1: d1, data2: d2, data3: d3, data4: d4)
    }

    package func bytes(to address: UInt8) -> [UInt8] { frame(to: address).bytes }

    package var fields: (UInt8, UInt8, UInt8, UInt8) {
        switch self {
        case .standard(let m): return (m.data1, m.data2, m.panSpeed, m.tiltSpeed)
        case .setPreset(let id): return (0, Self.setPresetOpcode, 0, id)
        case .clearPreset(let id): return (0, Self.clearPresetOpcode, 0, id)
        case .goToPreset(let id): return (0, Self.goToPresetOpcode, 0, id)
        case .other(let d1, let d2, let d3, let d4): return (d1, d2, d3, d4)
        }
    }

    package init(frame f: PelcoPFrame) {
        if f.data2 & 0x01 == 0 {
            if f.data1 & 0x80 == 0, f.data2 & 0x80 == 0 {
                self = .standard(PelcoPMotion(data1: f.data1, data2: f.data2, data3: f.data3, data4: f.data4))
            } else {
                self = .other(data1: f.data1, data2: f.data2, data3: f.data3, data4: f.data4)
            }
            return
        }
        guard f.data1 == 0, f.data3 == 0 else {
            self = .other(data1: f.data1, data2: f.data2, data3: f.data3, data4: f.data4)
            return
        }
        switch f.data2 {
        case Self.setPresetOpcode: self = .setPreset(f.data4)
        case Self.clearPresetOpcode: self = .clearPreset(f.data4)
        case Self.goToPresetOpcode: self = .goToPreset(f.data4)
        default: self = .other(data1: f.data1, data2: f.data2, data3: f.data3, data4: f.data4)
        }
    }

    /// True when the command makes the head or lens move (every Pelco-P command but stop and preset set/clear).
    package var moves: Bool {
        switch self {
        case .standard(let m): return m.moves
        case .goToPreset: return true
        case .setPreset, .clearPreset: return false
        case .other: return true
        }
    }
}

/// The standard Pelco-P command bits and speeds.
package struct PelcoPMotion: Sendable, Hashable {
    package var focusFar = false, focusNear = false, irisOpen = false, irisClose = false
    package var cameraOnOff = false, autoScan = false, cameraOn = false
    package var right = false, left = false, up = false, down = false, zoomTele = false, zoomWide = false
    package var panSpeed: UInt8 = 0, tiltSpeed: UInt8 = 0

    package init(focusFar: Bool = false, focusNear: Bool = false, irisOpen: Bool = false, irisClose: Bool = false,
                cameraOnOff: Bool = false, autoScan: Bool = false, cameraOn: Bool = false,
                right: Bool = false, left: Bool = false, up: Bool = false, down: Bool = false,
                zoomTele: Bool = false, zoomWide: Bool = false, panSpeed: UInt8 = 0, tiltSpeed: UInt8 = 0) {
        self.focusFar = focusFar
        self.focusNear = focusNear
        self.irisOpen = irisOpen
        self.irisClose = irisClose
        self.cameraOnOff = cameraOnOff
        self.autoScan = autoScan
        self.cameraOn = cameraOn
        self.right = right
        self.left = left
        self.up = up
        self.down = down
        self.zoomTele = zoomTele
        self.zoomWide = zoomWide
        self.panSpeed = panSpeed
        self.tiltSpeed = tiltSpeed
    }

    package static let stop = PelcoPMotion()

    package var moves: Bool {
        right || left || up || down || zoomTele || zoomWide || focusFar || focusNear || irisOpen || irisClose || autoScan
    }

    var data1: UInt8 {
        var b: UInt8 = 0
        if focusFar { b |= 0x01 }
        if focusNear { b |= 0x02 }
        if irisOpen { b |= 0x04 }
        if irisClose { b |= 0x08 }
        if cameraOnOff { b |= 0x10 }
        if autoScan { b |= 0x20 }
        if cameraOn { b |= 0x40 }
        return b
    }

    var data2: UInt8 {
        var b: UInt8 = 0
        if right { b |= 0x02 }
        if left { b |= 0x04 }
        if up { b |= 0x08 }
        if down { b |= 0x10 }
        if zoomTele { b |= 0x20 }
        if zoomWide { b |= 0x40 }
        return b
    }

    init(data1 d1: UInt8, data2 d2: UInt8, data3: UInt8, data4: UInt8) {
        self.init(focusFar: d1 & 0x01 != 0, focusNear: d1 & 0x02 != 0, irisOpen: d1 & 0x04 != 0,
                  irisClose: d1 & 0x08 != 0, cameraOnOff: d1 & 0x10 != 0, autoScan: d1 & 0x20 != 0,
                  cameraOn: d1 & 0x40 != 0, right: d2 & 0x02 != 0, left: d2 & 0x04 != 0,
                  up: d2 & 0x08 != 0, down: d2 & 0x10 != 0, zoomTele: d2 & 0x20 != 0,
                  zoomWide: d2 & 0x40 != 0, panSpeed: data3, tiltSpeed: data4)
    }
}
