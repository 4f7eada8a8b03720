import Foundation

/// A value as both backends store it. Dates are text (`YYYY-MM-DD HH:MM:SS.SSS`, UTC: the
/// format GRDB always wrote), so they sort and compare the same in SQLite and PostgreSQL;
/// booleans are integers 0/1, so `WHERE finished = 1` means the same in both.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A Swift value that can be bound to a positional parameter (`?`).
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

/// A Swift value that can be read from a column; `what` names the column in errors.
protocol SQLColumnValue {
    static func from(_ value: SQLValue) -> Self?
}

extension String: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .text(self) }
    /// Text, or UTF-8 text kept as bytes (a record's document in SQLite, written in place).
    static func from(_ value: SQLValue) -> String? {
        switch value {
        case .text(let s): s
        case .blob(let bytes): String(data: bytes, encoding: .utf8)
        default: nil
        }
    }
}

extension Int64: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .integer(self) }
    static func from(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let i): i
        case .real(let d) where d.rounded() == d: Int64(exactly: d)
        default: nil
        }
    }
}

extension Int: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static func from(_ value: SQLValue) -> Int? { Int64.from(value).flatMap { Int(exactly: $0) } }
}

extension Int32: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static func from(_ value: SQLValue) -> Int32? { Int64.from(value).flatMap { Int32(exactly: $0) } }
}

extension Double: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .real(self) }
    static func from(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
}

extension Bool: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    static func from(_ value: SQLValue) -> Bool? { Int64.from(value).map { $0 != 0 } }
}

extension Data: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .blob(self) }
    static func from(_ value: SQLValue) -> Data? {
        if case .blob(let d) = value { return d }
        return nil
    }
}

extension Date: SQLBindable, SQLColumnValue {
    var sqlValue: SQLValue { .text(StoreTime.text(self)) }
    static func from(_ value: SQLValue) -> Date? {
        if case .text(let s) = value { return StoreTime.date(s) }
        return nil
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLColumnValue where Wrapped: SQLColumnValue {
    static func from(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.from(value).map { .some($0) }
    }
}

extension SQLValue: SQLBindable {
    var sqlValue: SQLValue { self }
}
