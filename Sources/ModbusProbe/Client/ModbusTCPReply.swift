import CheckupCore

/// Judges one Modbus TCP reply frame (MBAP header included) against the read it answers.
///
/// Pure, so the fuzz corpus and libFuzzer drive it with no socket. `ModbusClient` frames the
/// bytes off the wire (`RawReplyReader`) and hands each frame here.
package enum ModbusTCPReply: Sendable, Equatable {
    /// The data bytes (bits packed, or registers big-endian).
    case data([UInt8])
    /// A reply to another transaction: a late answer to an earlier request, to be skipped.
    case otherTransaction(UInt16)
    /// An exception reply with a known code.
    case exception(ModbusException)
    /// A reply from another unit than the one asked.
    case wrongUnit(String)
    /// Anything that is not a usable reply, in words with the bytes.
    case malformed(String)

    /// `frame` as the reply to a read of `count` items with `function` from `unit`, transaction `tid`.
    package static func judge(_ frame: [UInt8], transaction tid: UInt16, unit: UInt8, function: UInt8,
                             count: Int, bits: Bool) -> ModbusTCPReply {
        guard frame.count >= 8 else { return .malformed("a frame of \(frame.count) bytes, shorter than a header and a function [\(Exchange.hex(frame))]") }
        let length = Int(frame[4]) << 8 | Int(frame[5])
        guard length == frame.count - 6 else {
            return .malformed("the header announces \(length) bytes after it, \(frame.count - 6) came [\(Exchange.hex(frame.prefix(32)))]")
        }
        let replyTID = UInt16(frame[0]) << 8 | UInt16(frame[1])
        if replyTID != tid { return .otherTransaction(replyTID) }
        guard frame[2] == 0, frame[3] == 0 else { return .malformed("protocol id \(frame[2]) \(frame[3]) is not Modbus (0)") }
        // Unit 0 and 255 mean "the device itself" on TCP; some devices answer those with their own id.
        guard frame[6] == unit || unit == 0 || unit == 0xFF else {
            return .wrongUnit("reply from unit \(frame[6]), expected unit \(unit)")
        }
        let body = Array(frame.dropFirst(7))
        let code = body[0]
        if code == function | 0x80 {
            let raw = body.count > 1 ? body[1] : 0
            guard let exception = ModbusException(rawValue: raw) else { return .malformed("unknown exception code \(hex(raw))") }
            guard body.count == 2 else { return .malformed("exception reply of \(body.count) bytes, not 2 [\(Exchange.hex(body.prefix(16)))]") }
            return .exception(exception)
        }
        guard code == function else {
            return .malformed("reply to function \(hex(code)) [\(Exchange.hex(body.prefix(16)))]")
        }
        let expected = bits ? (count + 7) / 8 : count * 2
        guard body.count == expected + 2, Int(body[1]) == expected else {
            return .malformed("\(body.count > 1 ? Int(body[1]) : 0) data bytes, expected \(expected) [\(Exchange.hex(frame.prefix(32)))]")
        }
        return .data(Array(body.dropFirst(2)))
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
    }
}
