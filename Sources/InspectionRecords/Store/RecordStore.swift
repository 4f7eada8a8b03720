package import CheckupCore
package import Foundation

/// The record history: every run, every result, every version of every monthly record, and
/// the maintenance log, in one SQLite file (the embedded default) or one PostgreSQL database
/// (the office's), written once over `SQLDatabase`.
///
/// Versions are never overwritten: saving a month again adds version n+1, and the latest is
/// the current record. Calls block: on PostgreSQL each is a round trip to the server.
package final class RecordStore: Sendable {
    /// The store as messages show it: the SQLite path, or the PostgreSQL URL without a password.
    package let path: String
    package let location: StoreLocation
    let database: any SQLDatabase

    /// `$CHECKUP_STORE`, else `~/.local/share/checkup/checkup.sqlite`.
    package static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["CHECKUP_STORE"], !p.isEmpty { return p }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/checkup/checkup.sqlite"
    }

    /// Opens and migrates the store at a path or a `postgres://USER@HOST[:PORT]/DB` URL.
    package convenience init(path: String, create: Bool = true) throws(RecordError) {
        try self.init(location: StoreLocation(parsing: path), create: create)
    }

    /// Opens and migrates the store at a `postgres://` URL (or a path).
    package convenience init(url: String, password: String? = nil) throws(RecordError) {
        try self.init(location: StoreLocation(parsing: url), password: password)
    }

    /// Opens and migrates the store. With `create` (the default: a run stores its first record),
    /// a missing SQLite file and its folder are created; without it, a missing file is an error
    /// naming the path, so a read-only command never leaves an empty store behind a typo. A
    /// PostgreSQL database must exist (the office creates it); its tables are created here.
    /// `password`: for PostgreSQL, given by a caller; else libpq reads PGPASSWORD or ~/.pgpass.
    package init(location: StoreLocation, create: Bool = true, password: String? = nil) throws(RecordError) {
        self.location = location
        self.path = location.description
        do {
            switch location {
            case .sqlite(let path):
                try Self.checkFile(path, create: create)
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                database = try SQLiteDatabase(path: path)
            case .postgres(let address):
                database = try PostgresDatabase(address: address, password: password)
            }
            try StoreMigrations.migrate(database)
        } catch let error as RecordError {
            throw error.message.hasPrefix("record store") ? error : RecordError("record store \(location): \(error)")
        } catch {
            throw RecordError("record store \(location): \(error)")
        }
    }

    private static func checkFile(_ path: String, create: Bool) throws(RecordError) {
        guard !create else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RecordError("record store \(path): no such file (records are stored by `checkup run`; "
                              + "give --store PATH or set CHECKUP_STORE)")
        }
        guard !isDirectory.boolValue else { throw RecordError("record store \(path): is a folder, not a store file") }
    }

    /// Names of the migrations applied to this store, oldest first.
    package func appliedMigrations() throws(RecordError) -> [String] {
        try read { db in try StoreMigrations.applied(db) }
    }

    /// SQLite's journal mode of the file (`wal`); PostgreSQL has none (empty).
    package func journalMode() throws(RecordError) -> String {
        try read { db in db.dialect == .sqlite ? try db.scalar("PRAGMA journal_mode") ?? "" : "" }
    }

    // MARK: - Runs and records

    /// Stores a finished run (each device as one inspection) and a record made from it as a new
    /// version, as-is: for imports and tests. `checkup run` commits device by device instead
    /// (`beginRun`, `commit`, `finishRun`, `storeNewVersion`).
    /// `secrets`: values to scrub from the stored results beyond the communities of the site's endpoints.
    @discardableResult
    package func save(run: RunReport, record: MonthlyRecord, secrets: [String] = [],
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
        var record = record
        return try write { db in try Self.insertVersion(&record, runId: runId, editedBy: record.editedBy, at: savedAt, in: db).version }
    }

    /// Stores a version a person completed or corrected; it keeps the run of the version it came from.
    @discardableResult
    package func saveEdited(_ record: MonthlyRecord, editedBy: String, savedAt: Date = Date()) throws(RecordError) -> Int {
        var record = record
        record.editedBy = editedBy
        return try write { db in
            let runId: Int64? = try db.scalar("""
                SELECT run_id FROM record_versions WHERE site_id = ? AND month = ? ORDER BY version DESC LIMIT 1
                """, [record.header.siteId, record.header.period])
            return try Self.insertVersion(&record, runId: runId, editedBy: editedBy, at: savedAt, in: db).version
        }
    }

    /// The versions of one month, oldest first.
    package func versions(site: String, month: String) throws(RecordError) -> [RecordVersionInfo] {
        try read { db in try Self.infos(db, where: "site_id = ? AND month = ?", [site, month]) }
    }

    /// Every version of every month of a site (or of all sites), by site, month, version.
    package func records(site: String? = nil) throws(RecordError) -> [RecordVersionInfo] {
        try read { db in
            if let site { return try Self.infos(db, where: "site_id = ?", [site]) }
            return try Self.infos(db, where: "1 = 1", [])
        }
    }

    /// One version of a month's record; the current (latest) one when `version` is nil.
    package func record(site: String, month: String, version: Int? = nil) throws(RecordError) -> MonthlyRecord? {
        let json: String? = try read { db in
            if let version {
                return try db.scalar("""
                    SELECT record_json FROM record_versions WHERE site_id = ? AND month = ? AND version = ?
                    """, [site, month, version])
            }
            return try db.scalar("""
                SELECT record_json FROM record_versions WHERE site_id = ? AND month = ? ORDER BY version DESC LIMIT 1
                """, [site, month])
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
    package func site(id: String) throws(RecordError) -> Site? {
        try read { db in try Self.storedSite(id, in: db) }
    }

    /// Ids of the sites the store knows (from runs, records or the log).
    package func siteIds() throws(RecordError) -> [String] {
        try read { db in
            try db.column("""
                SELECT id FROM sites UNION SELECT site_id FROM record_versions UNION SELECT site_id FROM maintenance_log
                ORDER BY 1
                """)
        }
    }

    /// Records or refreshes a site's header (ids, names, zone); done by `save(run:record:)` too.
    package func save(site: Site, at date: Date = Date()) throws(RecordError) {
        try write { db in try Self.upsert(site: site, at: date, in: db) }
    }

    /// The runs of a site, oldest first.
    package func runs(site: String) throws(RecordError) -> [RunInfo] {
        try read { db in
            try db.query("SELECT * FROM runs WHERE site_id = ? ORDER BY id", [site]).map { row in
                RunInfo(id: try row["id"], siteId: try row["site_id"], month: try row["month"],
                        startedAt: try row["started_at"], finishedAt: try row["finished_at"],
                        incomplete: try row["incomplete"], exitStatus: try row["exit_status"])
            }
        }
    }

    /// The stored results of a run, device by device in the order they were committed. They are
    /// the run's inspections' (one fact, stored once); a run stored before inspections existed
    /// (schema v1) kept them in `results`, a row each.
    package func results(run: Int64) throws(RecordError) -> [CheckResult] {
        try read { db in
            let inspections = try db.column("SELECT results_json FROM inspections WHERE run_id = ? ORDER BY id", [run]) as [String]
            if !inspections.isEmpty {
                return try inspections.flatMap { json in
                    try StoreJSON.decode([CheckResult].self, json, what: "the results of a device in run \(run)")
                }
            }
            return try (db.column("SELECT result_json FROM results WHERE run_id = ? ORDER BY id", [run]) as [String]).map { json in
                try StoreJSON.decode(CheckResult.self, json, what: "a result of run \(run)")
            }
        }
    }

    /// Closes the store for a process that exits without freeing what it built (`checkup run`):
    /// a SQLite store is checkpointed into its one file. The store is not used after this.
    package func close() throws(RecordError) {
        do { try database.close() } catch { throw RecordError("record store \(path): cannot close: \(error)") }
    }

    /// Starts closing's slow part (SQLite's checkpoint) in the background, the store still open:
    /// for a run that writes its pages after the last big write.
    package func prepareToClose() { database.prepareToClose() }

    // MARK: - Internals

    /// Every error leaves the store named: `record store PATH: …`.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws(RecordError) -> T {
        do { return try database.read(body) } catch { throw RecordError("record store \(path): \(error)") }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws(RecordError) -> T {
        do { return try database.write(body) } catch { throw RecordError("record store \(path): \(error)") }
    }

    static func upsert(site: Site, at date: Date, in db: any SQLConnection) throws {
        // Site encodes endpoints redacted, so no community reaches the store.
        try db.execute("""
            INSERT INTO sites (id, client, name, site_json, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET client = excluded.client, name = excluded.name,
              site_json = excluded.site_json, updated_at = excluded.updated_at
            """, [site.id, site.client, site.name, StoreJSON.encode(site), date])
    }

    static func storedSite(_ id: String, in db: any SQLConnection) throws -> Site? {
        guard let json: String = try db.scalar("SELECT site_json FROM sites WHERE id = ?", [id]) else { return nil }
        return try StoreJSON.decode(Site.self, json, what: "site \(id)")
    }

    /// The one place a version is made: the record is sealed (its hash computed once) and numbered.
    @discardableResult
    /// `beforeSealing` gets the record numbered as it will be kept, before its hash is computed
    /// (a run drafts its pages meanwhile: `RecordDraft`).
    static func insertVersion(_ record: inout MonthlyRecord, runId: Int64?, editedBy: String?, at date: Date,
                              keysCommittedFor committed: Set<String> = [], beforeSealing: (MonthlyRecord) -> Void = { _ in },
                              in db: any SQLConnection) throws -> (version: Int, document: StoredDocument) {
        let last: Int = try db.scalar("SELECT MAX(version) FROM record_versions WHERE site_id = ? AND month = ?",
                                      [record.header.siteId, record.header.period]) ?? 0
        record.version = last + 1
        record.renumber()
        beforeSealing(record)
        let document = record.seal()
        try db.insert("""
            INSERT INTO record_versions (site_id, month, version, run_id, content_hash, edited_by, saved_at,
              faults_found, to_check, incomplete, record_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [record.header.siteId, record.header.period, last + 1, runId, record.contentHash,
                  editedBy, date, record.summary.faultsFound, record.summary.toCheck,
                  record.incomplete], document: document, into: "record_versions", column: "record_json")
        // Every row key the month has had (answers of a row gone stay placeable); the rows of the
        // devices in `committed` came with their inspections. Read by index: mapping over the rows
        // copies each whole row to take its key.
        var keySet = Set<String>()
        for section in record.sections {
            let rows = section.rows
            for r in rows.indices where !(rows[r].deviceId.map(committed.contains) ?? false) { keySet.insert(rows[r].key) }
        }
        try addRowKeys(keySet.sorted(), site: record.header.siteId, month: record.header.period, in: db)
        return (last + 1, document)
    }

    /// Adds row keys to the month's, all in one statement as a JSON list (three values bound
    /// for each key were 4 ms at 400 devices).
    static func addRowKeys(_ keys: [String], site: String, month: String, in db: any SQLConnection) throws {
        guard !keys.isEmpty else { return }
        let list = db.dialect == .postgres ? "json_array_elements_text(CAST(? AS json))" : "json_each(?)"
        try db.execute("INSERT INTO month_row_keys (site_id, month, row_key) SELECT ?, ?, value FROM \(list) WHERE true"
                       + " ON CONFLICT DO NOTHING", [site, month, StoreJSON.encode(keys)])
    }

    private static func infos(_ db: any SQLConnection, where clause: String, _ args: [String]) throws -> [RecordVersionInfo] {
        try db.query("""
            SELECT v.site_id, v.month, v.version, v.content_hash, v.saved_at, v.edited_by, v.run_id, v.faults_found,
              v.to_check, v.incomplete, CASE WHEN v.version = (SELECT MAX(version) FROM record_versions w
                                               WHERE w.site_id = v.site_id AND w.month = v.month)
                        THEN 1 ELSE 0 END AS is_current
            FROM record_versions v WHERE \(clause) ORDER BY site_id, month, version
            """, args).map { row in
            RecordVersionInfo(siteId: try row["site_id"], month: try row["month"], version: try row["version"],
                              isCurrent: try row["is_current"], contentHash: try row["content_hash"],
                              savedAt: try row["saved_at"], editedBy: try row["edited_by"], runId: try row["run_id"],
                              faultsFound: try row["faults_found"], toCheck: try row["to_check"],
                              incomplete: try row["incomplete"])
        }
    }
}

extension RecordStore {
    /// Copies a live SQLite store to `file` with SQLite's online backup: a consistent copy while
    /// runs write. The office's PostgreSQL store is backed up by its own tools (pg_dump).
    package func backup(to file: String) throws(RecordError) {
        guard let sqlite = database as? SQLiteDatabase else {
            throw RecordError("record store \(path): back up a PostgreSQL store with pg_dump; `store backup` copies a SQLite file")
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            throw RecordError("\(file) exists: give a new file for the backup")
        }
        do { try sqlite.backup(to: file) } catch { throw RecordError("backup of \(path) to \(file): \(error)") }
    }
}
