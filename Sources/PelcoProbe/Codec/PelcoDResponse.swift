import CheckupCore

/// Which reply a Pelco-D command draws (docs/reference.md §2.4).
package enum PelcoDReplyKind: Sendable, Hashable {
    /// 4 bytes `FF addr alarms ck`, ck = (sent checksum + alarms) mod 256.
    case general
    /// 7 bytes `FF addr 00 opcode d1 d2 ck`, ck = sum of bytes 2–6.
    case extended(opcode: UInt8)
    /// 18 bytes `FF addr <15-byte part number> ck`, ck = sent checksum + addr + part bytes.
    case partNumber

    /// Length of the reply on the wire.
    package var length: Int {
        switch self {
        case .general: return 4
        case .extended: return 7
        case .partNumber: return 18
        }
    }
}

/// A decoded Pelco-D reply.
package enum PelcoDResponse: Sendable, Hashable {
    /// Alarm bits 0–6 = alarms 1–7.
    case general(address: UInt8, alarms: UInt8)
    /// The value of a position query: d1·256 + d2.
    case extended(address: UInt8, opcode: UInt8, value: UInt16)
    /// The 15-byte part number, as sent (trailing spaces and NULs trimmed).
    case partNumber(address: UInt8, text: String)

    package var address: UInt8 {
        switch self {
        case .general(let a, _), .extended(let a, _, _), .partNumber(let a, _): return a
        }
    }

    /// The wire bytes of this reply to a request whose checksum was `requestChecksum`.
    package func bytes(requestChecksum: UInt8) -> [UInt8] {
        switch self {
        case .general(let address, let alarms):
            return [PelcoDFrame.start, address, alarms, requestChecksum &+ alarms]
        case .extended(let address, let opcode, let value):
            let body: [UInt8] = [address, 0, opcode, UInt8(value >> 8), UInt8(value & 0xFF)]
            return [PelcoDFrame.start] + body + [PelcoDFrame.checksum(body)]
        case .partNumber(let address, let text):
            var part = Array(text.utf8.prefix(15))
            part += Array(repeating: 0x20, count: 15 - part.count)
            let ck = PelcoDFrame.checksum([requestChecksum, address] + part)
            return [PelcoDFrame.start, address] + part + [ck]
        }
    }

    /// Parses a complete reply of `kind`; the error says what is wrong with it.
    package static func parse(_ bytes: [UInt8], kind: PelcoDReplyKind, requestChecksum: UInt8) -> Result<PelcoDResponse, PelcoDReplyError> {
        guard bytes.count == kind.length, bytes.first == PelcoDFrame.start else {
            return .failure(.malformed(bytes))
        }
        let address = bytes[1]
        switch kind {
        case .general:
            let expected = requestChecksum &+ bytes[2]
            guard bytes[3] == expected else { return .failure(.checksum(bytes, expected: expected)) }
            return .success(.general(address: address, alarms: bytes[2]))
        case .extended(let opcode):
            let expected = PelcoDFrame.checksum(bytes[1...5])
            guard bytes[6] == expected else { return .failure(.checksum(bytes, expected: expected)) }
            guard bytes[2] == 0, bytes[3] == opcode else { return .failure(.unexpectedOpcode(bytes, expected: opcode)) }
            return .success(.extended(address: address, opcode: opcode, value: UInt16(bytes[4]) << 8 | UInt16(bytes[5])))
        case .partNumber:
            let expected = PelcoDFrame.checksum([requestChecksum] + bytes[1...16])
            guard bytes[17] == expected else { return .failure(.checksum(bytes, expected: expected)) }
            let part = bytes[2...16].filter { $0 >= 0x20 && $0 < 0x7F }
            let text = String(decoding: part, as: UTF8.self).trimmingSpaces()
            return .success(.partNumber(address: address, text: text))
        }
    }
}

/// What is wrong with a reply; the text names the bytes so the record shows the evidence.
package enum PelcoDReplyError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    case checksum([UInt8], expected: UInt8)
    case unexpectedOpcode([UInt8], expected: UInt8)
    case malformed([UInt8])

    package var description: String {
        switch self {
        case .checksum(let b, let expected):
            let got = b.last.map { String(format2: $0) } ?? "--"
            return "checksum mismatch in reply \(Exchange.hex(b)): got \(got), expected \(String(format2: expected))"
        case .unexpectedOpcode(let b, let expected):
            return "unexpected reply \(Exchange.hex(b)): expected opcode \(String(format2: expected))"
        case .malformed(let b):
            return "malformed reply \(Exchange.hex(b))"
        }
    }
}

extension String {
    /// Two hex digits, `0x5A`.
    init(format2 byte: UInt8) { self = "0x" + Exchange.hex([byte]) }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
