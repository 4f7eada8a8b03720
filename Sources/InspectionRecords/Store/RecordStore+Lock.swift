import CheckupCore
package import Foundation

/// One run at a time per site-month: a second run would turn the first one's `port busy` into
/// false "device offline" faults in the current version. The holder is a row in `run_locks`
/// (host, pid, since), so a refusal can name it. On SQLite a holder is dead when its pid is gone
/// on this host; on PostgreSQL the row is backed by a session advisory lock on a hash of
/// site+month, which the server releases when the holder's connection ends (a crash, a laptop
/// closed mid-run, another host): liveness is the server's to know, not a pid check across hosts.
extension RecordStore {
    package struct LockHolder: Sendable, Hashable {
        package var host: String
        package var pid: Int32
        package var since: Date
    }

    /// Takes the site-month's lock for this process. A lock of a dead process is taken over
    /// (returned, for a note); a live one, or one from another host, is an error naming it.
    @discardableResult
    package func lockMonth(site: String, month: String, now: Date = Date(),
                          host: String = ProcessInfo.processInfo.hostName,
                          pid: Int32 = getpid()) throws(RecordError) -> LockHolder? {
        let key = Self.lockKey(site: site, month: month)
        let sessionLock: Bool?
        do { sessionLock = try database.trySessionLock(key) } catch { throw RecordError("record store \(path): \(error)") }
        if sessionLock == false {
            let holder = try read { db in try Self.holder(site: site, month: month, in: db) }
            throw Self.busy(site: site, month: month, holder: holder, sameHostHint: false)
        }
        do {
            return try write { db in
                if let holder = try Self.holder(site: site, month: month, in: db) {
                    if sessionLock == nil {
                        let alive = holder.host == host && (kill(holder.pid, 0) == 0 || errno == EPERM)
                        if holder.host != host || alive {
                            throw Self.busy(site: site, month: month, holder: holder, sameHostHint: holder.host != host)
                        }
                    }
                    try db.execute("UPDATE run_locks SET host = ?, pid = ?, since = ? WHERE site_id = ? AND month = ?",
                                   [host, pid, now, site, month])
                    return holder
                }
                try db.execute("INSERT INTO run_locks (site_id, month, host, pid, since) VALUES (?, ?, ?, ?, ?)",
                               [site, month, host, pid, now])
                return nil
            }
        } catch {
            if sessionLock == true { try? database.releaseSessionLock(key) }
            throw error
        }
    }

    /// Releases the lock if this process holds it.
    package func unlockMonth(site: String, month: String, host: String = ProcessInfo.processInfo.hostName,
                            pid: Int32 = getpid()) throws(RecordError) {
        try write { db in
            try db.execute("DELETE FROM run_locks WHERE site_id = ? AND month = ? AND host = ? AND pid = ?",
                           [site, month, host, pid])
        }
        do { try database.releaseSessionLock(Self.lockKey(site: site, month: month)) } catch {
            throw RecordError("record store \(path): \(error)")
        }
    }

    /// Removes the lock row whoever holds it (`records unlock`); returns who held it. On
    /// PostgreSQL a holder whose connection is still open keeps its advisory lock: it is alive.
    package func removeMonthLock(site: String, month: String) throws(RecordError) -> LockHolder? {
        try write { db in
            let holder = try Self.holder(site: site, month: month, in: db)
            try db.execute("DELETE FROM run_locks WHERE site_id = ? AND month = ?", [site, month])
            return holder
        }
    }

    private static func holder(site: String, month: String, in db: any SQLConnection) throws -> LockHolder? {
        try db.queryOne("SELECT host, pid, since FROM run_locks WHERE site_id = ? AND month = ?", [site, month]).map { row in
            LockHolder(host: try row["host"], pid: try row["pid"], since: try row["since"])
        }
    }

    private static func busy(site: String, month: String, holder: LockHolder?, sameHostHint: Bool) -> RecordError {
        let who = holder.map { "host \($0.host), pid \($0.pid), since \(TextDate.iso8601($0.since))" }
            ?? "a run that is starting"
        return RecordError("\(site) \(month) is being inspected by another run (\(who)); wait for it to finish"
                           + (sameHostHint ? ", or, if it is gone, `checkup records unlock --site \(site) --month \(month)`" : ""))
    }

    /// The advisory lock's key: the first 8 bytes of SHA-256 of `site month`, stable across processes.
    static func lockKey(site: String, month: String) -> Int64 {
        SHA256.digest(Data("checkup-run-lock \(site) \(month)".utf8)).prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }
}
