/// The two SQL dialects the store speaks. Statements are written once with `?` parameters;
/// only DDL differs (see `StoreMigrations`).
enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// A SQL database the record store is written over: SQLite (GRDB) on a laptop, PostgreSQL
/// (libpq) in the office. Calls block the calling thread: the store is used from the CLI's
/// main thread and, during a run, from the store writer queue (see `MonthlyInspection`).
protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one transaction: all of it is committed, or none of it.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Takes a lock the server holds for this connection until released or the connection ends;
    /// true when taken, false when another session holds it, nil when the backend has none (SQLite).
    func trySessionLock(_ key: Int64) throws -> Bool?
    func releaseSessionLock(_ key: Int64) throws
    /// Ends the use of the database before the process exits without freeing (`RecordStore.close`).
    func close() throws
    /// Starts, in the background, what `close` would do once the last big write is committed.
    func prepareToClose()
}

/// A connection inside `read` or `write`; valid only for the duration of the closure.
protocol SQLConnection {
    var dialect: SQLDialect { get }
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws
    func query(_ sql: String, _ arguments: [any SQLBindable]) throws -> [SQLRow]
    /// Runs an INSERT of one row into `table` whose last parameter is `document`, a record's
    /// document, for `column`: SQLite writes its chunks in place (no 50 MB string, nor SQLite's
    /// copy of it), PostgreSQL receives it as one text.
    func insert(_ sql: String, _ arguments: [any SQLBindable], document: StoredDocument, into table: String, column: String) throws
}

extension SQLConnection {
    func execute(_ sql: String) throws { try execute(sql, []) }

    func queryOne(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> SQLRow? {
        try query(sql, arguments).first
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    func scalar<T: SQLColumnValue>(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> T? {
        guard let row = try query(sql, arguments).first, let column = row.columns.first else { return nil }
        let value: T? = try row[column]
        return value
    }

    /// The first column of every row.
    func column<T: SQLColumnValue>(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [T] {
        try query(sql, arguments).map { row in try row[row.columns[0]] }
    }

    /// Inserts one row and returns its `id` (`RETURNING`, which SQLite ≥ 3.35 and PostgreSQL share).
    func insert(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int64 {
        guard let row = try query(sql + " RETURNING id", arguments).first else {
            throw SQLRowError(column: "id", problem: "the insert returned no row")
        }
        return try row["id"]
    }
}
