import Foundation
import GRDB

/// One run at a time per site-month: a second run would turn the first one's `port busy` into
/// false "device offline" faults in the current version. The lock is a row in the store (an
/// advisory lock does this job on the office's PostgreSQL store), naming who holds it.
extension RecordStore {
    public struct LockHolder: Sendable, Hashable {
        public var host: String
        public var pid: Int32
        public var since: Date
    }

    /// Takes the site-month's lock for this process. A lock of a dead process on this host is
    /// taken over (returned, for a note); a live one, or one from another host, is an error naming it.
    @discardableResult
    public func lockMonth(site: String, month: String, now: Date = Date(),
                          host: String = ProcessInfo.processInfo.hostName,
                          pid: Int32 = getpid()) throws(RecordError) -> LockHolder? {
        try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT host, pid, since FROM run_locks WHERE site_id = ? AND month = ?",
                                          arguments: [site, month]) {
                let holder = LockHolder(host: row["host"], pid: row["pid"], since: row["since"])
                let alive = holder.host == host && (kill(holder.pid, 0) == 0 || errno == EPERM)
                if holder.host != host || alive {
                    throw RecordError("\(site) \(month) is being inspected by another run (host \(holder.host), pid \(holder.pid), "
                                      + "since \(ISO8601DateFormatter().string(from: holder.since))); wait for it to finish"
                                      + (holder.host != host ? ", or, if it is gone, `checkup records unlock --site \(site) --month \(month)`" : ""))
                }
                try db.execute(sql: "UPDATE run_locks SET host = ?, pid = ?, since = ? WHERE site_id = ? AND month = ?",
                               arguments: [host, pid, now, site, month])
                return holder
            }
            try db.execute(sql: "INSERT INTO run_locks (site_id, month, host, pid, since) VALUES (?, ?, ?, ?, ?)",
                           arguments: [site, month, host, pid, now])
            return nil
        }
    }

    /// Releases the lock if this process holds it.
    public func unlockMonth(site: String, month: String, host: String = ProcessInfo.processInfo.hostName,
                            pid: Int32 = getpid()) throws(RecordError) {
        try write { db in
            try db.execute(sql: "DELETE FROM run_locks WHERE site_id = ? AND month = ? AND host = ? AND pid = ?",
                           arguments: [site, month, host, pid])
        }
    }

    /// Removes the lock whoever holds it (`records unlock`); returns who held it.
    public func removeMonthLock(site: String, month: String) throws(RecordError) -> LockHolder? {
        try write { db in
            let holder = try Row.fetchOne(db, sql: "SELECT host, pid, since FROM run_locks WHERE site_id = ? AND month = ?",
                                          arguments: [site, month]).map { LockHolder(host: $0["host"], pid: $0["pid"], since: $0["since"]) }
            try db.execute(sql: "DELETE FROM run_locks WHERE site_id = ? AND month = ?", arguments: [site, month])
            return holder
        }
    }
}
