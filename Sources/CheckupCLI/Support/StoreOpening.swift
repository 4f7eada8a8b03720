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

/// A store opened on a thread of its own while the command reads its inventory: an office store
/// waits on the network, a laptop's on the disk. `store()` gives it, or its error, where the
/// command checks it anyway; `abandon()` closes it when the run stops before that. A SQLite file
/// that does not exist yet is made there, in order, not meanwhile: a run whose inventory is
/// refused must leave no new store behind, and removing one again could remove the store another
/// run had just made at the same path.
final class StoreInBackground: @unchecked Sendable {
    // @unchecked: `result` is written once on the opening thread, read after `done` is waited for.
    private let done = DispatchGroup()
    private var result: Result<RecordStore, any Error>?
    private let text: String, credentials: String?

    init(_ text: String, credentials: String?) {
        (self.text, self.credentials) = (text, credentials)
        if case .sqlite(let path)? = try? StoreLocation(parsing: text), !FileManager.default.fileExists(atPath: path) { return }
        Parallel.detached(done) { [self] in
            result = Result { try StoreOpening.open(text, create: true, credentials: credentials) }
        }
    }

    func store() throws -> RecordStore {
        done.wait()
        return try result?.get() ?? StoreOpening.open(text, create: true, credentials: credentials)
    }

    /// Closes the store opened meanwhile, for a run that will not start.
    func abandon() {
        done.wait()
        if case .success(let store)? = result { try? store.close() }
    }
}
