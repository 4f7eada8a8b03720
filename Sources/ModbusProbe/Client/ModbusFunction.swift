import CheckupCore
import Foundation

/// The Modbus function codes checkup sends. Reads are always allowed; writes only through
/// `ModbusWriter`, which exists only for an active point run with `--allow-active`.
package enum ModbusFunction: UInt8, Sendable, Hashable, Codable, CustomStringConvertible {
    case readCoils = 0x01
    case readDiscreteInputs = 0x02
    case readHoldingRegisters = 0x03
    case readInputRegisters = 0x04
    case writeSingleCoil = 0x05
    case writeSingleRegister = 0x06
    case writeMultipleCoils = 0x0F
    case writeMultipleRegisters = 0x10
    case encapsulatedInterface = 0x2B

    /// `FC02`, the way Modbus people write it.
    package var description: String { (rawValue < 0x10 ? "FC0" : "FC") + String(rawValue, radix: 16, uppercase: true) }

    /// True for the functions that change device state.
    package var isWrite: Bool {
        switch self {
        case .writeSingleCoil, .writeSingleRegister, .writeMultipleCoils, .writeMultipleRegisters: true
        default: false
        }
    }
}

/// The four Modbus data tables, each read by its own function.
package enum ModbusTable: String, Sendable, Hashable, Codable, CaseIterable {
    case coil
    case discreteInput = "discrete-input"
    case holding
    case input

    /// The read function of this table.
    package var readFunction: ModbusFunction {
        switch self {
        case .coil: .readCoils
        case .discreteInput: .readDiscreteInputs
        case .holding: .readHoldingRegisters
        case .input: .readInputRegisters
        }
    }

    /// True for the one-bit tables (coils, discrete inputs).
    package var holdsBits: Bool { self == .coil || self == .discreteInput }

    /// Protocol limit of one read request: 2000 bits or 125 registers.
    package var maxReadCount: Int { holdsBits ? 2000 : 125 }

    /// Accepts the spellings integrators use: `discrete-input(s)`, `di`, `holding-register(s)`, `hr`, `ir`…
    package init?(spelling: String) {
        switch spelling.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "coil", "coils", "co": self = .coil
        case "discrete-input", "discrete-inputs", "input-bit", "input-bits", "di": self = .discreteInput
        case "holding", "holding-register", "holding-registers", "hr": self = .holding
        case "input", "input-register", "input-registers", "ir": self = .input
        default: return nil
        }
    }
}
