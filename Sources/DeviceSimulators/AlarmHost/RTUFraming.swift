/// Where a Modbus RTU request ends, from its function code: RTU has no length field, so a
/// server must know each function's layout (or wait for 3.5 characters of silence).
enum RTUFraming {
    /// Total length of a request frame including its CRC, or nil when more bytes are needed to tell.
    /// Returns 0 for a function we cannot size (the caller waits for silence).
    static func requestLength(_ buffer: [UInt8]) -> Int? {
        guard buffer.count >= 2 else { return nil }
        switch buffer[1] {
        case 0x01...0x06: return 8
        case 0x07, 0x11: return 4
        case 0x0F, 0x10:
            guard buffer.count >= 7 else { return nil }
            return 9 + Int(buffer[6])
        case 0x16: return 10
        case 0x17:
            guard buffer.count >= 11 else { return nil }
            return 13 + Int(buffer[10])
        case 0x2B: return 7
        default: return 0
        }
    }
}
