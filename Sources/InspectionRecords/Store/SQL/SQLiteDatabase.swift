import Foundation
import GRDB
import GRDBSQLite
import CheckupCore

/// The embedded store: one SQLite file through GRDB, in WAL mode so a report can read while a
/// run writes.
final class SQLiteDatabase: SQLDatabase {
    let pool: DatabasePool
    /// The background checkpoint `prepareToClose` started, if any.
    private let checkpointing = DispatchGroup()
    var dialect: SQLDialect { .sqlite }
    /// How long a statement waits for another process's lock on the file.
    static let busySeconds = 10

    init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(TimeInterval(Self.busySeconds))
        config.label = "checkup-store"
        // WAL with synchronous NORMAL: a commit survives a crash or SIGKILL of checkup without an
        // fsync per device (a power cut may lose the last commits, never the file). A 512 KB page
        // cache per connection, not 2 MB: a run writes each page once (peak heap at 1,000 devices
        // 1.6 MB less, no slower at 10,000).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -512") }
        pool = try DatabasePool(path: path, configuration: config)
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteConnection(db: db)) }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteConnection(db: db)) }
    }

    /// A file has no server to hold a lock for a process: `run_locks` and a pid check do it.
    func trySessionLock(_ key: Int64) throws -> Bool? { nil }
    func releaseSessionLock(_ key: Int64) throws {}

    /// Closing the last connection checkpoints the WAL into the file and removes it: the store
    /// is then one complete file to copy.
    func close() throws {
        checkpointing.wait()
        try pool.close()
    }

    /// Copies the WAL into the file and empties it on a thread of its own while the caller
    /// writes its pages: at 400 devices closing did this for 8 ms after the record was written.
    /// (Not `asyncWrite`: the writer's dispatch queue got no thread while the pages took both
    /// cores.) A write that follows waits its turn; the close only finds the little it added.
    /// It never waits for another process reading the store (a report, a sync): then it copies
    /// what it can, and the close does the rest as it always did.
    func prepareToClose() {
        Parallel.detached(checkpointing) { [pool] in
            _ = try? pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.busySeconds * 1000)") }
                try db.checkpoint(.truncate)
            }
        }
    }

    /// Copies the live store with SQLite's online backup: a consistent file while runs write.
    func backup(to path: String) throws {
        let copy = try DatabaseQueue(path: path)
        try pool.backup(to: copy)
    }
}

private struct SQLiteConnection: SQLConnection {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    // One statement is prepared once per connection and reused (GRDB's statement cache): a run
    // inserts a row per check. Several statements in one text (migrations) are run as given.
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws {
        if sql.utf8.contains(UInt8(ascii: ";")) {  // bytes: Foundation's `contains` searched 3 KB inserts as text
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
        } else {
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        }
    }

    func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow] {
        try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map { row in
            SQLRow(columns: Array(row.columnNames), values: row.databaseValues.map(Self.value))
        }
    }

    /// The document's column gets a zero-filled BLOB of its length (`sqlite3_bind_zeroblob64`,
    /// which allocates nothing) and the chunks are written into it (`sqlite3_blob_write`): the
    /// stored value is the document's UTF-8 bytes, read back as text (`String.from`).
    func insert(_ sql: String, _ arguments: [any SQLBindable], document: StoredDocument, into table: String, column: String) throws {
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(Self.arguments(arguments + [SQLValue.null]))
        let length = document.count
        guard sqlite3_bind_zeroblob64(statement.sqliteStatement, Int32(arguments.count + 1), sqlite3_uint64(length)) == SQLITE_OK else {
            throw DatabaseError(resultCode: .SQLITE_TOOBIG, message: "a record document of \(length) bytes")
        }
        try statement.execute()
        var blob: OpaquePointer?
        let rowID = db.lastInsertedRowID
        guard sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowID, 1, &blob) == SQLITE_OK, let blob else {
            throw DatabaseError(message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        defer { sqlite3_blob_close(blob) }
        var offset: Int32 = 0
        for part in document.parts where !part.isEmpty {
            let code = part.withUnsafeBytes { sqlite3_blob_write(blob, $0.baseAddress, Int32($0.count), offset) }
            guard code == SQLITE_OK else { throw DatabaseError(message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            offset += Int32(part.count)
        }
    }

    private static func arguments(_ values: [any SQLBindable]) -> StatementArguments {
        StatementArguments(values.map { v -> DatabaseValue in
            switch v.sqlValue {
            case .null: .null
            case .integer(let i): i.databaseValue
            case .real(let d): d.databaseValue
            case .text(let s): s.databaseValue
            case .blob(let b): b.databaseValue
            }
        })
    }

    private static func value(_ v: DatabaseValue) -> SQLValue {
        switch v.storage {
        case .null: .null
        case .int64(let i): .integer(i)
        case .double(let d): .real(d)
        case .string(let s): .text(s)
        case .blob(let b): .blob(b)
        }
    }
}
