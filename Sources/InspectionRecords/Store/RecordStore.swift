import CheckupCore
import Foundation
import GRDB

/// The record history: every run, every result, every version of every monthly record, and
/// the maintenance log, in one SQLite file (WAL mode, so a report can read while a run writes).
///
/// Versions are never overwritten: saving a month again adds version n+1, and the latest is
/// the current record.
public final class RecordStore: Sendable {
    public let path: String
    let db: DatabasePool

    /// `$CHECKUP_STORE`, else `~/.local/share/checkup/checkup.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["CHECKUP_STORE"], !p.isEmpty { return p }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/checkup/checkup.sqlite"
    }

    /// Opens (creating the file and its folder if needed) and migrates the store.
    public init(path: String) throws(RecordError) {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.label = "checkup-store"
            db = try DatabasePool(path: path, configuration: config)
            try StoreMigrations.migrator.migrate(db)
        } catch {
            throw RecordError("record store \(path): \(error)")
        }
    }

    /// Names of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws(RecordError) -> [String] {
        try read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    /// SQLite's journal mode of the file (`wal`).
    public func journalMode() throws(RecordError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    // MARK: - Runs and records

    /// Stores a run, its results and a new version of its month's record; returns that version.
    /// `secrets`: values to scrub from the stored results beyond the communities of the site's
    /// endpoints (probes never put secrets in evidence; this is the last line of defence).
    @discardableResult
    public func save(run: RunReport, record: MonthlyRecord, secrets: [String] = [],
                     savedAt: Date = Date()) throws(RecordError) -> Int {
        let run = Scrubber(site: run.site, extra: secrets).scrub(run)
        let month = record.header.period
        let siteId = record.header.siteId
        return try write { db in
            if let site = run.site { try Self.upsert(site: site, at: savedAt, in: db) }
            try db.execute(sql: """
                INSERT INTO runs (site_id, month, started_at, finished_at, incomplete, exit_status, devices_json)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [siteId, month, run.startedAt, run.finishedAt, run.incomplete,
                                 Int(run.exitStatus.rawValue), Self.plainJSON(run.devices)])
            let runId = db.lastInsertedRowID
            for r in run.results {
                try db.execute(sql: """
                    INSERT INTO results (run_id, device, check_id, status, observed, expected, duration_ms, result_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runId, r.device, r.check, r.status.rawValue, r.observed, r.expected,
                                     r.durationMs, Self.plainJSON(r)])
            }
            return try Self.insertVersion(record, runId: runId, editedBy: nil, at: savedAt, in: db)
        }
    }

    /// Stores a version a person completed or corrected; it keeps the run of the version it came from.
    @discardableResult
    public func saveEdited(_ record: MonthlyRecord, editedBy: String, savedAt: Date = Date()) throws(RecordError) -> Int {
        var record = record
        record.editedBy = editedBy
        let edited = record
        return try write { db in
            let runId = try Int64.fetchOne(db, sql: """
                SELECT run_id FROM record_versions WHERE site_id = ? AND month = ? ORDER BY version DESC LIMIT 1
                """, arguments: [edited.header.siteId, edited.header.period])
            return try Self.insertVersion(edited, runId: runId, editedBy: editedBy, at: savedAt, in: db)
        }
    }

    /// The versions of one month, oldest first.
    public func versions(site: String, month: String) throws(RecordError) -> [RecordVersionInfo] {
        try read { db in
            try Self.infos(db, where: "site_id = ? AND month = ?", [site, month])
        }
    }

    /// Every version of every month of a site (or of all sites), by site, month, version.
    public func records(site: String? = nil) throws(RecordError) -> [RecordVersionInfo] {
        try read { db in
            if let site { return try Self.infos(db, where: "site_id = ?", [site]) }
            return try Self.infos(db, where: "1", [])
        }
    }

    /// One version of a month's record; the current (latest) one when `version` is nil.
    public func record(site: String, month: String, version: Int? = nil) throws(RecordError) -> MonthlyRecord? {
        let json: String? = try read { db in
            if let version {
                return try String.fetchOne(db, sql: """
                    SELECT record_json FROM record_versions WHERE site_id = ? AND month = ? AND version = ?
                    """, arguments: [site, month, version])
            }
            return try String.fetchOne(db, sql: """
                SELECT record_json FROM record_versions WHERE site_id = ? AND month = ? ORDER BY version DESC LIMIT 1
                """, arguments: [site, month])
        }
        guard let json else { return nil }
        do {
            return try RecordCoding.decoder().decode(MonthlyRecord.self, from: Data(json.utf8))
        } catch {
            throw RecordError("record store \(path): version of \(site) \(month) unreadable: \(error)")
        }
    }

    /// The site as last stored by a run (endpoints redacted): lets commands take a site id.
    public func site(id: String) throws(RecordError) -> Site? {
        let json = try read { db in
            try String.fetchOne(db, sql: "SELECT site_json FROM sites WHERE id = ?", arguments: [id])
        }
        guard let json else { return nil }
        return try? JSONDecoder().decode(Site.self, from: Data(json.utf8))
    }

    /// Ids of the sites the store knows (from runs, records or the log).
    public func siteIds() throws(RecordError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM sites UNION SELECT site_id FROM record_versions UNION SELECT site_id FROM maintenance_log
                ORDER BY 1
                """)
        }
    }

    /// Records or refreshes a site's header (ids, names, zone); done by `save(run:record:)` too.
    public func save(site: Site, at date: Date = Date()) throws(RecordError) {
        try write { db in try Self.upsert(site: site, at: date, in: db) }
    }

    /// The runs of a site, oldest first.
    public func runs(site: String) throws(RecordError) -> [RunInfo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs WHERE site_id = ? ORDER BY id", arguments: [site]).map { row in
                RunInfo(id: row["id"], siteId: row["site_id"], month: row["month"], startedAt: row["started_at"],
                        finishedAt: row["finished_at"], incomplete: row["incomplete"], exitStatus: row["exit_status"])
            }
        }
    }

    /// The stored results of a run, in the order of the run.
    public func results(run: Int64) throws(RecordError) -> [CheckResult] {
        let rows = try read { db in
            try String.fetchAll(db, sql: "SELECT result_json FROM results WHERE run_id = ? ORDER BY id", arguments: [run])
        }
        return rows.compactMap { try? JSONDecoder().decode(CheckResult.self, from: Data($0.utf8)) }
    }

    // MARK: - Internals

    func read<T>(_ body: (Database) throws -> T) throws(RecordError) -> T {
        do { return try db.read(body) } catch { throw RecordError("record store \(path): \(error)") }
    }

    func write<T>(_ body: (Database) throws -> T) throws(RecordError) -> T {
        do { return try db.write(body) } catch { throw RecordError("record store \(path): \(error)") }
    }

    static func json(_ value: some Encodable) -> String {
        String(decoding: RecordCoding.canonicalData(value), as: UTF8.self)
    }

    /// Core types (results, outcomes) in their own Codable form, read back with a plain decoder.
    static func plainJSON(_ value: some Encodable) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static func upsert(site: Site, at date: Date, in db: Database) throws {
        // Site encodes endpoints redacted, so no community reaches the file.
        let json = String(decoding: (try? JSONEncoder().encode(site)) ?? Data(), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO sites (id, client, name, site_json, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET client = excluded.client, name = excluded.name,
              site_json = excluded.site_json, updated_at = excluded.updated_at
            """, arguments: [site.id, site.client, site.name, json, date])
    }

    private static func insertVersion(_ record: MonthlyRecord, runId: Int64?, editedBy: String?, at date: Date,
                                      in db: Database) throws -> Int {
        let last = try Int.fetchOne(db, sql: """
            SELECT MAX(version) FROM record_versions WHERE site_id = ? AND month = ?
            """, arguments: [record.header.siteId, record.header.period]) ?? 0
        var stamped = record
        stamped.version = last + 1
        try db.execute(sql: """
            INSERT INTO record_versions (site_id, month, version, run_id, content_hash, edited_by, saved_at,
              faults_found, to_check, incomplete, record_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.header.siteId, record.header.period, last + 1, runId, stamped.contentHash,
                             editedBy, date, stamped.summary.faultsFound, stamped.summary.toCheck,
                             stamped.incomplete, json(stamped)])
        return last + 1
    }

    private static func infos(_ db: Database, where clause: String, _ args: [String]) throws -> [RecordVersionInfo] {
        try Row.fetchAll(db, sql: """
            SELECT v.*, (v.version = (SELECT MAX(version) FROM record_versions w
                                      WHERE w.site_id = v.site_id AND w.month = v.month)) AS is_current
            FROM record_versions v WHERE \(clause) ORDER BY site_id, month, version
            """, arguments: StatementArguments(args)).map { row in
            RecordVersionInfo(siteId: row["site_id"], month: row["month"], version: row["version"],
                              isCurrent: row["is_current"], contentHash: row["content_hash"],
                              savedAt: row["saved_at"], editedBy: row["edited_by"], runId: row["run_id"],
                              faultsFound: row["faults_found"], toCheck: row["to_check"],
                              incomplete: row["incomplete"])
        }
    }
}
