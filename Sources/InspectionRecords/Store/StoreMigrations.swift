import GRDB

/// The schema of the record store, one migration per change; never edit a shipped migration.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-runs-results-records-log") { db in
            try db.create(table: "sites") { t in
                t.primaryKey("id", .text)
                t.column("client", .text).notNull()
                t.column("name", .text).notNull()
                t.column("site_json", .text).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("site_id", .text).notNull().indexed()
                t.column("month", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime).notNull()
                t.column("incomplete", .boolean).notNull()
                t.column("exit_status", .integer).notNull()
                t.column("devices_json", .text).notNull()
            }
            try db.create(table: "results") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("run_id", .integer).notNull().indexed().references("runs", onDelete: .cascade)
                t.column("device", .text).notNull()
                t.column("check_id", .text).notNull()
                t.column("status", .text).notNull()
                t.column("observed", .text).notNull()
                t.column("expected", .text).notNull()
                t.column("duration_ms", .double).notNull()
                t.column("result_json", .text).notNull()
            }
            try db.create(table: "record_versions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("site_id", .text).notNull()
                t.column("month", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("run_id", .integer).references("runs", onDelete: .setNull)
                t.column("content_hash", .text).notNull()
                t.column("edited_by", .text)
                t.column("saved_at", .datetime).notNull()
                t.column("faults_found", .integer).notNull()
                t.column("to_check", .integer).notNull()
                t.column("incomplete", .boolean).notNull()
                t.column("record_json", .text).notNull()
                t.uniqueKey(["site_id", "month", "version"])
            }
            try db.create(table: "maintenance_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("site_id", .text).notNull().indexed()
                t.column("device", .text)
                t.column("called_at", .datetime).notNull()
                t.column("caller", .text)
                t.column("reported", .text).notNull()
                t.column("response_zone", .text)
                t.column("deadline_hours", .double)
                t.column("deadline_at", .datetime)
                t.column("arrived_at", .datetime)
                t.column("resolved_at", .datetime)
                t.column("handling", .text)
                t.column("technician", .text)
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "maintenance_evidence") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("entry_id", .integer).notNull().indexed().references("maintenance_log", onDelete: .cascade)
                t.column("attached_at", .datetime).notNull()
                t.column("device", .text)
                t.column("results_json", .text).notNull()
            }
        }
        // A month is built up from every visit: each device's latest inspection, every answer a
        // person gave, which versions the client signed. Nothing here is ever updated in place.
        m.registerMigration("v2-month-built-up") { db in
            try db.alter(table: "runs") { t in
                t.add(column: "inspected_on", .text)
                t.add(column: "technicians_json", .text).notNull().defaults(to: "[]")
                t.add(column: "planned_json", .text).notNull().defaults(to: "[]")
                t.add(column: "finished", .boolean).notNull().defaults(to: true)
            }
            try db.create(table: "inspections") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("run_id", .integer).notNull().indexed().references("runs", onDelete: .cascade)
                t.column("site_id", .text).notNull()
                t.column("month", .text).notNull()
                t.column("device_id", .text).notNull()
                t.column("inspected_on", .text).notNull()
                t.column("inspected_at", .datetime).notNull()
                t.column("outcome_json", .text).notNull()
                t.column("results_json", .text).notNull()
            }
            try db.create(index: "inspections_by_month", on: "inspections", columns: ["site_id", "month", "device_id"])
            try db.create(table: "answers") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("site_id", .text).notNull()
                t.column("month", .text).notNull()
                t.column("row_key", .text).notNull()
                t.column("answer_json", .text).notNull()
                t.column("filled_by", .text).notNull()
                t.column("filled_at", .datetime).notNull()
            }
            try db.create(index: "answers_by_month", on: "answers", columns: ["site_id", "month"])
            try db.create(table: "month_row_keys") { t in
                t.column("site_id", .text).notNull()
                t.column("month", .text).notNull()
                t.column("row_key", .text).notNull()
                t.primaryKey(["site_id", "month", "row_key"])
            }
            try db.create(table: "signatures") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("site_id", .text).notNull()
                t.column("month", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("content_hash", .text).notNull()
                t.column("signed_by", .text).notNull()
                t.column("signed_on", .text).notNull()
                t.column("recorded_at", .datetime).notNull()
                t.column("scan_name", .text)
                t.column("scan", .blob)
                t.uniqueKey(["site_id", "month", "version"])
            }
            try db.create(table: "run_locks") { t in
                t.column("site_id", .text).notNull()
                t.column("month", .text).notNull()
                t.column("host", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("since", .datetime).notNull()
                t.primaryKey(["site_id", "month"])
            }
        }
        return m
    }
}
