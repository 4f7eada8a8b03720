/// How the raw bits or registers of a point become a value.
package enum ModbusDataType: String, Sendable, Hashable, Codable, CaseIterable {
    /// One coil or discrete input → `.bool`.
    case bit
    /// One register → `.integer`.
    case uint16, int16
    /// Two registers in `order` → `.integer`.
    case uint32, int32
    /// Two registers in `order`, IEEE 754 → `.number`.
    case float32
    /// Bit `bit` of one register → `.bool` (set with the address key `bit:`).
    case bitInRegister = "bit-in-register"
    /// `length` registers, two ASCII characters each, high byte first → `.text`.
    case string

    /// Registers (or bits, for `.bit`) one item of this type occupies.
    package func width(length: Int?) -> Int {
        switch self {
        case .bit, .uint16, .int16, .bitInRegister: 1
        case .uint32, .int32, .float32: 2
        case .string: max(length ?? 1, 1)
        }
    }

    /// True when the type lives in a coil or discrete input rather than a register.
    package var isBit: Bool { self == .bit }
}

/// Order of the two registers and their bytes of a 32-bit value; A is the most significant byte.
///
/// `ABCD` big-endian (the Modbus default), `CDAB` word-swapped (common on PLCs and gateways),
/// `BADC` byte-swapped, `DCBA` little-endian.
package enum WordOrder: String, Sendable, Hashable, Codable, CaseIterable {
    case abcd = "ABCD", cdab = "CDAB", badc = "BADC", dcba = "DCBA"

    /// The 32-bit value of two registers as they came off the wire.
    package func combine(_ first: UInt16, _ second: UInt16) -> UInt32 {
        func swapBytes(_ w: UInt16) -> UInt16 { (w << 8) | (w >> 8) }
        switch self {
        case .abcd: return UInt32(first) << 16 | UInt32(second)
        case .cdab: return UInt32(second) << 16 | UInt32(first)
        case .badc: return UInt32(swapBytes(first)) << 16 | UInt32(swapBytes(second))
        case .dcba: return UInt32(swapBytes(second)) << 16 | UInt32(swapBytes(first))
        }
    }

    /// The two registers to put on the wire for a 32-bit value (the simulator's side).
    package func split(_ value: UInt32) -> (UInt16, UInt16) {
        func swapBytes(_ w: UInt16) -> UInt16 { (w << 8) | (w >> 8) }
        let high = UInt16(value >> 16), low = UInt16(value & 0xFFFF)
        switch self {
        case .abcd: return (high, low)
        case .cdab: return (low, high)
        case .badc: return (swapBytes(high), swapBytes(low))
        case .dcba: return (swapBytes(low), swapBytes(high))
        }
    }
}
