import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

@Suite struct StoreTests {
    @Test func migratesAnEmptyFileInWALMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/dir/checkup.sqlite").path
        let store = try RecordStore(path: path)
        #expect(try store.appliedMigrations() == ["v1-runs-results-records-log", "v2-month-built-up", "v3-client-feedback", "v4-sync-keys-profiles"])
        #expect(try store.journalMode() == "wal")
        #expect(try store.records().isEmpty)
        // Opening again finds the migrations applied and changes nothing.
        let again = try RecordStore(path: path)
        #expect(try again.appliedMigrations() == ["v1-runs-results-records-log", "v2-month-built-up", "v3-client-feedback", "v4-sync-keys-profiles"])
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-db-\(UUID()).sqlite")
        try Data("hello, this is not sqlite at all, not at all".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: RecordError.self) { try RecordStore(path: file.path) }
    }

    @Test(arguments: StoreKind.allCases) func reRunningAMonthMakesVersionTwoAndKeepsVersionOne(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let first = FixtureRun.record(variant: 0, version: nil)
        let second = FixtureRun.record(variant: 1, version: nil)
        let v1 = try tmp.store.save(run: FixtureRun.report(variant: 0), record: first)
        let v2 = try tmp.store.save(run: FixtureRun.report(variant: 1), record: second)
        #expect(v1 == 1)
        #expect(v2 == 2)
        let versions = try tmp.store.versions(site: "acme-hq", month: "2026-11")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.isCurrent) == [false, true])
        #expect(versions.map(\.contentHash) == [first.contentHash, second.contentHash])
        #expect(versions.allSatisfy { $0.faultsFound == 2 && $0.editedBy == nil && $0.runId != nil })

        let current = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11"))
        #expect(current.version == 2)
        #expect(current.contentHash == second.contentHash)
        let old = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11", version: 1))
        #expect(old.version == 1)
        #expect(old.contentHash == first.contentHash)
        #expect(old.rows == first.rows)
        #expect(try tmp.store.record(site: "acme-hq", month: "2026-11", version: 3) == nil)
        #expect(try tmp.store.record(site: "acme-hq", month: "2026-10") == nil)
    }

    @Test(arguments: StoreKind.allCases) func runsAndResultsAreStored(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        try tmp.store.save(run: FixtureRun.report(), record: FixtureRun.record(version: nil))
        let runs = try tmp.store.runs(site: "acme-hq")
        #expect(runs.count == 1)
        #expect(runs[0].month == "2026-11")
        #expect(runs[0].exitStatus == 2)
        let results = try tmp.store.results(run: runs[0].id)
        #expect(results == FixtureRun.report().results)
        #expect(try tmp.store.site(id: "acme-hq")?.responseZone == "ring-3")
        #expect(try tmp.store.siteIds() == ["acme-hq"])
    }

    /// A stored time is fixed-width UTC text to the millisecond, so text order is time order.
    @Test func storedTimesAreFixedWidthUTCText() throws {
        #expect(StoreTime.text(Date(timeIntervalSince1970: 0.5)) == "1970-01-01 00:00:00.500")
        #expect(StoreTime.text(Date(timeIntervalSince1970: 1_796_205_309.0078)) == "2026-12-02 09:55:09.007")
        #expect(StoreTime.text(Date(timeIntervalSince1970: -1)) == "1969-12-31 23:59:59.000")
        let now = Date()
        let read = try #require(StoreTime.date(StoreTime.text(now)))
        #expect(abs(read.timeIntervalSince(now)) < 0.001)
    }

    /// A result is stored once, in its inspection; a run of a schema-v1 store kept its results a
    /// row each in `results`, and they still read.
    @Test(arguments: StoreKind.allCases) func resultsAreStoredOnceAndOlderRunsStillRead(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        try tmp.store.save(run: FixtureRun.report(), record: FixtureRun.record(version: nil))
        let rows: Int? = try tmp.store.read { db in try db.scalar("SELECT COUNT(*) FROM results") }
        #expect(rows == 0)
        #expect(try tmp.store.results(run: try #require(try tmp.store.runs(site: "acme-hq").first).id) == FixtureRun.report().results)

        let old = FixtureRun.report().results[0]
        let oldRun: Int64 = try tmp.store.write { db in
            let run = try db.insert("""
                INSERT INTO runs (site_id, month, started_at, finished_at, incomplete, exit_status, devices_json)
                VALUES ('acme-hq', '2026-06', ?, ?, 0, 0, '[]')
                """, [Date(), Date()])
            try db.execute("""
                INSERT INTO results (run_id, device, check_id, status, observed, expected, duration_ms, result_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [run, old.device, old.check, old.status.rawValue, old.observed, old.expected, old.durationMs,
                      StoreJSON.encode(old)])
            return run
        }
        #expect(try tmp.store.results(run: oldRun) == [old])
    }

    @Test(arguments: StoreKind.allCases) func recordsListsEveryMonthAndVersionOfASite(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        for month in ["2026-10", "2026-11"] {
            let r = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: FixtureRun.report(), month: month, technicians: [])
            try tmp.store.save(run: FixtureRun.report(), record: r)
        }
        try tmp.store.save(run: FixtureRun.report(), record: FixtureRun.record(version: nil))
        let list = try tmp.store.records(site: "acme-hq")
        #expect(list.map { "\($0.month) v\($0.version)" } == ["2026-10 v1", "2026-11 v1", "2026-11 v2"])
        #expect(try tmp.store.records(site: "other").isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func anEditedVersionIsMarkedAndKeepsItsRun(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        try tmp.store.save(run: FixtureRun.report(), record: FixtureRun.record(version: nil))
        let current = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11"))
        let answers = try RecordAnswers.parse("""
            technician: 王芳
            rows:
              manual/grounding: 正常
              manual/shielding: {result: 异常, observed: 屏蔽层破损, handling: 已更换屏蔽线, cleared: true}
              nvr-1/disks: {handling: 已更换 2 号硬盘, cleared: true}
            """)
        let edited = try current.applying(answers, by: "王芳")
        let v = try tmp.store.saveEdited(edited, editedBy: "王芳")
        #expect(v == 2)
        let versions = try tmp.store.versions(site: "acme-hq", month: "2026-11")
        #expect(versions.map(\.editedBy) == [nil, "王芳"])
        #expect(versions[0].runId == versions[1].runId)
        let stored = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11"))
        #expect(stored.editedBy == "王芳")
        let grounding = try #require(stored.rows.first { $0.key == "manual/grounding" })
        #expect(grounding.result == .normal && grounding.source == .manual && grounding.filledBy == "王芳")
        let disks = try #require(stored.rows.first { $0.key == "nvr-1/disks" })
        #expect(disks.result == .abnormal && disks.source == .automatic && disks.clearedOnSite)
        #expect(stored.summary.faultsFound == 3)
        #expect(stored.summary.clearedOnSite == 2)
        #expect(stored.summary.pending == 1)
        #expect(stored.summary.toCheck == current.summary.toCheck - 2)
        #expect(stored.contentHash != current.contentHash)
    }

    /// Read-only commands open with `create: false`: a missing path is an error naming it, and
    /// neither the file nor its folder appears (it used to create an empty store).
    @Test func openingAMissingStoreWithoutCreateCreatesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID())")
        let path = folder.appendingPathComponent("checkup.sqlite").path
        #expect { try RecordStore(path: path, create: false) } throws: { error in
            (error as? RecordError)?.message.contains(path) == true
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RecordError.self) { try RecordStore(path: folder.path, create: false) }
        _ = try RecordStore(path: path)
        let reopened = try RecordStore(path: path, create: false)
        #expect(try reopened.records().isEmpty)
    }
}
