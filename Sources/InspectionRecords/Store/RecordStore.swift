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

    /// Opens and migrates the store. With `create` (the default: a run stores its first record),
    /// a missing file and its folder are created; without it, a missing file is an error naming
    /// the path, so a read-only command never leaves an empty store behind a typo.
    public init(path: String, create: Bool = true) throws(RecordError) {
        self.path = path
        if !create {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RecordError("record store \(path): no such file (records are stored by `checkup run`; "
                                  + "give --store PATH or set CHECKUP_STORE)")
            }
            guard !isDirectory.boolValue else { throw RecordError("record store \(path): is a folder, not a store file") }
        }
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.label = "checkup-store"
            // WAL with synchronous NORMAL: a commit survives a crash or SIGKILL of checkup without an
            // fsync per device (a power cut may lose the last commits, never the file).
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
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

    /// Stores a finished run (each device as one inspection) and a record made from it as a new
    /// version, as-is: for imports and tests. `checkup run` commits device by device instead
    /// (`beginRun`, `commit`, `finishRun`, `storeNewVersion`).
    /// `secrets`: values to scrub from the stored results beyond the communities of the site's endpoints.
    @discardableResult
    public func save(run: RunReport, record: MonthlyRecord, secrets: [String] = [],
                     savedAt: Date = Date()) throws(RecordError) -> Int {
        let site = run.site ?? Site(id: record.header.siteId, client: record.header.client, name: record.header.site)
        let day = record.header.inspectionDates.last ?? Period.day(of: run.startedAt)
        let runId = try beginRun(RunPlan(site: site, month: record.header.period, inspectedOn: day,
                                         technicians: record.header.technicians, devices: run.devices.map(\.device),
                                         startedAt: run.startedAt))
        let results = Dictionary(grouping: run.results, by: \.device)
        for outcome in run.devices {
            try commit(DeviceInspection(outcome: outcome, results: results[outcome.device] ?? [], inspectedAt: run.finishedAt),
                       run: runId, scrubber: Scrubber(site: run.site, extra: secrets))
        }
        try finishRun(runId, finishedAt: run.finishedAt, incomplete: run.incomplete, exitStatus: run.exitStatus, notInspected: [])
        return try write { db in try Self.insertVersion(record, runId: runId, editedBy: record.editedBy, at: savedAt, in: db) }
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
        var record: MonthlyRecord
        do {
            record = try RecordCoding.decoder().decode(MonthlyRecord.self, from: Data(json.utf8))
        } catch {
            throw RecordError("record store \(path): version of \(site) \(month) unreadable: \(error)")
        }
        if let v = record.version, let s = try signatures(site: site, month: month).first(where: { $0.version == v }) {
            record.signature = ClientSignature(signedBy: s.signedBy, signedOn: s.signedOn, scan: s.scanName)
        }
        return record
    }

    /// The site as last stored by a run (endpoints redacted): lets commands take a site id.
    public func site(id: String) throws(RecordError) -> Site? {
        let json = try read { db in
            try String.fetchOne(db, sql: "SELECT site_json FROM sites WHERE id = ?", arguments: [id])
        }
        guard let json else { return nil }
        return try Self.decodePlain(Site.self, json, what: "site \(id)")
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
        var results: [CheckResult] = []
        for row in rows { results.append(try Self.decodePlain(CheckResult.self, row, what: "a result of run \(run)")) }
        return results
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

    static func upsert(site: Site, at date: Date, in db: Database) throws {
        // Site encodes endpoints redacted, so no community reaches the file.
        let json = String(decoding: (try? JSONEncoder().encode(site)) ?? Data(), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO sites (id, client, name, site_json, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET client = excluded.client, name = excluded.name,
              site_json = excluded.site_json, updated_at = excluded.updated_at
            """, arguments: [site.id, site.client, site.name, json, date])
    }

    static func insertVersion(_ record: MonthlyRecord, runId: Int64?, editedBy: String?, at date: Date,
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
        for key in Set(stamped.rows.map(\.key)) {
            try db.execute(sql: "INSERT OR IGNORE INTO month_row_keys (site_id, month, row_key) VALUES (?, ?, ?)",
                           arguments: [record.header.siteId, record.header.period, key])
        }
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
