/// A value as it came off the wire, before any profile hint turns it into a `CheckupCore.Value`.
package enum SNMPValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case gauge(UInt64)
    case counter32(UInt64)
    case counter64(UInt64)
    case timeTicks(UInt64)
    case octets([UInt8])
    case objectID(SNMPObjectID)
    case ipAddress([UInt8])
    case opaque([UInt8])
    case null
    /// The agent has no such object (v2c/v3 exception, or a v1 noSuchName error).
    case noSuchObject
    /// The object exists but not this instance.
    case noSuchInstance
    /// A walk ran past the agent's last object.
    case endOfMibView
    /// The reply carried no usable value for this object: a value outside what its SNMP type
    /// can carry, or no varbind for a requested OID. Judged as an error, never as a number.
    case unusable(String)

    /// True for the three "not there" exceptions.
    package var isException: Bool {
        switch self {
        case .noSuchObject, .noSuchInstance, .endOfMibView: return true
        default: return false
        }
    }

    /// Trace form, in the style of `snmpget` output: `INTEGER 5`, `STRING "x"`, `Timeticks 1234`.
    package var description: String {
        switch self {
        case .integer(let v): return "INTEGER \(v)"
        case .gauge(let v): return "Gauge32 \(v)"
        case .counter32(let v): return "Counter32 \(v)"
        case .counter64(let v): return "Counter64 \(v)"
        case .timeTicks(let v): return "Timeticks \(v)"
        case .octets(let b):
            if let s = SNMPValue.printableText(b) { return "STRING \"\(s)\"" }
            return "Hex-STRING " + b.map { hexByte($0) }.joined(separator: " ")
        case .objectID(let o): return "OID \(o)"
        case .ipAddress(let b): return "IpAddress " + b.map(String.init).joined(separator: ".")
        case .opaque(let b): return "Opaque " + b.map { hexByte($0) }.joined(separator: " ")
        case .null: return "NULL"
        case .noSuchObject: return "noSuchObject"
        case .noSuchInstance: return "noSuchInstance"
        case .endOfMibView: return "endOfMibView"
        case .unusable(let why): return "unusable (\(why))"
        }
    }

    /// The bytes as text when they are valid UTF-8 made of printable characters (tabs and
    /// line breaks allowed; trailing NULs, which some firmware pads with, dropped); else nil.
    package static func printableText(_ bytes: [UInt8]) -> String? {
        var trimmed = bytes[...]
        while trimmed.last == 0 { trimmed = trimmed.dropLast() }
        guard let text = String(validating: trimmed, as: UTF8.self) else { return nil }
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            // The control characters (Unicode's Cc, a fixed set): C0, DEL and C1. Compared by
            // value: asking each scalar its general category was a tenth of decoding a reply.
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return nil }
        }
        return text
    }
}

func hexByte(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
}

/// One variable binding of a response: which object, and its value.
package struct SNMPVarBind: Sendable, Hashable, CustomStringConvertible {
    package var oid: SNMPObjectID
    package var value: SNMPValue
    package init(_ oid: SNMPObjectID, _ value: SNMPValue) {
        self.oid = oid
        self.value = value
    }
    package var description: String { "\(oid) = \(value)" }
}
