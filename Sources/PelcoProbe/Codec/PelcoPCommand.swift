/// Pelco-P commands (docs/reference.md §2.5): the motion/lens bits and the preset commands.
///
/// data1/data2 carry the motion bits (`PelcoMotionLayout.pelcoP`, data2 b0 = extended),
/// data3/data4 the pan/tilt speed. Presets: data2 0x03/0x05/0x07, data4 = id.
package enum PelcoPCommand: Sendable, Hashable {
    case standard(PelcoMotion)
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
        case .standard(let m):
            let (d1, d2) = m.bits(in: .pelcoP)
            return (d1, d2, m.panSpeed, m.tiltSpeed)
        case .setPreset(let id): return (0, Self.setPresetOpcode, 0, id)
        case .clearPreset(let id): return (0, Self.clearPresetOpcode, 0, id)
        case .goToPreset(let id): return (0, Self.goToPresetOpcode, 0, id)
        case .other(let d1, let d2, let d3, let d4): return (d1, d2, d3, d4)
        }
    }

    package init(frame f: PelcoPFrame) {
        if f.data2 & 0x01 == 0 {
            if f.data1 & 0x80 == 0, f.data2 & 0x80 == 0 {
                self = .standard(PelcoMotion(.pelcoP, bits: f.data1, f.data2, panSpeed: f.data3, tiltSpeed: f.data4))
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
