import CheckupCore
import Foundation

/// One object value an agent fixture serves, written `TYPE:VALUE` in datasets and on the
/// `checkup simulate snmp-agent --set OID=TYPE:VALUE` command line.
///
/// | type | example | served by |
/// |---|---|---|
/// | `integer` | `integer:2` | `override … integer` |
/// | `gauge` (Unsigned32) | `gauge:4000` | `override … uinteger` |
/// | `counter` | `counter:17` | `override … counter` |
/// | `string` | `string:27 PERCENT` | `override … octet_str` |
/// | `oid` | `oid:1.3.6.1.2.1.25.2.1.4` | `override … object_id` |
/// | `hex` | `hex:00 1A 2B` | `pass_persist` (octet) |
/// | `timeticks` | `timeticks:8640000` | `pass_persist` |
/// | `ipaddress` | `ipaddress:10.0.0.20` | `pass_persist` |
/// | `datetime` | `datetime:now`, `datetime:now-3600` | `pass_persist`: DateAndTime (UTC) of the agent's clock ± seconds, computed at each request |
/// | `timetext` | `timetext:now+600` | `pass_persist`: `yyyy-MM-dd HH:mm:ss` local time ± seconds, at each request |
/// | `absent` | `absent:` | not served at all (noSuchObject) |
package enum SNMPAgentValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case gauge(UInt64)
    case counter(UInt64)
    case string(String)
    case oid(String)
    case hex([UInt8])
    case timeTicks(UInt64)
    case ipAddress(String)
    /// The agent's clock plus this many seconds, as an 11-byte DateAndTime in UTC.
    case dateTime(offsetSeconds: Int)
    /// The agent's clock plus this many seconds, as local `yyyy-MM-dd HH:mm:ss` text.
    case timeText(offsetSeconds: Int)
    case absent

    /// Parses `TYPE:VALUE`; the error says what was expected.
    package init(parsing text: String) throws(SNMPAgentError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw SNMPAgentError("'\(text)' is not TYPE:VALUE (types: \(Self.typeNames))")
        }
        let type = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = String(text[text.index(after: colon)...])
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        func number<T: FixedWidthInteger>(_: T.Type) throws(SNMPAgentError) -> T {
            guard let n = T(trimmed) else { throw SNMPAgentError("'\(text)': \(type) needs a whole number") }
            return n
        }
        switch type {
        case "integer", "int": self = .integer(try number(Int64.self))
        case "gauge", "uinteger", "unsigned": self = .gauge(try number(UInt64.self))
        case "counter": self = .counter(try number(UInt64.self))
        case "string", "str", "octet_str": self = .string(value)
        case "oid", "object_id":
            let arcs = trimmed.hasPrefix(".") ? String(trimmed.dropFirst()) : trimmed
            guard !arcs.isEmpty, arcs.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ UInt($0) != nil }) else {
                throw SNMPAgentError("'\(text)': oid needs a numeric OID")
            }
            self = .oid(arcs)
        case "hex":
            let digits = trimmed.filter { !$0.isWhitespace && $0 != ":" }
            guard digits.count % 2 == 0, digits.allSatisfy(\.isHexDigit) else {
                throw SNMPAgentError("'\(text)': hex needs pairs of hex digits")
            }
            var bytes: [UInt8] = []
            var index = digits.startIndex
            while index < digits.endIndex {
                let next = digits.index(index, offsetBy: 2)
                bytes.append(UInt8(digits[index..<next], radix: 16) ?? 0)
                index = next
            }
            self = .hex(bytes)
        case "timeticks": self = .timeTicks(try number(UInt64.self))
        case "ipaddress", "ip":
            let parts = trimmed.split(separator: ".")
            guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
                throw SNMPAgentError("'\(text)': ipaddress needs a.b.c.d")
            }
            self = .ipAddress(trimmed)
        case "datetime": self = .dateTime(offsetSeconds: try Self.offset(trimmed, text))
        case "timetext": self = .timeText(offsetSeconds: try Self.offset(trimmed, text))
        case "absent": self = .absent
        default:
            throw SNMPAgentError("'\(text)': unknown type '\(type)' (types: \(Self.typeNames))")
        }
    }

    static let typeNames = "integer, gauge, counter, string, oid, hex, timeticks, ipaddress, datetime, timetext, absent"

    /// `now`, `now+600`, `now-86400`.
    private static func offset(_ value: String, _ text: String) throws(SNMPAgentError) -> Int {
        guard value.hasPrefix("now") else { throw SNMPAgentError("'\(text)': expected now, now+SECONDS or now-SECONDS") }
        let rest = value.dropFirst(3)
        if rest.isEmpty { return 0 }
        guard let n = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : String(rest)) else {
            throw SNMPAgentError("'\(text)': expected now, now+SECONDS or now-SECONDS")
        }
        return n
    }

    /// Served by a `pass` script rather than `override` (snmpd's override has no such type,
    /// or the value depends on the clock).
    var needsPass: Bool {
        switch self {
        case .hex, .timeTicks, .ipAddress, .dateTime, .timeText: return true
        default: return false
        }
    }

    package var description: String {
        switch self {
        case .integer(let v): return "integer:\(v)"
        case .gauge(let v): return "gauge:\(v)"
        case .counter(let v): return "counter:\(v)"
        case .string(let s): return "string:\(s)"
        case .oid(let o): return "oid:\(o)"
        case .hex(let b): return "hex:" + b.map { String(format: "%02X", $0) }.joined(separator: " ")
        case .timeTicks(let v): return "timeticks:\(v)"
        case .ipAddress(let a): return "ipaddress:\(a)"
        case .dateTime(let o): return "datetime:now\(o == 0 ? "" : o > 0 ? "+\(o)" : "\(o)")"
        case .timeText(let o): return "timetext:now\(o == 0 ? "" : o > 0 ? "+\(o)" : "\(o)")"
        case .absent: return "absent:"
        }
    }
}

/// What went wrong setting up or running an agent fixture.
package struct SNMPAgentError: UserFacingError, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
