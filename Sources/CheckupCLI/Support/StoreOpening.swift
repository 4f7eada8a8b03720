import CheckupCore
import Foundation
import InspectionRecords

/// Opens a record store for a command. An office (PostgreSQL) store's password may come from
/// the credentials file, under an entry named by the store (`postgres://user@host:port/db`) or
/// by `user@host`; else libpq reads PGPASSWORD or ~/.pgpass itself. Never from the URL.
enum StoreOpening {
    static func open(_ text: String, create: Bool, credentials path: String? = nil) throws -> RecordStore {
        let location = try StoreLocation(parsing: text)
        let password = try self.password(for: location, credentials: path)
        return try RecordStore(location: location, create: create, password: password)
    }

    /// The credentials file's password for an office store; nil for a SQLite file or no entry.
    static func password(for location: StoreLocation, credentials path: String?) throws -> String? {
        guard case .postgres(let address) = location else { return nil }
        let file = try Workspace.loadCredentials(path)
        let names = [address.description, "\(address.user)@\(address.host):\(address.port)", "\(address.user)@\(address.host)"]
        return names.lazy.compactMap { file.entries[$0]?.password?.reveal() }.first
    }
}
