import CheckupCore
package import Foundation

/// `checkup sync --to`: this store's rows pushed to another (the office's), one transaction per
/// batch — the sites, each site-month, each site's call-outs, the feedback forms — so a push cut
/// off half-way leaves every batch all there or not there, and the next push sends the rest.
/// Rows are found by their sync key (`SyncKey`), so pushing twice changes nothing. Secrets are
/// not in the store to push: sites name their credentials by key, results are scrubbed.
extension RecordStore {
    /// Pushes everything this store holds that `office` lacks; after each site-month that
    /// brought inspections or answers, `office` composes that month's current record from its
    /// own merged visits (`storeNewVersion`'s path) when its content differs from the latest version.
    /// `afterBatch` runs inside each batch's transaction, before it commits (progress; tests cut a push there).
    package func push(to office: RecordStore, profiles: [SyncedProfile] = [], filler: RecordFiller = RecordFiller(),
                     at date: Date = Date(),
                     afterBatch: (String) throws -> Void = { _ in }) throws(RecordError) -> SyncReport {
        guard office.path != path else { throw RecordError("sync: \(path) is this store itself") }
        var report = SyncReport()
        let sites = try read { db in try db.query("SELECT * FROM sites ORDER BY id", []) }
        try office.batch("sites", lock: "sites", &report, afterBatch) { db, report in
            for row in sites { report.count(.sites, try Self.pushSite(row, into: db)) }
            for profile in profiles { report.count(.profiles, try Self.pushProfile(profile, at: date, into: db)) }
        }
        let months = try read { db in
            try db.query("""
                SELECT site_id, month FROM runs UNION SELECT site_id, month FROM answers
                UNION SELECT site_id, month FROM record_versions ORDER BY 1, 2
                """, [])
        }
        // What the office holds, read once: a month it has all of is not opened as a batch
        // (checked again under the batch's lock when it is).
        let known = try office.read { db in try KnownRows(in: db) }
        for m in months {
            let (site, month): (String, String) = (try rowValue(m, "site_id"), try rowValue(m, "month"))
            let local = try read { db in try MonthRows(site: site, month: month, in: db) }
            let holdsAll: Bool
            do { holdsAll = try known.holdsAll(local) } catch { throw RecordError("record store \(path): \(error)") }
            if holdsAll {
                for (kind, rows) in [(SyncReport.Kind.runs, local.runs), (.inspections, local.inspections), (.answers, local.answers),
                                     (.versions, local.versions), (.signatures, local.signatures)] {
                    for _ in rows { report.count(kind, .unchanged) }
                }
                continue
            }
            try office.batch("\(site) \(month)", lock: "month \(site) \(month)", &report, afterBatch) { db, report in
                try Self.pushMonth(local, filler: filler, at: date, into: db, &report)
            }
        }
        let logSites: [String] = try read { db in try db.column("SELECT DISTINCT site_id FROM maintenance_log ORDER BY 1") }
        for site in logSites {
            let entries = try read { db in try db.query("SELECT * FROM maintenance_log WHERE site_id = ? ORDER BY id", [site]) }
            let evidence = try read { db in
                try db.query("""
                    SELECT e.* FROM maintenance_evidence e JOIN maintenance_log l ON l.id = e.entry_id
                    WHERE l.site_id = ? ORDER BY e.id
                    """, [site])
            }
            try office.batch("call-outs of \(site)", lock: "log \(site)", &report, afterBatch) { db, report in
                try Self.pushCallOuts(entries, evidence: evidence, into: db, &report)
            }
        }
        let forms = try read { db in try db.query("SELECT * FROM client_feedback ORDER BY id", []) }
        if !forms.isEmpty {
            try office.batch("feedback", lock: "feedback", &report, afterBatch) { db, report in
                for row in forms {
                    let key = try SyncKey.feedback(row)
                    if try Self.exists("client_feedback", key, in: db) { report.count(.feedback, .unchanged); continue }
                    _ = try Self.copy(row, into: "client_feedback", ["client", "site_id", "given_on", "respondent", "scores_json",
                                                                     "comments", "recorded_at"], key: key, in: db)
                    report.count(.feedback, .sent)
                }
            }
        }
        return report
    }

    // MARK: - Batches

    /// One transaction; on PostgreSQL two syncs of the same batch wait for each other (a
    /// transaction advisory lock), so the second finds the first's rows instead of racing it.
    func batch(_ name: String, lock: String, _ report: inout SyncReport, _ afterBatch: (String) throws -> Void,
               _ body: (any SQLConnection, inout SyncReport) throws -> Void) throws(RecordError) {
        var inBatch = report
        do {
            try database.write { db in
                if db.dialect == .postgres { try db.execute("SELECT pg_advisory_xact_lock(\(Self.syncLockKey(lock)))") }
                var r = report
                try body(db, &r)
                r.batches += 1
                try afterBatch(name)
                inBatch = r
            }
        } catch let error as RecordError where error.message.hasPrefix("record store") {
            throw error
        } catch {
            throw RecordError("record store \(path): sync of \(name): \(error)")
        }
        report = inBatch
    }

    static func syncLockKey(_ what: String) -> Int64 {
        SHA256.digest(Data("checkup-sync \(what)".utf8)).prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }

    /// The receiving store keeps the newer copy of a site (a run's or an import's, by `updated_at`).
    static func pushSite(_ row: SQLRow, into db: any SQLConnection) throws -> SyncReport.Change {
        let id: String = try row["id"], json: String = try row["site_json"], updated: String = try row.value("updated_at").text
        guard let there = try db.queryOne("SELECT site_json, updated_at FROM sites WHERE id = ?", [id]) else {
            try db.execute("INSERT INTO sites (id, client, name, site_json, updated_at) VALUES (?, ?, ?, ?, ?)",
                           [id, try row["client"] as String, try row["name"] as String, json, updated])
            return .sent
        }
        let thereUpdated = try there.value("updated_at").text
        guard try there["site_json"] as String != json, updated > thereUpdated else { return .unchanged }
        try db.execute("UPDATE sites SET client = ?, name = ?, site_json = ?, updated_at = ? WHERE id = ?",
                       [try row["client"] as String, try row["name"] as String, json, updated, id])
        return .updated
    }

    static func pushProfile(_ profile: SyncedProfile, at date: Date, into db: any SQLConnection) throws -> SyncReport.Change {
        let there: String? = try db.scalar("SELECT sha256 FROM profiles WHERE path = ?", [profile.path])
        if there == profile.sha256 { return .unchanged }
        try db.execute("""
            INSERT INTO profiles (path, yaml, sha256, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (path) DO UPDATE SET yaml = excluded.yaml, sha256 = excluded.sha256, updated_at = excluded.updated_at
            """, [profile.path, profile.yaml, profile.sha256, date])
        return there == nil ? .sent : .updated
    }

    static func pushMonth(_ m: MonthRows, filler: RecordFiller, at date: Date, into db: any SQLConnection,
                          _ report: inout SyncReport) throws {
        var runs: [Int64: (id: Int64, key: String)] = [:]
        var changed = false
        for row in m.runs {
            let key = try SyncKey.run(row)
            let localId: Int64 = try row["id"]
            let mutable = MonthRows.runState
            if let there = try db.queryOne("SELECT id, \(mutable.joined(separator: ", ")) FROM runs WHERE sync_key = ?", [key]) {
                runs[localId] = (try there["id"], key)
                let same = try mutable.allSatisfy { c in try Self.sameValue(there.value(c), row.value(c)) }
                if same { report.count(.runs, .unchanged); continue }
                try db.execute("UPDATE runs SET \(mutable.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                               try mutable.map { try row.value($0) } + [SQLValue.integer(try there["id"])])
                report.count(.runs, .updated)
                changed = true
            } else {
                let id = try copy(row, into: "runs", ["site_id", "month", "started_at", "inspected_on", "technicians_json",
                                                      "planned_json"] + mutable, key: key, in: db)
                runs[localId] = (id, key)
                report.count(.runs, .sent)
            }
        }
        for row in m.inspections {
            let localRun: Int64 = try row["run_id"]
            guard let run = runs[localRun] else { throw RecordError("inspection of a run \(localRun) not in the store") }
            let key = try SyncKey.inspection(row, run: run.key)
            if try exists("inspections", key, in: db) { report.count(.inspections, .unchanged); continue }
            _ = try copy(row, into: "inspections", ["site_id", "month", "device_id", "inspected_on", "inspected_at",
                                                    "outcome_json", "results_json"],
                         extra: ["run_id": .integer(run.id)], key: key, in: db)
            report.count(.inspections, .sent)
            changed = true
        }
        for row in m.answers {
            let key = try SyncKey.answer(row)
            if try exists("answers", key, in: db) { report.count(.answers, .unchanged); continue }
            _ = try copy(row, into: "answers", ["site_id", "month", "row_key", "answer_json", "filled_by", "filled_at"], key: key, in: db)
            report.count(.answers, .sent)
            changed = true
        }
        var versions: [Int: Int] = [:]  // this store's version → the receiving store's
        for row in m.versions {
            let key = try SyncKey.version(row)
            let local: Int = try row["version"]
            if let there: Int = try db.scalar("SELECT version FROM record_versions WHERE sync_key = ?", [key]) {
                versions[local] = there
                report.count(.versions, .unchanged)
                continue
            }
            let json: String = try row["record_json"]
            var record: MonthlyRecord
            do { record = try RecordCoding.decoder().decode(MonthlyRecord.self, from: Data(json.utf8)) } catch {
                throw RecordError("version \(local) of \(m.site) \(m.month) cannot be read (\(error))")
            }
            let run = try (row["run_id"] as Int64?).flatMap { runs[$0]?.id }
            let saved: Date = try row["saved_at"]
            let number = try insertVersion(&record, runId: run, editedBy: try row["edited_by"], at: saved, in: db).version
            try db.execute("UPDATE record_versions SET sync_key = ? WHERE site_id = ? AND month = ? AND version = ?",
                           [key, m.site, m.month, number])
            versions[local] = number
            report.count(.versions, .sent)
        }
        for row in m.signatures {
            let key = try SyncKey.signature(row)
            if try exists("signatures", key, in: db) { report.count(.signatures, .unchanged); continue }
            let local: Int = try row["version"]
            guard let there = versions[local] else { throw RecordError("signature of a version \(local) not in the store") }
            _ = try copy(row, into: "signatures", ["site_id", "month", "content_hash", "signed_by", "signed_on", "recorded_at",
                                                   "scan_name", "scan"], extra: ["version": .integer(Int64(there))],
                         key: key, in: db)
            report.count(.signatures, .sent)
        }
        guard changed, try db.scalar("SELECT 1 FROM sites WHERE id = ?", [m.site]) as Int? != nil else { return }
        let latest: String? = try db.scalar("""
            SELECT content_hash FROM record_versions WHERE site_id = ? AND month = ? ORDER BY version DESC LIMIT 1
            """, [m.site, m.month])
        let run: Int64? = try db.scalar("SELECT MAX(id) FROM runs WHERE site_id = ? AND month = ?", [m.site, m.month])
        if let composed = try composeVersion(site: m.site, month: m.month, run: run, editedBy: nil, filler: filler, at: date,
                                             unlessHash: latest, in: db), let v = composed.record.version {
            report.composed.append("\(m.site) \(m.month) v\(v) \(composed.record.shortHash)")
        }
    }

    static func pushCallOuts(_ entries: [SQLRow], evidence: [SQLRow], into db: any SQLConnection,
                             _ report: inout SyncReport) throws {
        let fixed = ["site_id", "device", "called_at", "caller", "reported", "response_zone", "deadline_hours", "deadline_at",
                     "created_at"]
        let closing = ["arrived_at", "resolved_at", "handling", "technician"]
        var ids: [Int64: (id: Int64, key: String)] = [:]
        for row in entries {
            let key = try SyncKey.callOut(row)
            let localId: Int64 = try row["id"]
            if let there = try db.queryOne("SELECT id, \(closing.joined(separator: ", ")) FROM maintenance_log WHERE sync_key = ?", [key]) {
                ids[localId] = (try there["id"], key)
                // A call-out is closed on whichever store: what was recorded is never blanked.
                let news = try closing.filter { c in
                    let (mine, theirs) = (try row.value(c), try there.value(c))
                    return mine != .null && !Self.sameValue(mine, theirs)
                }
                if news.isEmpty { report.count(.callOuts, .unchanged); continue }
                try db.execute("UPDATE maintenance_log SET \(news.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                               try news.map { try row.value($0) } + [SQLValue.integer(try there["id"])])
                report.count(.callOuts, .updated)
            } else {
                ids[localId] = (try copy(row, into: "maintenance_log", fixed + closing, key: key, in: db), key)
                report.count(.callOuts, .sent)
            }
        }
        for row in evidence {
            let localEntry: Int64 = try row["entry_id"]
            guard let entry = ids[localEntry] else { continue }
            let key = try SyncKey.evidence(row, entry: entry.key)
            if try exists("maintenance_evidence", key, in: db) { report.count(.evidence, .unchanged); continue }
            _ = try copy(row, into: "maintenance_evidence", ["attached_at", "device", "results_json"],
                         extra: ["entry_id": .integer(entry.id)], key: key, in: db)
            report.count(.evidence, .sent)
        }
    }

    // MARK: - Rows

    static func exists(_ table: String, _ key: String, in db: any SQLConnection) throws -> Bool {
        try db.scalar("SELECT 1 FROM \(table) WHERE sync_key = ?", [key]) as Int? != nil
    }

    /// Inserts `columns` of `row` (and `extra`, the receiving store's ids) under `key`; returns the new id.
    static func copy(_ row: SQLRow, into table: String, _ columns: [String], extra: [String: SQLValue] = [:],
                     key: String?, in db: any SQLConnection) throws -> Int64 {
        let ids = extra.sorted { $0.key < $1.key }
        var names = columns + ids.map(\.key)
        var values: [any SQLBindable] = try columns.map { try row.value($0) } + ids.map(\.value)
        if let key { names.append("sync_key"); values.append(key) }
        return try db.insert("INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                             values)
    }

    /// The same value as both backends hand it back (an integer column may come back as a real).
    static func sameValue(_ a: SQLValue, _ b: SQLValue) -> Bool {
        if a == b { return true }
        if let x = Double.from(a), let y = Double.from(b) { return x == y }
        return false
    }
}

private func rowValue<T: SQLColumnValue>(_ row: SQLRow, _ column: String) throws(RecordError) -> T {
    do { return try row[column] } catch { throw RecordError("sync: \(error)") }
}

extension SQLValue {
    /// The text of a text column (times are text); empty for anything else.
    var text: String {
        if case .text(let s) = self { return s }
        return ""
    }
}

/// One site-month's rows of the pushing store, read in one snapshot.
struct MonthRows: Sendable {
    /// What a run may change after it was pushed (it was still running).
    static let runState = ["finished_at", "incomplete", "exit_status", "devices_json", "finished"]

    var site: String
    var month: String
    var runs: [SQLRow]
    var inspections: [SQLRow]
    var answers: [SQLRow]
    var versions: [SQLRow]
    var signatures: [SQLRow]

    init(site: String, month: String, in db: any SQLConnection) throws {
        self.site = site
        self.month = month
        let args: [any SQLBindable] = [site, month]
        runs = try db.query("SELECT * FROM runs WHERE site_id = ? AND month = ? ORDER BY id", args)
        inspections = try db.query("SELECT * FROM inspections WHERE site_id = ? AND month = ? ORDER BY id", args)
        answers = try db.query("SELECT * FROM answers WHERE site_id = ? AND month = ? ORDER BY id", args)
        versions = try db.query("SELECT * FROM record_versions WHERE site_id = ? AND month = ? ORDER BY version", args)
        signatures = try db.query("SELECT * FROM signatures WHERE site_id = ? AND month = ? ORDER BY version", args)
    }
}

/// A profile file the office keeps for every laptop: its path below the profile directory, its text.
package struct SyncedProfile: Sendable, Hashable {
    package var path: String
    package var yaml: String
    package var sha256: String { RecordDigest.hex(Data(yaml.utf8)) }

    package init(path: String, yaml: String) {
        self.path = path
        self.yaml = yaml
    }
}

/// The sync keys a store holds, per table, and its runs' state: read once per push.
struct KnownRows: Sendable {
    var keys: [String: Set<String>] = [:]
    var runs: [String: [SQLValue]] = [:]

    init(in db: any SQLConnection) throws {
        for table in ["inspections", "answers", "record_versions", "signatures"] {
            keys[table] = Set(try db.column("SELECT sync_key FROM \(table) WHERE sync_key IS NOT NULL", []) as [String])
        }
        for row in try db.query("SELECT sync_key, \(MonthRows.runState.joined(separator: ", ")) FROM runs WHERE sync_key IS NOT NULL", []) {
            runs[try row["sync_key"]] = try MonthRows.runState.map { try row.value($0) }
        }
    }

    /// True when every row of the month is there and every run in the same state.
    func holdsAll(_ m: MonthRows) throws -> Bool {
        var runKeys: [Int64: String] = [:]
        for row in m.runs {
            let key = try SyncKey.run(row)
            guard let there = runs[key] else { return false }
            let state = try MonthRows.runState.map { try row.value($0) }
            guard zip(state, there).allSatisfy({ RecordStore.sameValue($0, $1) }) else { return false }
            runKeys[try row["id"]] = key
        }
        func has(_ table: String, _ key: String) -> Bool { keys[table]?.contains(key) == true }
        for row in m.inspections {
            guard let run = runKeys[try row["run_id"]], has("inspections", try SyncKey.inspection(row, run: run)) else { return false }
        }
        for row in m.answers where !has("answers", try SyncKey.answer(row)) { return false }
        for row in m.versions where !has("record_versions", try SyncKey.version(row)) { return false }
        for row in m.signatures where !has("signatures", try SyncKey.signature(row)) { return false }
        return true
    }
}
