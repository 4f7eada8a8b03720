import CheckupCore
import CheckupTestKit
import Foundation
import Testing
@testable import InspectionRecords

/// `sync --to` / `--from` between stores (docs/store.md, "Sync"): two laptops' visits of one
/// site-month merge per device in the office as on one laptop; a second push changes nothing; a
/// push cut off half-way leaves whole batches and is finished by the next; two pushes at once
/// neither collide nor duplicate.
@Suite struct SyncTests {
    let month = MonthBuiltUpTests()
    let month2026 = "2026-11"
    static let secondVisit = FixtureRun.started.addingTimeInterval(3 * 86_400)

    /// Row count of every table a push writes, and every version's hash: what "changes nothing" means.
    static func fingerprint(_ store: RecordStore) throws -> [String] {
        try store.read { db in
            var lines: [String] = []
            for table in ["sites", "runs", "inspections", "results", "answers", "record_versions", "month_row_keys", "signatures",
                          "maintenance_log", "maintenance_evidence", "client_feedback", "profiles"] {
                lines.append("\(table) \(try db.scalar("SELECT COUNT(*) FROM \(table)") as Int? ?? -1)")
            }
            lines += try db.query("SELECT site_id, month, version, content_hash FROM record_versions ORDER BY 1, 2, 3", []).map { r in
                "\(try r["site_id"] as String) \(try r["month"] as String) v\(try r["version"] as Int) \(try r["content_hash"] as String)"
            }
            // Not ids: a backend may skip numbers a cut-off transaction took.
            lines += try db.query("SELECT called_at, arrived_at, resolved_at FROM maintenance_log ORDER BY called_at", []).map { r in
                "call-out \(try r["called_at"] as String) \(try r["arrived_at"] as String? ?? "-") \(try r["resolved_at"] as String? ?? "-")"
            }
            return lines
        }
    }

    /// Laptop A inspects every device on the 20th and a person answers; laptop B re-inspects
    /// the NVR on the 23rd (its disk replaced). B pushes first: the later visit still wins.
    func twoLaptops() throws -> (a: TemporaryStore, b: TemporaryStore) {
        let a = try TemporaryStore(), b = try TemporaryStore()
        try month.visit(a.store, devices: Set(FixtureRun.site.devices.map(\.id)), on: "2026-11-20")
        try a.store.addAnswer(site: "acme-hq", month: month2026, key: "manual/grounding", RecordAnswers.RowAnswer(result: .normal),
                              by: "王芳")
        _ = try a.store.storeNewVersion(site: "acme-hq", month: month2026, run: nil, filler: month.filler)
        try month.visit(b.store, devices: ["nvr-1"], on: "2026-11-23",
                        report: FixtureRun.report(started: Self.secondVisit, nvrDiskFails: false), technician: "李娜")
        return (a, b)
    }

    @Test(arguments: StoreKind.allCases) func twoLaptopsMergePerDeviceAndASecondPushChangesNothing(_ kind: StoreKind) throws {
        let (a, b) = try twoLaptops()
        let office = try TemporaryStore(kind)
        let fromB = try b.store.push(to: office.store, filler: month.filler)
        #expect(fromB[.inspections].sent == 1 && fromB[.versions].sent == 1 && fromB.composed.isEmpty,
                "one laptop alone: its own version is the office's current one: \(fromB)")
        let fromA = try a.store.push(to: office.store, filler: month.filler)
        #expect(fromA[.inspections].sent == 5 && fromA[.answers].sent == 1 && fromA[.versions].sent == 2, "\(fromA)")
        #expect(fromA.composed.count == 1, "the merged month is composed once: \(fromA)")

        let versions = try office.store.versions(site: "acme-hq", month: month2026)
        #expect(versions.map(\.version) == [1, 2, 3, 4], "every laptop's version kept, then the merged one")
        let merged = try #require(try office.store.record(site: "acme-hq", month: month2026))
        #expect(merged.version == 4)
        #expect(merged.rows.first { $0.key == "nvr-1/disks" }?.result == .normal, "the NVR of the later visit (B's)")
        #expect(merged.rows.first { $0.key == "panel-1/battery" }?.result == .attention, "the panel of A's visit")
        #expect(merged.rows.first { $0.key == "manual/grounding" }?.filledBy == "王芳", "A's answer kept")
        #expect(merged.header.inspectionDates == ["2026-11-20", "2026-11-23"])
        #expect(merged.header.technicians.contains("李娜") && merged.header.technicians.contains("张伟"))
        // The laptops' own versions are stored as they were (same content hash).
        let aHashes = Set(try a.store.versions(site: "acme-hq", month: month2026).map(\.contentHash))
        #expect(aHashes.isSubset(of: Set(versions.map(\.contentHash))))

        let before = try Self.fingerprint(office.store)
        let again = [try a.store.push(to: office.store, filler: month.filler), try b.store.push(to: office.store, filler: month.filler)]
        #expect(again.allSatisfy { $0.changedNothing }, "\(again)")
        #expect(again[0][.inspections].unchanged == 5 && again[0][.versions].unchanged == 2)
        #expect(try Self.fingerprint(office.store) == before)
        // Nothing on the laptops changed either.
        #expect(try a.store.versions(site: "acme-hq", month: month2026).count == 2)
    }

    @Test func signaturesCallOutsAndFeedbackGoOnceAndAClosedCallOutIsUpdated() throws {
        let (a, _) = try twoLaptops()
        try a.store.sign(RecordSignature(siteId: "acme-hq", month: month2026, version: 2, signedBy: "陈经理", signedOn: "2026-11-25",
                                         scanName: "scan.png", scan: Data([1, 2, 3])))
        let called = FixtureRun.started
        let entry = try a.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "cam-dead", calledAt: called,
                                                             reported: "后门摄像机无图像", deadlineHours: 24))
        try a.store.attachEvidence(toLogEntry: entry, results: FixtureRun.report().results.filter { $0.device == "cam-dead" })
        let scores = Dictionary(uniqueKeysWithValues: ClientFeedback.questions.map { ($0.id, 4) })
        try a.store.addFeedback(ClientFeedback(client: FixtureRun.site.client, siteId: "acme-hq", givenOn: "2026-11-26",
                                               respondent: "陈经理", scores: scores))
        let office = try TemporaryStore()
        let first = try a.store.push(to: office.store, filler: month.filler)
        #expect(first[.signatures].sent == 1 && first[.callOuts].sent == 1 && first[.evidence].sent == 1 && first[.feedback].sent == 1,
                "\(first)")
        let signed = try office.store.signatures(site: "acme-hq", month: month2026)
        #expect(signed.map(\.signedBy) == ["陈经理"] && signed.first?.scan == Data([1, 2, 3]))
        let signedVersion = try #require(signed.first?.version)
        #expect(try office.store.versions(site: "acme-hq", month: month2026).first { $0.version == signedVersion }?.contentHash
                == (try a.store.versions(site: "acme-hq", month: month2026).last?.contentHash), "the signature is on the same content")

        _ = try a.store.closeLogEntry(entry, arrivedAt: called.addingTimeInterval(3600), resolvedAt: called.addingTimeInterval(7200),
                                      handling: "更换电源", technician: "张伟")
        let second = try a.store.push(to: office.store, filler: month.filler)
        #expect(second[.callOuts].updated == 1 && second[.signatures].unchanged == 1 && second[.feedback].unchanged == 1, "\(second)")
        let closed = try #require(try office.store.logEntries(site: "acme-hq").first)
        #expect(closed.handling == "更换电源" && closed.resolvedAt != nil && closed.evidence.count == 1)
        #expect(try a.store.push(to: office.store, filler: month.filler).changedNothing)
    }

    @Test(arguments: StoreKind.allCases) func aPushCutOffHalfWayLeavesWholeBatchesAndTheNextFinishesIt(_ kind: StoreKind) throws {
        let (a, _) = try twoLaptops()
        try month.visit(a.store, devices: ["panel-1"], on: "2026-11-24")
        try a.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", calledAt: FixtureRun.started, reported: "报警主机故障"))
        let office = try TemporaryStore(kind), clean = try TemporaryStore(kind)
        struct CutOff: Error {}
        #expect(throws: RecordError.self) {
            try a.store.push(to: office.store, filler: month.filler) { batch in
                if batch.hasPrefix("call-outs") { throw CutOff() }
            }
        }
        let cut = try Self.fingerprint(office.store)
        #expect(cut.contains("maintenance_log 0"), "the cut batch left nothing: \(cut)")
        #expect(cut.contains("inspections 6"), "the batches before it stayed: \(cut)")
        let resumed = try a.store.push(to: office.store, filler: month.filler)
        #expect(resumed[.callOuts].sent == 1 && resumed[.inspections].sent == 0 && resumed[.inspections].unchanged == 6, "\(resumed)")
        _ = try a.store.push(to: clean.store, filler: month.filler)
        let (resumedRows, cleanRows) = (try Self.fingerprint(office.store), try Self.fingerprint(clean.store))
        #expect(resumedRows == cleanRows, "resumed = pushed in one go")
    }

    /// Two laptops pushing the same site-month to the office at the same moment: each batch
    /// waits for the other's, versions are numbered without a gap or a clash, nothing twice.
    @Test func twoPushesAtOnceToTheOfficeNeitherCollideNorDuplicate() throws {
        let (a, b) = try twoLaptops()
        let office = try TemporaryStore(.postgres)
        let server = try PostgresPeer.shared()
        let errors = Locked<[String]>([])
        let (laptops, url, filler) = ([a.store, b.store], office.path, month.filler)
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                // Each push on its own connection, as two processes would.
                let target = try RecordStore(url: url, password: server.password)
                _ = try laptops[i % 2].push(to: target, filler: filler)
            } catch { errors.withLock { $0.append("\(error)") } }
        }
        #expect(errors.withLock { $0 }.isEmpty, "\(errors.withLock { $0 })")
        let versions = try office.store.versions(site: "acme-hq", month: month2026)
        #expect(versions.map(\.version) == Array(1...versions.count), "numbered without a gap: \(versions.map(\.version))")
        #expect(try Self.fingerprint(office.store).contains("inspections 6"), "each inspection once")
        #expect(try Self.fingerprint(office.store).contains("runs 2"))
        let merged = try #require(try office.store.record(site: "acme-hq", month: month2026))
        #expect(merged.rows.first { $0.key == "nvr-1/disks" }?.result == .normal)
        #expect(merged.rows.first { $0.key == "manual/grounding" }?.filledBy == "王芳")
    }

    @Test func pullBringsTheOfficesNewerSitesAndItsProfiles() throws {
        let office = try TemporaryStore(), laptop = try TemporaryStore()
        var site = FixtureRun.site
        site.technician = Technician(id: "li-na", name: "李娜")
        try office.store.save(site: site, at: FixtureRun.started)
        let profile = SyncedProfile(path: "cameras/acme-camera.yaml", yaml: "id: acme-camera\n")
        let admin = try TemporaryStore()  // the office's profiles are pushed from any store
        let up = try admin.store.push(to: office.store, profiles: [profile])
        #expect(up[.profiles].sent == 1)
        try laptop.store.save(site: FixtureRun.site, at: FixtureRun.started.addingTimeInterval(-86_400))
        let (report, profiles) = try laptop.store.pull(from: office.store)
        #expect(report[.sites].unchanged == 1 || report[.sites].updated == 1)
        #expect(try laptop.store.site(id: "acme-hq")?.technician?.name == "李娜")
        #expect(profiles == [profile])
        #expect(try laptop.store.pull(from: office.store).report.changedNothing)
    }
}
