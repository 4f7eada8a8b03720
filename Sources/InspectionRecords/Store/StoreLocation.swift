import Foundation

/// Where a record store is: a SQLite file (the embedded default) or a PostgreSQL database
/// given as `postgres://USER@HOST[:PORT]/DB`.
package enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// A path, or a `postgres://` / `postgresql://` URL. A URL with a password is refused
    /// without repeating it: it would stay in shell history, process lists and logs.
    package init(parsing text: String) throws(RecordError) {
        let lower = text.lowercased()
        guard lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") else {
            self = .sqlite(path: text)
            return
        }
        self = .postgres(try PostgresAddress(url: text))
    }

    /// The path or the URL, as messages show it (never with a password).
    package var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}

/// A PostgreSQL database: who connects, where, to which database. The password is not part of
/// it: libpq takes it from `PGPASSWORD` or `~/.pgpass`, or a caller passes one to `RecordStore`.
package struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    package var user: String
    package var host: String
    package var port: Int
    package var database: String

    package init(user: String, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
    }

    init(url text: String) throws(RecordError) {
        let scheme = text.prefix { $0 != ":" }
        let shape = "expected \(scheme)://USER@HOST[:PORT]/DB"
        guard let url = URLComponents(string: text) else {
            throw RecordError("--store: not a PostgreSQL URL (\(shape))")
        }
        if url.password != nil {
            throw RecordError("--store \(scheme)://…: a password in the store URL is refused (it would stay in shell "
                              + "history and process lists); set PGPASSWORD, put it in ~/.pgpass, or give it in the credentials file "
                              + "under the store's name")
        }
        guard let user = url.user, !user.isEmpty else { throw RecordError("--store \(text): no user (\(shape))") }
        guard let host = url.host, !host.isEmpty else { throw RecordError("--store \(text): no host (\(shape))") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw RecordError("--store \(text): no database name (\(shape))")
        }
        guard url.query == nil, url.fragment == nil else {
            throw RecordError("--store \(text): options after ? are not supported (\(shape))")
        }
        let port = url.port ?? 5432
        guard (1...65535).contains(port) else { throw RecordError("--store \(text): port \(port) out of range") }
        self.init(user: user.removingPercentEncoding ?? user, host: host, port: port,
                  database: database.removingPercentEncoding ?? database)
    }

    /// `postgres://user@host:port/db`: for messages and `records list`.
    package var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
