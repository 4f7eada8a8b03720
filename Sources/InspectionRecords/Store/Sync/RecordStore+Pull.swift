import Foundation

/// `checkup sync --from`: what the office keeps for every laptop — its sites (clients,
/// contracts, visit cycles, technicians, holiday duty: what `schedule` is made of) and its
/// profiles — brought down before a trip. Nothing the laptop recorded is touched.
extension RecordStore {
    /// Copies `office`'s sites this store lacks or holds an older copy of (one transaction), and
    /// returns the office's profiles for the caller to write into the user's profile directory.
    package func pull(from office: RecordStore) throws(RecordError) -> (report: SyncReport, profiles: [SyncedProfile]) {
        guard office.path != path else { throw RecordError("sync: \(path) is this store itself") }
        let sites = try office.read { db in try db.query("SELECT * FROM sites ORDER BY id", []) }
        let profiles = try office.read { db in
            try db.query("SELECT path, yaml FROM profiles ORDER BY path", []).map { row in
                SyncedProfile(path: try row["path"], yaml: try row["yaml"])
            }
        }
        var report = SyncReport()
        try batch("sites", lock: "sites", &report, { _ in }) { db, report in
            for row in sites { report.count(.sites, try Self.pushSite(row, into: db)) }
        }
        return (report, profiles)
    }
}
