package import CheckupCore

/// Turns raw registers or bits into a `Value`. Pure, so it is tested with tables of words.
///
/// Only the raw type is decoded here; `scale`, `offset` and enum maps are the core evaluator's.
package enum RawDecoder: Sendable {
    /// Decodes registers as `type`. `registers` must hold `type.width(length:)` words.
    package static func decode(registers: [UInt16], as type: ModbusDataType, order: WordOrder = .abcd, bit: Int? = nil) -> Value {
        switch type {
        case .bit:
            guard let first = registers.first else { return .error("no data") }
            return .bool(first != 0)
        case .uint16:
            guard let first = registers.first else { return .error("no data") }
            return .integer(Int64(first))
        case .int16:
            guard let first = registers.first else { return .error("no data") }
            return .integer(Int64(Int16(bitPattern: first)))
        case .uint32, .int32, .float32:
            guard registers.count >= 2 else { return .error("\(type.rawValue) needs two registers, got \(registers.count)") }
            let raw = order.combine(registers[0], registers[1])
            switch type {
            case .uint32: return .integer(Int64(raw))
            case .int32: return .integer(Int64(Int32(bitPattern: raw)))
            default:
                let f = Float(bitPattern: raw)
                return f.isFinite ? .number(Double(f)) : .error("float32 is not a finite number (0x\(String(raw, radix: 16, uppercase: true)))")
            }
        case .bitInRegister:
            guard let first = registers.first else { return .error("no data") }
            guard let bit, (0...15).contains(bit) else { return .error("bit-in-register needs a bit 0…15") }
            return .bool(first & (1 << UInt16(bit)) != 0)
        case .string:
            var bytes: [UInt8] = []
            for word in registers {
                bytes.append(UInt8(word >> 8))
                bytes.append(UInt8(word & 0xFF))
            }
            while let last = bytes.last, last == 0 || last == 0x20 { bytes.removeLast() }
            while let first = bytes.first, first == 0 || first == 0x20 { bytes.removeFirst() }
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}
