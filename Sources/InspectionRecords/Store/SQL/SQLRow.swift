import CheckupCore

/// One row of a query, with typed reads by column name: a missing column or a value of the
/// wrong type is an error naming the column, never a default.
struct SQLRow: Sendable {
    let columns: [String]
    let values: [SQLValue]

    func value(_ column: String) throws(SQLRowError) -> SQLValue {
        guard let i = columns.firstIndex(of: column) else { throw SQLRowError(column: column, problem: "no such column") }
        return values[i]
    }

    subscript<T: SQLColumnValue>(_ column: String) -> T {
        get throws(SQLRowError) {
            let v = try value(column)
            guard let typed = T.from(v) else {
                throw SQLRowError(column: column, problem: "\(v) is not a \(T.self)")
            }
            return typed
        }
    }
}

struct SQLRowError: UserFacingError, CustomStringConvertible {
    var column: String
    var problem: String
    var description: String { "column \(column): \(problem)" }
}
