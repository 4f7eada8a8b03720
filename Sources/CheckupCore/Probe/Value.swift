public import Foundation

/// A value read from a device, protocol-neutral so one evaluator judges them all.
public indirect enum Value: Sendable, Hashable, Codable {
    case integer(Int64)
    /// An unsigned count above `Int64.max` (an SNMP Counter64 near wrap-around), kept exact.
    case unsigned(UInt64)
    case number(Double)
    case text(String)
    case bool(Bool)
    case bytes([UInt8])
    /// An object identifier, dotted numeric.
    case oid(String)
    case date(Date)
    /// Rows of a table (SNMP table, a block of zones): each row has an index and named cells.
    case table([TableRow])
    /// The device says the point does not exist (noSuchObject, illegal data address…).
    case absent(String)
    /// The device answered something unusable for this point (bad checksum, wrong type…).
    case error(String)

    /// The value as a number where one makes sense: integers, numbers, booleans, and the
    /// leading number of a text with units ("27 PERCENT" → 27, "116.5 GB" → 116.5).
    public var numeric: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .unsigned(let u): return Double(u)
        case .number(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .text(let s): return Value.leadingNumber(in: s)
        default: return nil
        }
    }

    /// Text form used for equality, regex and display.
    public var text: String {
        switch self {
        case .integer(let i): return String(i)
        case .unsigned(let u): return String(u)
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .bytes(let b): return Exchange.hex(b)
        case .oid(let o): return o
        case .date(let d): return TextDate.iso8601(d)
        case .table(let rows): return "\(rows.count) rows"
        case .absent(let why): return "absent (\(why))"
        case .error(let why): return "error (\(why))"
        }
    }

    public var isAbsent: Bool { if case .absent = self { return true } else { return false } }
    public var isTable: Bool { if case .table = self { return true } else { return false } }

    /// The first number in a text, ignoring leading spaces: "27 PERCENT" → 27, "-3.5dB" → -3.5.
    public static func leadingNumber(in text: String) -> Double? {
        // Byte by byte: every character it accepts is ASCII, and it runs on every reading.
        let bytes = text.utf8.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        var length = 0
        var seenDigit = false, seenDot = false
        for c in bytes {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { seenDigit = true }
            else if c == UInt8(ascii: ".") && !seenDot { seenDot = true }
            else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && length == 0 {}
            else { break }
            length += 1
        }
        guard seenDigit else { return nil }
        return Double(String(decoding: bytes.prefix(length), as: UTF8.self))
    }
}

/// One row of a table value: its index ("1", "zone 5", "1.2") and its cells by column name.
public struct TableRow: Sendable, Hashable, Codable {
    public var index: String
    public var cells: [String: Value]
    public init(index: String, cells: [String: Value]) {
        self.index = index
        self.cells = cells
    }
}

extension Value: CustomStringConvertible {
    public var description: String { text }
}
