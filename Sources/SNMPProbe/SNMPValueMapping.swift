package import CheckupCore
package import Foundation

/// Turns wire values into the protocol-neutral `Value` the evaluator judges.
///
/// INTEGER, Gauge32, Counter32/64 and TimeTicks → `.integer` (TimeTicks stay in 1/100 s; a
/// profile scales them). OCTET STRING → `.text` when printable UTF-8, else `.bytes`, unless
/// the point says `as: text|hex|date`. OBJECT IDENTIFIER → `.oid`. IpAddress → dotted `.text`.
/// noSuchObject / noSuchInstance / endOfMibView → `.absent`, naming the OID.
package enum SNMPValueMapping: Sendable {
    package static func value(_ wire: SNMPValue, oid: SNMPObjectID, hint: SNMPValueHint?,
                             timeZone: TimeZone = .current) -> Value {
        switch wire {
        case .noSuchObject: return .absent("noSuchObject at \(oid)")
        case .noSuchInstance: return .absent("noSuchInstance at \(oid)")
        case .endOfMibView: return .absent("endOfMibView at \(oid)")
        case .null: return .absent("NULL value at \(oid)")
        case .unusable(let why): return .error("\(oid): \(why)")
        case .integer(let v):
            return hint == .date ? .error("\(oid): expected a date, got INTEGER \(v)") : .integer(v)
        case .gauge(let v), .counter32(let v), .counter64(let v), .timeTicks(let v):
            if hint == .date { return .error("\(oid): expected a date, got \(wire)") }
            // Counter64 above 2^63 − 1 stays exact and unsigned rather than clamped.
            return v <= UInt64(Int64.max) ? .integer(Int64(v)) : .unsigned(v)
        case .objectID(let o): return .oid(o.description)
        case .ipAddress(let b): return .text(b.map(String.init).joined(separator: "."))
        case .opaque(let b): return .bytes(b)
        case .octets(let bytes):
            switch hint {
            case .hex: return .bytes(bytes)
            case .text: return .text(String(decoding: bytes.reversed().drop(while: { $0 == 0 }).reversed(), as: UTF8.self))
            case .date:
                if let date = dateAndTime(bytes, timeZone: timeZone) { return .date(date) }
                if let text = SNMPValue.printableText(bytes), let date = textDate(text, timeZone: timeZone) { return .date(date) }
                return .error("\(oid): expected a DateAndTime or a date text, got \(wire)")
            case nil:
                if let text = SNMPValue.printableText(bytes) { return .text(text) }
                return .bytes(bytes)
            }
        }
    }

    /// SNMPv2-TC DateAndTime: 8 bytes (local time of the device, taken as `timeZone`) or 11
    /// bytes (with direction, hours and minutes from UTC). Nil for anything else or an
    /// impossible date.
    package static func dateAndTime(_ b: [UInt8], timeZone: TimeZone = .current) -> Date? {
        guard b.count == 8 || b.count == 11 else { return nil }
        var parts = DateComponents()
        parts.year = Int(b[0]) << 8 | Int(b[1])
        parts.month = Int(b[2])
        parts.day = Int(b[3])
        parts.hour = Int(b[4])
        parts.minute = Int(b[5])
        parts.second = Int(b[6])
        parts.nanosecond = Int(b[7]) * 100_000_000
        guard (1...12).contains(parts.month!), (1...31).contains(parts.day!), parts.hour! < 24,
              parts.minute! < 60, parts.second! <= 60, b[7] < 10 else { return nil }
        if b.count == 11 {
            guard b[8] == UInt8(ascii: "+") || b[8] == UInt8(ascii: "-"), b[9] <= 13, b[10] < 60 else { return nil }
            let offset = (Int(b[9]) * 3600 + Int(b[10]) * 60) * (b[8] == UInt8(ascii: "-") ? -1 : 1)
            parts.timeZone = TimeZone(secondsFromGMT: offset)
        } else {
            parts.timeZone = timeZone
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = parts.timeZone ?? timeZone
        return calendar.date(from: parts)
    }

    /// A date written as text, as some firmware does (HIK-DEVICE-MIB sysTime): ISO 8601 with
    /// or without a zone, `yyyy-MM-dd HH:mm:ss`, `yyyy/MM/dd HH:mm:ss`. Without a zone the
    /// text is read in `timeZone`.
    package static func textDate(_ text: String, timeZone: TimeZone = .current) -> Date? {
        TextDate.parse(text, timeZone: timeZone)
    }
}
