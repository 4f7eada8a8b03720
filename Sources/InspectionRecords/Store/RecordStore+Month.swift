package import CheckupCore
package import Foundation

/// A month is built up, never replaced: runs commit each device's inspection as it arrives,
/// people's answers are appended, and every new version is composed from the latest of both.
extension RecordStore {
    /// Opens a run before any device is contacted; its devices are committed one by one with
    /// `commit(_:run:)`, so a run cut off by a signal or a power cut keeps what it had read.
    package func beginRun(_ plan: RunPlan) throws(RecordError) -> Int64 {
        try write { db in
            // Site encodes its endpoints redacted, so no community reaches the store.
            try Self.upsert(site: plan.site, at: plan.startedAt, in: db)
            return try db.insert("""
                INSERT INTO runs (site_id, month, started_at, finished_at, incomplete, exit_status, devices_json,
                  inspected_on, technicians_json, planned_json, finished)
                VALUES (?, ?, ?, ?, 1, 3, '[]', ?, ?, ?, 0)
                """, [plan.site.id, plan.month, plan.startedAt, plan.startedAt, plan.inspectedOn,
                      StoreJSON.encode(plan.technicians), StoreJSON.encode(plan.devices)])
        }
    }

    /// Commits one device's outcome and results to a run that `beginRun` opened, scrubbed with
    /// `scrubber` (built from the inventory, whose URL communities the store never sees).
    package func commit(_ inspection: DeviceInspection, run: Int64, scrubber scrub: Scrubber) throws(RecordError) {
        _ = try commit([inspection], run: run, scrubber: scrub)
    }

    /// Commits the devices that arrived together in one transaction: all of them or none.
    /// Returns them as stored (scrubbed): what a run composes its version from.
    @discardableResult
    package func commit(_ inspections: [DeviceInspection], run: Int64, scrubber scrub: Scrubber) throws(RecordError) -> [DeviceInspection] {
        try commit(inspections.map { PreparedInspection($0, scrubber: scrub) }, run: run)
    }

    /// Commits inspections already scrubbed and encoded (`PreparedInspection`): the transaction
    /// only writes, so a run's serial store queue does not also do the JSON of every result.
    @discardableResult
    package func commit(_ prepared: [PreparedInspection], run: Int64) throws(RecordError) -> [DeviceInspection] {
        try write { db in
            guard let row = try db.queryOne("SELECT site_id, month, inspected_on FROM runs WHERE id = ?", [run]) else {
                throw RecordError("no run \(run)")
            }
            let inspectedOn: String? = try row["inspected_on"]
            let (site, month): (String, String) = (try row["site_id"], try row["month"])
            for p in prepared {
                let inspection = p.inspection
                try db.execute("""
                    INSERT INTO inspections (run_id, site_id, month, device_id, inspected_on, inspected_at, outcome_json, results_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [run, site, month, inspection.outcome.device, inspectedOn ?? Period.day(of: inspection.inspectedAt),
                          inspection.inspectedAt, p.outcomeJSON, p.resultsJSON])
            }
            // The rows these inspections fill, as the month's row keys: the version then lists
            // only the rest (at 10,000 devices 60,000 keys took 0.14–0.24 s after the last reply).
            try Self.addRowKeys(prepared.flatMap(\.rowKeys), site: site, month: month, in: db)
            return prepared.map(\.inspection)
        }
    }

    /// Closes a run: when it ended, whether it was cut short, and what it could not reach.
    package func finishRun(_ run: Int64, finishedAt: Date, incomplete: Bool, exitStatus: ExitStatus,
                          notInspected: [NotInspectedDevice]) throws(RecordError) {
        try write { db in
            try db.execute("""
                UPDATE runs SET finished_at = ?, incomplete = ?, exit_status = ?, devices_json = ?, finished = 1 WHERE id = ?
                """, [finishedAt, incomplete, Int(exitStatus.rawValue), StoreJSON.encode(notInspected), run])
        }
    }

    /// Devices a run planned but has not committed: what `--resume` inspects. Nil when the latest
    /// run of the month is complete (nothing to resume) or there is none.
    package func unfinishedDevices(site: String, month: String) throws(RecordError) -> [String]? {
        try read { db in
            guard let run = try db.queryOne("""
                SELECT id, planned_json, incomplete FROM runs WHERE site_id = ? AND month = ? ORDER BY id DESC LIMIT 1
                """, [site, month]), try run["incomplete"] as Bool else { return nil }
            let id: Int64 = try run["id"]
            let planned = try StoreJSON.decode([String].self, try run["planned_json"], what: "run \(id)")
            let done = Set(try db.column("SELECT device_id FROM inspections WHERE run_id = ?", [id]) as [String])
            return planned.filter { !done.contains($0) }
        }
    }

    /// Appends a person's answer to the month's history; the next version carries it.
    package func addAnswer(site: String, month: String, key: String, _ answer: RecordAnswers.RowAnswer,
                          by person: String, at date: Date = Date()) throws(RecordError) {
        try write { db in
            try db.execute("""
                INSERT INTO answers (site_id, month, row_key, answer_json, filled_by, filled_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [site, month, key, StoreJSON.encode(answer), person, date])
        }
    }

    /// Every row key any version of the month has had: an answer to a key outside it is a typo.
    package func rowKeys(site: String, month: String) throws(RecordError) -> Set<String> {
        Set(try read { db in
            try db.column("SELECT row_key FROM month_row_keys WHERE site_id = ? AND month = ?", [site, month]) as [String]
        })
    }

    /// Composes the month's current record from the latest inspection of every device and every
    /// answer given, and stores it as a new version: one transaction, one version per call.
    /// `current`: what this run committed, by device, so it is not decoded back (scrubbed as `commit` scrubs);
    /// `inventory`: the site this run stored (`beginRun`), likewise (its JSON took 4 ms to decode at 400 devices).
    /// `beforeSealing`: see `insertVersion`.
    package func storeNewVersion(site siteId: String, month: String, run: Int64?, editedBy: String? = nil,
                                filler: RecordFiller = RecordFiller(), current: consuming [String: DeviceInspection] = [:],
                                inventory: Site? = nil, at date: Date = Date(),
                                beforeSealing: (MonthlyRecord) -> Void = { _ in }) throws(RecordError) -> ComposedVersion {
        var handedOver: [String: DeviceInspection]? = consume current  // moved into the transaction, not copied
        return try write { db in
            guard let composed = try Self.composeVersion(site: siteId, month: month, run: run, editedBy: editedBy,
                                                         filler: filler, current: handedOver.take() ?? [:], inventory: inventory, at: date,
                                                         unlessHash: nil, beforeSealing: beforeSealing, in: db) else {
                throw RecordError("\(siteId) \(month): no version composed")  // only with unlessHash
            }
            return composed
        }
    }

    /// `storeNewVersion` inside a caller's transaction (sync's batch too); with `unlessHash`,
    /// nothing is stored (nil) when the composed record has that content hash.
    /// `current` is consumed: the month's inspections are let go once the record is composed, so
    /// the seal and the pages that follow hold only the record (at 1,000 devices, megabytes of results).
    static func composeVersion(site siteId: String, month: String, run: Int64?, editedBy: String?, filler: RecordFiller,
                               current: consuming [String: DeviceInspection] = [:], inventory: Site? = nil, at date: Date,
                               unlessHash: String?, beforeSealing: (MonthlyRecord) -> Void = { _ in },
                               in db: any SQLConnection) throws -> ComposedVersion? {
        guard let site = try inventory ?? storedSite(siteId, in: db) else { throw RecordError("no site '\(siteId)'") }
        let committedDevices = Set(current.keys)  // their rows' keys went in with them (`commit`)
        let state = try monthState(site: site, month: month, currentRun: run, current: consume current, in: db)
        let latestRun = state.latestRun
        var composed = try filler.compose(consume state)
        composed.record.editedBy = editedBy
        if let unlessHash {  // a sync composes only when the month changed
            composed.record.seal()
            if composed.record.contentHash == unlessHash { return nil }
        }
        composed.document = try insertVersion(&composed.record, runId: run ?? latestRun, editedBy: editedBy, at: date,
                                              keysCommittedFor: committedDevices, beforeSealing: beforeSealing, in: db).document
        return composed
    }

    /// Marks a version as the one the client signed; a later version never touches it.
    package func sign(_ signature: RecordSignature) throws(RecordError) {
        try write { db in
            guard let hash: String = try db.scalar("""
                SELECT content_hash FROM record_versions WHERE site_id = ? AND month = ? AND version = ?
                """, [signature.siteId, signature.month, signature.version]) else {
                throw RecordError("no version \(signature.version) of \(signature.siteId) \(signature.month) to sign")
            }
            if let earlier = try db.queryOne("""
                SELECT signed_by, signed_on FROM signatures WHERE site_id = ? AND month = ? AND version = ?
                """, [signature.siteId, signature.month, signature.version]) {
                throw RecordError("v\(signature.version) of \(signature.siteId) \(signature.month) is already signed "
                                  + "by \(try earlier["signed_by"] as String) on \(try earlier["signed_on"] as String)")
            }
            try db.execute("""
                INSERT INTO signatures (site_id, month, version, content_hash, signed_by, signed_on, recorded_at, scan_name, scan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [signature.siteId, signature.month, signature.version, hash, signature.signedBy,
                      signature.signedOn, signature.recordedAt, signature.scanName, signature.scan])
        }
    }

    /// The signatures of a site's months (of one month when given), by version.
    package func signatures(site: String, month: String? = nil) throws(RecordError) -> [RecordSignature] {
        try read { db in
            var sql = "SELECT * FROM signatures WHERE site_id = ?"
            var args: [any SQLBindable] = [site]
            if let month { sql += " AND month = ?"; args.append(month) }
            return try db.query(sql + " ORDER BY month, version", args).map { row in
                RecordSignature(siteId: try row["site_id"], month: try row["month"], version: try row["version"],
                                signedBy: try row["signed_by"], signedOn: try row["signed_on"],
                                recordedAt: try row["recorded_at"], scanName: try row["scan_name"], scan: try row["scan"])
            }
        }
    }

    // MARK: - Internals

    /// `current`: the current run's inspections as committed, by device: not decoded back from the store.
    static func monthState(site: Site, month: String, currentRun: Int64?, current: consuming [String: DeviceInspection] = [:],
                           in db: any SQLConnection) throws -> MonthState {
        var techniciansOfRun: [Int64: [String]] = [:]
        // The current run's rows leave their JSON in the store: the run holds them decoded
        // (`current`), and at 10,000 devices reading 50 MB of it back only to drop it took 0.2 s.
        let inMemory = current.isEmpty ? -1 : currentRun ?? -1
        let inspections = try db.query("""
            SELECT i.id, i.run_id, i.device_id, i.inspected_at, i.inspected_on, r.technicians_json,
              CASE WHEN i.run_id = ? THEN NULL ELSE i.outcome_json END AS outcome_json,
              CASE WHEN i.run_id = ? THEN NULL ELSE i.results_json END AS results_json
            FROM inspections i JOIN runs r ON r.id = i.run_id
            WHERE i.site_id = ? AND i.month = ? AND NOT EXISTS (
              SELECT 1 FROM inspections j WHERE j.site_id = i.site_id AND j.month = i.month AND j.device_id = i.device_id
                AND (j.inspected_at > i.inspected_at OR (j.inspected_at = i.inspected_at AND j.id > i.id)))
            ORDER BY i.inspected_at, i.id
            """, [inMemory, inMemory, site.id, month]).map { row in
            let id: Int64 = try row["id"]
            let run: Int64 = try row["run_id"]
            // Taken out, not copied: the state then holds each inspection once (`composeVersion` lets it go).
            if run == currentRun, var known = current.removeValue(forKey: try row["device_id"]) {
                if techniciansOfRun[run] == nil {
                    techniciansOfRun[run] = try StoreJSON.decode([String].self, try row["technicians_json"], what: "run \(run)")
                }
                (known.inspectedAt, known.inspectedOn) = (try row["inspected_at"], try row["inspected_on"])
                known.technicians = techniciansOfRun[run] ?? []
                return known
            }
            var stored = row
            if run == inMemory {  // committed by this run but not handed over: read as any other
                guard let full = try db.queryOne("SELECT outcome_json, results_json FROM inspections WHERE id = ?", [id]) else {
                    throw RecordError("inspection \(id) vanished while the version was composed")
                }
                stored = full
            }
            return DeviceInspection(
                outcome: try StoreJSON.decode(DeviceOutcome.self, try stored["outcome_json"], what: "inspection \(id)"),
                results: try StoreJSON.decode([CheckResult].self, try stored["results_json"], what: "inspection \(id)"),
                inspectedAt: try row["inspected_at"], inspectedOn: try row["inspected_on"],
                technicians: try StoreJSON.decode([String].self, try row["technicians_json"], what: "inspection \(id)"))
        }
        let answers = try db.query("SELECT * FROM answers WHERE site_id = ? AND month = ? ORDER BY filled_at, id", [site.id, month]).map { row in
            let id: Int64 = try row["id"]
            return StoredAnswer(key: try row["row_key"],
                                answer: try StoreJSON.decode(RecordAnswers.RowAnswer.self, try row["answer_json"], what: "answer \(id)"),
                                filledBy: try row["filled_by"], filledAt: try row["filled_at"])
        }
        var notes: [NotInspectedDevice] = []
        if let currentRun, let json: String = try db.scalar("SELECT devices_json FROM runs WHERE id = ?", [currentRun]) {
            notes = try StoreJSON.decode([NotInspectedDevice].self, json, what: "run \(currentRun)")
        }
        let latestRun: Int64? = try db.scalar("SELECT MAX(id) FROM runs WHERE site_id = ? AND month = ?", [site.id, month])
        let unfinished: Bool = try db.scalar("""
            SELECT incomplete FROM runs WHERE site_id = ? AND month = ? ORDER BY id DESC LIMIT 1
            """, [site.id, month]) ?? false
        return MonthState(site: site, month: month, inspections: inspections, answers: answers, notInspected: notes,
                          latestRun: latestRun, interrupted: unfinished)
    }
}

/// What a run is about to do, stored before the first device is contacted.
package struct RunPlan: Sendable {
    package var site: Site
    package var month: String
    /// The inspection date, `YYYY-MM-DD`.
    package var inspectedOn: String
    package var technicians: [String]
    /// Device ids the run will inspect, in order: `--resume` inspects those it did not commit.
    package var devices: [String]
    package var startedAt: Date

    package init(site: Site, month: String, inspectedOn: String, technicians: [String], devices: [String], startedAt: Date) {
        self.site = site
        self.month = month
        self.inspectedOn = inspectedOn
        self.technicians = technicians
        self.devices = devices
        self.startedAt = startedAt
    }
}

/// A device's inspection scrubbed and in its stored JSON, ready for `commit`: made on the
/// thread the result arrived on, so the writes that follow are all a commit does.
package struct PreparedInspection: Sendable {
    /// As stored: scrubbed.
    package var inspection: DeviceInspection
    var outcomeJSON: String
    var resultsJSON: String
    /// The keys of the record rows it fills (`RecordFiller.rowKeys`).
    var rowKeys: [String]

    package init(_ inspection: DeviceInspection, scrubber scrub: Scrubber) {
        var stored = inspection
        (stored.outcome, stored.results) = (scrub.scrub(inspection.outcome), inspection.results.map(scrub.scrub))
        self.inspection = stored
        (outcomeJSON, resultsJSON) = (StoreJSON.encode(stored.outcome), StoreJSON.encode(stored.results))
        rowKeys = RecordFiller.rowKeys(device: stored.outcome.device, stored.outcome, stored.results)
    }
}

/// One device's inspection by one run.
package struct DeviceInspection: Sendable, Hashable {
    package var outcome: DeviceOutcome
    package var results: [CheckResult]
    package var inspectedAt: Date
    package var inspectedOn: String
    package var technicians: [String]

    package init(outcome: DeviceOutcome, results: [CheckResult], inspectedAt: Date, inspectedOn: String = "",
                technicians: [String] = []) {
        self.outcome = outcome
        self.results = results
        self.inspectedAt = inspectedAt
        self.inspectedOn = inspectedOn
        self.technicians = technicians
    }
}

/// A device a run could not even try (its serial bus is not connected), with the reason.
package struct NotInspectedDevice: Sendable, Codable, Hashable {
    package var device: String
    /// In the client's words (串口总线未接入).
    package var note: LocalizedText
    /// For the technician and the evidence (the port's path).
    package var detail: String

    package init(device: String, note: LocalizedText, detail: String) {
        self.device = device
        self.note = note
        self.detail = detail
    }
}

/// One answer of the month's history.
package struct StoredAnswer: Sendable, Hashable {
    package var key: String
    package var answer: RecordAnswers.RowAnswer
    package var filledBy: String
    package var filledAt: Date
}

/// Everything a site-month's current record is composed from.
package struct MonthState: Sendable {
    package var site: Site
    package var month: String
    /// The latest inspection of each device, in the order they were committed.
    package var inspections: [DeviceInspection]
    package var answers: [StoredAnswer]
    /// Devices the latest run could not try, with why.
    package var notInspected: [NotInspectedDevice]
    package var latestRun: Int64?
    /// True when the latest run of the month was cut short.
    package var interrupted: Bool

    package init(site: Site, month: String, inspections: [DeviceInspection], answers: [StoredAnswer] = [],
                notInspected: [NotInspectedDevice] = [], latestRun: Int64? = nil, interrupted: Bool = false) {
        self.site = site
        self.month = month
        self.inspections = inspections
        self.answers = answers
        self.notInspected = notInspected
        self.latestRun = latestRun
        self.interrupted = interrupted
    }
}

/// A new current version, and the answers it could not place (their rows are gone).
package struct ComposedVersion: Sendable {
    package var record: MonthlyRecord
    /// Keys of answers kept in the history whose row this version no longer has (a device back online).
    package var orphanedAnswers: [String]
    /// The version's canonical document as stored (its JSON file), once the store kept it.
    package var document = StoredDocument(parts: [])
}

/// The client's signature of one version (who, which day, an optional scan of the paper).
package struct RecordSignature: Sendable, Hashable, Codable {
    package var siteId: String
    package var month: String
    package var version: Int
    package var signedBy: String
    /// `YYYY-MM-DD`.
    package var signedOn: String
    package var recordedAt: Date
    package var scanName: String?
    package var scan: Data?

    package init(siteId: String, month: String, version: Int, signedBy: String, signedOn: String,
                recordedAt: Date = Date(), scanName: String? = nil, scan: Data? = nil) {
        self.siteId = siteId
        self.month = month
        self.version = version
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.recordedAt = recordedAt
        self.scanName = scanName
        self.scan = scan
    }
}
