import CheckupCore
import CPostgres
import Foundation

/// The office store: one PostgreSQL connection through libpq, used by one caller at a time.
/// Statements are the store's portable SQL; `?` becomes `$1, $2, …` here. Values travel as
/// text (bytes as binary), and come back typed by the column's type.
final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    // @unchecked: `connection` is only touched while `lock` is held.
    private let lock = NSLock()
    private let connection: OpaquePointer
    let address: PostgresAddress
    var dialect: SQLDialect { .postgres }

    /// Connects; the password is the caller's or libpq's own (PGPASSWORD,
    /// ~/.pgpass). libpq's messages name the host and port, never the password.
    init(address: PostgresAddress, password: String?) throws(RecordError) {
        self.address = address
        try Self.loadLibPQ(for: address)
        var settings: [(String, String)] = [
            ("host", address.host), ("port", String(address.port)), ("user", address.user),
            ("dbname", address.database), ("connect_timeout", "10"), ("application_name", "checkup"),
        ]
        if let password { settings.append(("password", password)) }
        let keys = settings.map { strdup($0.0) }
        let values = settings.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let keyPointers = keys.map { UnsafePointer<CChar>($0) } + [nil]
        let valuePointers = values.map { UnsafePointer<CChar>($0) } + [nil]
        guard let conn = checkup_PQconnectdbParams(keyPointers, valuePointers, 0) else {
            throw RecordError("record store \(address): cannot connect (out of memory)")
        }
        guard checkup_PQstatus(conn) == CONNECTION_OK else {
            let message = Self.message(conn)
            checkup_PQfinish(conn)
            throw RecordError("record store \(address): cannot connect: \(message)")
        }
        connection = conn
        do {
            // Quiet the NOTICEs of `IF NOT EXISTS` and time zones out of our text times.
            _ = try run("SET client_min_messages = warning", [])
        } catch {
            checkup_PQfinish(conn)
            throw RecordError("record store \(address): \(error)")
        }
    }

    deinit { checkup_PQfinish(connection) }

    /// libpq is loaded with the first office store (`CPostgres`), so a missing one is named here.
    private static func loadLibPQ(for address: PostgresAddress) throws(RecordError) {
        var error = [CChar](repeating: 0, count: 512)
        guard checkup_pq_load(&error, error.count) != 0 else { return }
        let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw RecordError("record store \(address): PostgreSQL's client library is missing (\(reason)); "
                          + "install it with `apt install libpq5`")
    }

    /// Nothing to do: every write is committed, and the server ends the session (and any
    /// advisory lock) when the process's connection closes.
    func close() throws {}

    func prepareToClose() {}

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    func trySessionLock(_ key: Int64) throws -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        let rows = try run("SELECT pg_try_advisory_lock(CAST(? AS BIGINT)) AS taken", [key])
        return try rows.first?["taken"] ?? false
    }

    func releaseSessionLock(_ key: Int64) throws {
        lock.lock()
        defer { lock.unlock() }
        // false (and no error) when this session does not hold it.
        _ = try run("SELECT pg_advisory_unlock(CAST(? AS BIGINT))", [key])
    }

    private func transaction<T>(_ begin: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        _ = try run(begin, [])
        do {
            let value = try body(PostgresConnection(database: self))
            _ = try run("COMMIT", [])
            return value
        } catch {
            _ = try? run("ROLLBACK", [])
            throw error
        }
    }

    /// One statement; the caller holds `lock`.
    fileprivate func run(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        let values = arguments.map(\.sqlValue)
        var buffers: [Data?] = []
        var formats: [Int32] = []
        var types: [UInt32] = []
        for v in values {
            switch v {
            case .null: buffers.append(nil); formats.append(0); types.append(0)
            case .integer(let i): buffers.append(Data(String(i).utf8 + [0])); formats.append(0); types.append(0)
            case .real(let d): buffers.append(Data("\(d)".utf8 + [0])); formats.append(0); types.append(0)
            case .text(let s): buffers.append(Data(s.utf8 + [0])); formats.append(0); types.append(0)
            case .blob(let b): buffers.append(b); formats.append(1); types.append(Self.byteaOID)
            }
        }
        let lengths = buffers.map { Int32($0?.count ?? 0) }
        let result: OpaquePointer? = Self.withPointers(buffers) { pointers in
            checkup_PQexecParams(connection, Self.numbered(sql), Int32(values.count), types, pointers, lengths, formats, 0)
        }
        guard let result else { throw PostgresError(Self.message(connection)) }
        defer { checkup_PQclear(result) }
        switch checkup_PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return Self.rows(result)
        default:
            if checkup_PQstatus(connection) != CONNECTION_OK {
                throw PostgresError("the connection to \(address) was lost: \(Self.resultMessage(result, connection))")
            }
            throw PostgresError(Self.resultMessage(result, connection))
        }
    }

    private static let byteaOID: UInt32 = 17

    private static func rows(_ result: OpaquePointer) -> [SQLRow] {
        let columnCount = checkup_PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: checkup_PQfname(result, $0)) }
        let types = (0..<columnCount).map { checkup_PQftype(result, $0) }
        return (0..<checkup_PQntuples(result)).map { r in
            SQLRow(columns: columns, values: (0..<columnCount).map { c in
                guard checkup_PQgetisnull(result, r, c) == 0 else { return .null }
                let text = String(cString: checkup_PQgetvalue(result, r, c))
                return value(text, type: types[Int(c)])
            })
        }
    }

    /// Text-format values by column type: integers, floats, booleans (as 0/1), bytea, else text.
    private static func value(_ text: String, type: UInt32) -> SQLValue {
        switch type {
        case 20, 21, 23: return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 700, 701, 1700: return Double(text).map(SQLValue.real) ?? .text(text)
        case 16: return .integer(text == "t" ? 1 : 0)
        case byteaOID:
            var length = 0
            guard let bytes = checkup_PQunescapeBytea(text, &length) else { return .null }
            defer { checkup_PQfreemem(bytes) }
            return .blob(Data(bytes: bytes, count: length))
        default: return .text(text)
        }
    }

    /// `?` → `$n`, outside quoted literals (the store's SQL has no `?` inside one, but be exact).
    static func numbered(_ sql: String) -> String {
        var out = ""
        var n = 0
        var quoted = false
        for ch in sql {
            if ch == "'" { quoted.toggle() }
            if ch == "?" && !quoted {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    private static func withPointers<R>(_ buffers: [Data?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var copies: [UnsafeMutableRawPointer?] = []
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = buffers.map { data in
            guard let data else { return nil }
            let p = malloc(max(data.count, 1))!
            data.copyBytes(to: p.assumingMemoryBound(to: UInt8.self), count: data.count)
            copies.append(p)
            return UnsafePointer(p.assumingMemoryBound(to: CChar.self))
        }
        return body(pointers)
    }

    private static func message(_ conn: OpaquePointer) -> String {
        String(cString: checkup_PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func resultMessage(_ result: OpaquePointer, _ conn: OpaquePointer) -> String {
        let text = String(cString: checkup_PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? message(conn) : text.replacingOccurrences(of: "ERROR:  ", with: "")
    }
}

/// The connection inside one `read` or `write` of `PostgresDatabase` (which holds its lock).
private struct PostgresConnection: SQLConnection {
    let database: PostgresDatabase
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws { _ = try database.run(sql, arguments) }
    func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] { try database.run(sql, arguments) }
    func insert(_ sql: String, _ arguments: [any SQLBindable], document: StoredDocument, into table: String, column: String) throws {
        _ = try database.run(sql, arguments + [document.text])
    }
}

/// A statement the server refused, or a lost connection, in libpq's words.
struct PostgresError: UserFacingError, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
