package import CheckupCore
package import Foundation

/// The maintenance log (维护登记表) in the record store.
extension RecordStore {
    /// Adds a call-out; returns its id (the ENTRY of `log close` and `probe --log`).
    @discardableResult
    package func addLogEntry(_ entry: MaintenanceEntry, createdAt: Date = Date()) throws(RecordError) -> Int64 {
        try write { db in
            try db.insert("""
                INSERT INTO maintenance_log (site_id, device, called_at, caller, reported, response_zone,
                  deadline_hours, deadline_at, arrived_at, resolved_at, handling, technician, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [entry.siteId, entry.device, entry.calledAt, entry.caller, entry.reported,
                      entry.responseZone, entry.deadlineHours, entry.deadline, entry.arrivedAt,
                      entry.resolvedAt, entry.handling, entry.technician, createdAt])
        }
    }

    /// Records arrival and resolution of a call-out; arrival may have been recorded before.
    @discardableResult
    package func closeLogEntry(_ id: Int64, arrivedAt: Date?, resolvedAt: Date, handling: String?,
                              technician: String?) throws(RecordError) -> MaintenanceEntry {
        guard let entry = try logEntry(id) else { throw RecordError("maintenance log: no entry \(id)") }
        guard let arrival = arrivedAt ?? entry.arrivedAt else {
            throw RecordError("maintenance log entry \(id): give the arrival time (--arrived)")
        }
        guard arrival >= entry.calledAt, resolvedAt >= arrival else {
            throw RecordError("maintenance log entry \(id): expected called ≤ arrived ≤ resolved")
        }
        try write { db in
            try db.execute("""
                UPDATE maintenance_log SET arrived_at = ?, resolved_at = ?, handling = COALESCE(?, handling),
                  technician = COALESCE(?, technician) WHERE id = ?
                """, [arrival, resolvedAt, handling, technician, id])
        }
        guard let closed = try logEntry(id) else { throw RecordError("maintenance log: entry \(id) vanished") }
        return closed
    }

    /// Records the technician's arrival only (the fault is still open). The arrival must not be
    /// before the call (nor after a recorded resolution): a wrong arrival stored here would make
    /// every later `log close` fail.
    package func recordArrival(_ id: Int64, at date: Date) throws(RecordError) {
        guard let entry = try logEntry(id) else { throw RecordError("maintenance log: no entry \(id)") }
        guard date >= entry.calledAt else {
            throw RecordError("maintenance log entry \(id): arrival \(Self.logTime(date)) is before the call "
                              + "\(Self.logTime(entry.calledAt)); expected called ≤ arrived")
        }
        if let resolved = entry.resolvedAt, date > resolved {
            throw RecordError("maintenance log entry \(id): arrival \(Self.logTime(date)) is after the resolution "
                              + "\(Self.logTime(resolved)); expected arrived ≤ resolved")
        }
        try write { db in
            try db.execute("UPDATE maintenance_log SET arrived_at = ? WHERE id = ?", [date, id])
        }
    }

    /// `2026-11-03 14:20` in local time, as technicians type it.
    static func logTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    /// Attaches probe results to a log entry as evidence (`checkup probe … --log ENTRY`).
    /// `secrets`: the job's credential values, replaced by `***` in every result before it is stored.
    package func attachEvidence(toLogEntry id: Int64, results: [CheckResult], device: String? = nil,
                               secrets: [String] = [], at date: Date = Date()) throws(RecordError) {
        let scrubber = Scrubber(secrets: secrets)
        let json = StoreJSON.encode(results.map { scrubber.scrub($0) })
        try write { db in
            guard try db.scalar("SELECT 1 FROM maintenance_log WHERE id = ?", [id]) as Int? != nil else {
                throw RecordError("maintenance log: no entry \(id)")
            }
            try db.execute("INSERT INTO maintenance_evidence (entry_id, attached_at, device, results_json) VALUES (?, ?, ?, ?)",
                           [id, date, device, json])
        }
    }

    package func logEntry(_ id: Int64) throws(RecordError) -> MaintenanceEntry? {
        try logEntries(where: "id = ?", [id]).first
    }

    /// Entries of a site (or all sites), optionally only open ones and only those called in [from, to).
    package func logEntries(site: String? = nil, openOnly: Bool = false, from: Date? = nil,
                           to: Date? = nil) throws(RecordError) -> [MaintenanceEntry] {
        var clauses: [String] = ["1 = 1"]
        var args: [any SQLBindable] = []
        if let site { clauses.append("site_id = ?"); args.append(site) }
        if openOnly { clauses.append("resolved_at IS NULL") }
        if let from { clauses.append("called_at >= ?"); args.append(from) }
        if let to { clauses.append("called_at < ?"); args.append(to) }
        return try logEntries(where: clauses.joined(separator: " AND "), args)
    }

    private func logEntries(where clause: String, _ args: [any SQLBindable]) throws(RecordError) -> [MaintenanceEntry] {
        try read { db in
            let rows = try db.query("SELECT * FROM maintenance_log WHERE \(clause) ORDER BY called_at, id", args)
            return try rows.map { row in
                let id: Int64 = try row["id"]
                let evidence = try db.query("SELECT * FROM maintenance_evidence WHERE entry_id = ? ORDER BY id", [id]).map { e in
                    let evidenceId: Int64 = try e["id"]
                    let results = try StoreJSON.decode([CheckResult].self, try e["results_json"],
                                                       what: "evidence \(evidenceId) of log entry \(id)")
                    return MaintenanceEvidence(attachedAt: try e["attached_at"], device: try e["device"], results: results)
                }
                return MaintenanceEntry(id: id, siteId: try row["site_id"], device: try row["device"],
                                        calledAt: try row["called_at"], caller: try row["caller"],
                                        reported: try row["reported"], responseZone: try row["response_zone"],
                                        deadlineHours: try row["deadline_hours"], arrivedAt: try row["arrived_at"],
                                        resolvedAt: try row["resolved_at"], handling: try row["handling"],
                                        technician: try row["technician"], evidence: evidence)
            }
        }
    }
}
