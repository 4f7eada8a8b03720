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

/// A store opened on a thread of its own while the command reads its inventory: making and
/// migrating a new SQLite file waits on the disk (8 ms of a 400-camera run's start), an office
/// store on the network. `store()` gives it, or its error, where the command checks it anyway;
/// `abandon()` undoes a new file (and the folders made for it) when the run stops before that.
final class StoreInBackground: @unchecked Sendable {
    // @unchecked: `result` is written once on the opening thread, read after `done` is waited for.
    private let done = DispatchGroup()
    private var result: Result<RecordStore, any Error>?
    /// What opening a SQLite path may create, deepest first: the file, then missing folders.
    private let created: [String]

    init(_ text: String, credentials: String?) {
        var created: [String] = []
        if case .sqlite(let path)? = try? StoreLocation(parsing: text) {
            var url = URL(fileURLWithPath: path)
            while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
                created.append(url.path)
                url.deleteLastPathComponent()
            }
        }
        self.created = created
        Parallel.detached(done) { [self] in
            result = Result { try StoreOpening.open(text, create: true, credentials: credentials) }
        }
    }

    func store() throws -> RecordStore {
        done.wait()
        return try result!.get()
    }

    /// Closes the store and removes what opening it made, for a run that will not start.
    func abandon() {
        done.wait()
        guard case .success(let store)? = result else { return }
        try? store.close()
        guard let file = created.first else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        for folder in created.dropFirst() { _ = rmdir(folder) }  // only if empty
    }
}
