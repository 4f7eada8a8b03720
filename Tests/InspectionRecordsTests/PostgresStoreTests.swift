import CheckupCore
import CheckupTestKit
import Foundation
import Testing
@testable import InspectionRecords

/// What only the office's PostgreSQL store has to prove: the URL, the password's path, the
/// advisory run lock across connections, a server that goes away under a run.
@Suite struct PostgresStoreTests {
    @Test func migratesANewDatabaseOnceAndOpensItAgain() throws {
        let server = try PostgresPeer.shared()
        let url = try server.createDatabase()
        let store = try RecordStore(url: url, password: server.password)
        #expect(try store.appliedMigrations() == ["v1-runs-results-records-log", "v2-month-built-up", "v3-client-feedback", "v4-sync-keys-profiles"])
        #expect(store.path == url)
        let again = try RecordStore(url: url, password: server.password)
        #expect(try again.appliedMigrations() == ["v1-runs-results-records-log", "v2-month-built-up", "v3-client-feedback", "v4-sync-keys-profiles"])
    }

    /// A version's row keys go in as one JSON list, read by each dialect's own function.
    @Test func aVersionKeepsEveryRowKeyOfItsMonthOnBothStores() throws {
        let server = try PostgresPeer.shared()
        let office = try RecordStore(url: try server.createDatabase(), password: server.password)
        let laptop = try RecordStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID()).sqlite").path)
        let record = FixtureRun.record(version: nil)
        let keys = Set(record.sections.flatMap { $0.rows.map(\.key) })
        #expect(keys.count > 3)
        for store in [office, laptop] {
            try store.save(run: FixtureRun.report(), record: record)
            try store.save(run: FixtureRun.report(), record: record)  // a second version adds no key twice
            let stored: [String] = try store.read { db in try db.column("SELECT row_key FROM month_row_keys ORDER BY row_key") }
            #expect(stored == keys.sorted(), "\(store.path)")
        }
    }

    @Test func aPasswordInTheURLIsRefusedWithoutRepeatingIt() throws {
        let secret = "hunter2-\(UUID().uuidString.prefix(6))"
        #expect { try RecordStore(path: "postgres://checkup:\(secret)@127.0.0.1:5432/office") } throws: { error in
            let message = (error as? RecordError)?.message ?? ""
            return message.contains("password in the store URL is refused") && !message.contains(secret)
        }
    }

    @Test func badURLsAreClearErrors() throws {
        for (url, says) in [("postgres://127.0.0.1/office", "no user"), ("postgres://checkup@127.0.0.1", "no database"),
                            ("postgres://checkup@127.0.0.1:99999/x", "port")] {
            #expect { try RecordStore(path: url) } throws: { error in
                (error as? RecordError)?.message.contains(says) == true
            }
        }
    }

    @Test func aWrongPasswordNamesTheStoreNeverThePassword() throws {
        let server = try PostgresPeer.shared()
        let url = try server.createDatabase()
        #expect { try RecordStore(url: url, password: "not-\(server.password)") } throws: { error in
            let message = (error as? RecordError)?.message ?? ""
            return message.contains(url) && message.contains("password authentication failed")
                && !message.contains(server.password)
        }
    }

    /// Two runs of one site-month on two connections (two laptops): the second is refused with
    /// the holder's host and pid; when the first's connection ends, its lock is taken over.
    @Test func theRunLockHoldsAcrossConnectionsAndDiesWithItsSession() throws {
        let server = try PostgresPeer.shared()
        let url = try server.createDatabase()
        var first: RecordStore? = try RecordStore(url: url, password: server.password)
        let second = try RecordStore(url: url, password: server.password)
        #expect(try first?.lockMonth(site: "acme-hq", month: "2026-11", host: "laptop-a", pid: 4242) == nil)
        #expect { try second.lockMonth(site: "acme-hq", month: "2026-11", host: "laptop-b", pid: 77) } throws: { error in
            let message = (error as? RecordError)?.message ?? ""
            return message.contains("being inspected by another run") && message.contains("laptop-a") && message.contains("4242")
        }
        // Another month is free.
        #expect(try second.lockMonth(site: "acme-hq", month: "2026-12", host: "laptop-b", pid: 77) == nil)
        first = nil  // the connection closes, as when laptop A crashes: the server drops its lock
        // …once its backend has exited, a moment after the connection closed.
        let stale = try Self.lockSoon(second)
        #expect(stale?.host == "laptop-a" && stale?.pid == 4242)
        try second.unlockMonth(site: "acme-hq", month: "2026-11", host: "laptop-b", pid: 77)
        let third = try RecordStore(url: url, password: server.password)
        #expect(try third.lockMonth(site: "acme-hq", month: "2026-11", host: "laptop-c", pid: 1) == nil)
    }

    /// Takes the lock, retrying for up to 5 s while the closed session's backend exits.
    static func lockSoon(_ store: RecordStore) throws -> RecordStore.LockHolder? {
        let deadline = Date().addingTimeInterval(5)
        while true {
            do {
                return try store.lockMonth(site: "acme-hq", month: "2026-11", host: "laptop-b", pid: 77)
            } catch {
                if Date() > deadline { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// The server stops between two devices of a run: the commit fails naming the store, the
    /// first device stays stored, and `--resume` would inspect exactly the devices not committed.
    @Test func theServerStoppedDuringARunLosesNothingCommitted() throws {
        let server = try PostgresPeer.start()
        defer { server.stop() }
        let url = try server.createDatabase()
        let store = try RecordStore(url: url, password: server.password)
        let site = FixtureRun.site
        let report = FixtureRun.report()
        let run = try store.beginRun(RunPlan(site: site, month: "2026-11", inspectedOn: "2026-11-20", technicians: ["张伟"],
                                             devices: site.devices.map(\.id), startedAt: report.startedAt))
        let results = Dictionary(grouping: report.results, by: \.device)
        let outcomes = report.devices
        try store.commit(DeviceInspection(outcome: outcomes[0], results: results[outcomes[0].device] ?? [],
                                          inspectedAt: report.startedAt), run: run, scrubber: Scrubber(site: site))
        try server.stopServer()
        #expect { try store.commit(DeviceInspection(outcome: outcomes[1], results: results[outcomes[1].device] ?? [],
                                                    inspectedAt: report.startedAt), run: run, scrubber: Scrubber(site: site))
        } throws: { error in
            let message = (error as? RecordError)?.message ?? ""
            return message.hasPrefix("record store \(url):") && !message.contains(server.password)
        }
        #expect { try RecordStore(url: url, password: server.password) } throws: { error in
            (error as? RecordError)?.message.contains("cannot connect") == true
        }
        try server.startServer()
        let reopened = try RecordStore(url: url, password: server.password)
        #expect(try reopened.unfinishedDevices(site: site.id, month: "2026-11") == site.devices.map(\.id).filter { $0 != outcomes[0].device })
    }
}

/// Both backends: a stored row that cannot be read is an error naming it, never dropped.
@Suite struct UnreadableRowTests {
    @Test(arguments: StoreKind.allCases) func anUnreadableRowIsAnErrorNamingIt(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        try tmp.store.save(run: FixtureRun.report(), record: FixtureRun.record(version: nil))
        let run = try #require(try tmp.store.runs(site: "acme-hq").first).id
        try tmp.store.write { db in try db.execute("UPDATE inspections SET results_json = '[{\"broken\": 1}]' WHERE run_id = ?", [run]) }
        #expect { try tmp.store.results(run: run) } throws: { error in
            (error as? RecordError)?.message.contains("the results of a device in run \(run) cannot be read") == true
        }
        let entry = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", calledAt: Date(), reported: "无图像"))
        try tmp.store.attachEvidence(toLogEntry: entry, results: FixtureRun.report().results)
        try tmp.store.write { db in try db.execute("UPDATE maintenance_evidence SET results_json = 'nope'") }
        #expect { try tmp.store.logEntries(site: "acme-hq") } throws: { error in
            (error as? RecordError)?.message.contains("of log entry \(entry) cannot be read") == true
        }
    }

    @Test(arguments: StoreKind.allCases) func timesSortAndCompareTheSameInBothBackends(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let base = Date(timeIntervalSince1970: 1_794_000_000.25)
        for hours in [5.0, -3, 0, 48] {
            try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", calledAt: base.addingTimeInterval(hours * 3600),
                                                       reported: "h\(Int(hours))"))
        }
        let all = try tmp.store.logEntries(site: "acme-hq")
        #expect(all.map(\.reported) == ["h-3", "h0", "h5", "h48"])
        #expect(all[1].calledAt == base, "milliseconds survive")
        let window = try tmp.store.logEntries(from: base, to: base.addingTimeInterval(6 * 3600))
        #expect(window.map(\.reported) == ["h0", "h5"])
    }
}

/// `store backup`: a live SQLite store copied whole; a PostgreSQL store is refused (pg_dump's job).
@Suite struct StoreBackupTests {
    @Test func aBackupHoldsEveryVersion() throws {
        let tmp = try TemporaryStore(.sqlite)
        try tmp.store.save(run: FixtureRun.report(), record: FixtureRun.record(version: nil))
        let copy = tmp.folder.appendingPathComponent("backup.sqlite").path
        try tmp.store.backup(to: copy)
        let restored = try RecordStore(path: copy, create: false)
        #expect(try restored.records() == tmp.store.records())
        #expect(throws: RecordError.self) { try tmp.store.backup(to: copy) }
        let office = try TemporaryStore(.postgres)
        #expect { try office.store.backup(to: copy + "2") } throws: { error in
            (error as? RecordError)?.message.contains("pg_dump") == true
        }
    }
}
