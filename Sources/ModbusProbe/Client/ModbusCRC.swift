/// The CRC-16 of Modbus RTU frames (polynomial 0xA001 reflected, initial 0xFFFF), sent low byte first.
package enum ModbusCRC: Sendable {
    package static func compute(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1
            }
        }
        return crc
    }

    /// `bytes` followed by their CRC, low byte first: a complete RTU frame.
    package static func framed(_ bytes: [UInt8]) -> [UInt8] {
        let crc = compute(bytes)
        return bytes + [UInt8(crc & 0xFF), UInt8(crc >> 8)]
    }

    /// True when the last two bytes are the CRC of the others.
    package static func isValid(_ frame: [UInt8]) -> Bool {
        guard frame.count >= 4 else { return false }
        let body = frame.dropLast(2)
        let crc = compute(body)
        return frame[frame.count - 2] == UInt8(crc & 0xFF) && frame[frame.count - 1] == UInt8(crc >> 8)
    }
}
