import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

@Suite struct MaintenanceLogTests {
    let called = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func defaultZonesAndAConfiguredTable() throws {
        let zones = ResponseZones.defaults
        #expect(try zones.deadlineHours(for: "ring-2") == 2)
        #expect(try zones.deadlineHours(for: "ring-3") == 3)
        #expect(try zones.deadlineHours(for: "ring-4") == 4)
        #expect(try zones.deadlineHours(for: "neighbouring") == 6)
        #expect { try zones.deadlineHours(for: "ring-5") } throws: { error in
            (error as? RecordError)?.message.contains("did you mean") == true
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID()).yaml")
        try Data("ring-2: 1.5\nfar: 24\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let custom = try ResponseZones.load(file)
        #expect(try custom.deadlineHours(for: "ring-2") == 1.5)
        #expect(try custom.deadlineHours(for: "far") == 24)
        #expect(try custom.deadlineHours(for: "ring-4") == 4)
    }

    @Test(arguments: StoreKind.allCases) func addCloseAndOverdue(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let onTime = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "nvr-1", calledAt: called,
                                                                caller: "李经理", reported: "录像机报警", responseZone: "ring-2",
                                                                deadlineHours: 2))
        let late = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "cam-dead", calledAt: called,
                                                              reported: "后门无图像", responseZone: "ring-2", deadlineHours: 2))
        #expect(try tmp.store.logEntries(site: "acme-hq", openOnly: true).map(\.id) == [onTime, late])

        let closed = try tmp.store.closeLogEntry(onTime, arrivedAt: called.addingTimeInterval(3600),
                                                 resolvedAt: called.addingTimeInterval(7200), handling: "更换硬盘",
                                                 technician: "张伟")
        #expect(!closed.isOpen)
        #expect(!closed.isOverdue())
        #expect(closed.deadline == called.addingTimeInterval(7200))

        // Not arrived: overdue once the deadline has passed.
        let open = try #require(try tmp.store.logEntry(late))
        #expect(!open.isOverdue(now: called.addingTimeInterval(3600)))
        #expect(open.isOverdue(now: called.addingTimeInterval(3 * 3600)))
        #expect(try tmp.store.logEntries(site: "acme-hq", openOnly: true).map(\.id) == [late])

        #expect(throws: RecordError.self) {
            try tmp.store.closeLogEntry(late, arrivedAt: nil, resolvedAt: called, handling: nil, technician: nil)
        }
        #expect(throws: RecordError.self) {
            try tmp.store.closeLogEntry(late, arrivedAt: called.addingTimeInterval(-60), resolvedAt: called, handling: nil, technician: nil)
        }
        #expect(throws: RecordError.self) {
            try tmp.store.closeLogEntry(999, arrivedAt: called, resolvedAt: called, handling: nil, technician: nil)
        }
    }

    @Test(arguments: StoreKind.allCases) func probeResultsAttachAsEvidence(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "nvr-1", calledAt: called, reported: "x"))
        let results = Array(FixtureRun.report().results.filter { $0.device == "nvr-1" })
        try tmp.store.attachEvidence(toLogEntry: id, results: results, device: "nvr-1", at: called)
        let entry = try #require(try tmp.store.logEntry(id))
        #expect(entry.evidence.count == 1)
        #expect(entry.evidence[0].results == results)
        #expect(throws: RecordError.self) { try tmp.store.attachEvidence(toLogEntry: 42, results: results) }
    }

    /// An arrival before the call used to be stored, and then every `log close` without
    /// `--arrived` failed the called ≤ arrived check.
    @Test(arguments: StoreKind.allCases) func arrivalBeforeTheCallIsRefused(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", calledAt: called, reported: "x"))
        #expect { try tmp.store.recordArrival(id, at: called.addingTimeInterval(-600)) } throws: { error in
            (error as? RecordError)?.message.contains("before the call") == true
        }
        #expect(try #require(try tmp.store.logEntry(id)).arrivedAt == nil, "nothing stored")
        #expect(throws: RecordError.self) { try tmp.store.recordArrival(999, at: called) }

        try tmp.store.recordArrival(id, at: called.addingTimeInterval(600))
        let closed = try tmp.store.closeLogEntry(id, arrivedAt: nil, resolvedAt: called.addingTimeInterval(1200),
                                                 handling: nil, technician: nil)
        #expect(closed.arrivedAt == called.addingTimeInterval(600))
        #expect(!closed.isOpen)
        // Once resolved, an arrival after the resolution is refused too.
        #expect(throws: RecordError.self) { try tmp.store.recordArrival(id, at: called.addingTimeInterval(3600)) }
    }

    @Test(arguments: StoreKind.allCases) func evidenceIsScrubbedOfTheGivenSecrets(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "nvr-1", calledAt: called, reported: "x"))
        var result = try #require(FixtureRun.report().results.first { $0.device == "nvr-1" })
        result.observed = "community s3cretComm rejected"
        result.evidence = ["GET s3cretComm sysDescr"]
        result.note = "auth s3cretComm"
        try tmp.store.attachEvidence(toLogEntry: id, results: [result], device: "nvr-1", secrets: ["s3cretComm"], at: called)
        let stored = try #require(try tmp.store.logEntry(id)?.evidence.first?.results.first)
        #expect(stored.observed == "community *** rejected")
        #expect(stored.evidence == ["GET *** sysDescr"])
        #expect(stored.note == "auth ***")
        let bytes = String(decoding: FileManager.default.contents(atPath: tmp.path) ?? Data(), as: UTF8.self)
        #expect(!bytes.contains("s3cretComm"), "the secret reached the store file")
    }
}
