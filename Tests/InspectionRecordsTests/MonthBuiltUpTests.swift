import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// A month is built up, never replaced: later visits update their devices' rows, keep everyone
/// else's and every answer a person gave; one new version per run.
@Suite struct MonthBuiltUpTests {
    let filler = RecordFiller(timeZone: FixtureRun.shanghai)

    /// Commits some devices of a FixtureRun as one run, like `checkup run` does, and composes the version.
    @discardableResult
    func visit(_ store: RecordStore, devices: Set<String>, on day: String, report: RunReport = FixtureRun.report(),
               technician: String = "张伟", interrupted: Bool = false) throws -> ComposedVersion {
        let site = FixtureRun.site
        let run = try store.beginRun(RunPlan(site: site, month: "2026-11", inspectedOn: day, technicians: [technician],
                                             devices: site.devices.map(\.id).filter(devices.contains), startedAt: report.startedAt))
        let results = Dictionary(grouping: report.results, by: \.device)
        for outcome in report.devices where devices.contains(outcome.device) {
            try store.commit(DeviceInspection(outcome: outcome, results: results[outcome.device] ?? [], inspectedAt: report.startedAt),
                             run: run, scrubber: Scrubber(site: site))
        }
        try store.finishRun(run, finishedAt: report.finishedAt, incomplete: interrupted, exitStatus: report.exitStatus, notInspected: [])
        return try store.storeNewVersion(site: site.id, month: "2026-11", run: run, filler: filler)
    }

    /// A run composes its version from what it committed, kept in memory: the same record as
    /// reading the inspections back from the store (the community in a URL scrubbed alike).
    @Test func theRunsOwnInspectionsComposeAsTheStoredOnes() throws {
        let tmp = try TemporaryStore(.sqlite)
        let (site, report, scrubber) = (FixtureRun.site, FixtureRun.report(), Scrubber(site: FixtureRun.site))
        let run = try tmp.store.beginRun(RunPlan(site: site, month: "2026-11", inspectedOn: "2026-11-20", technicians: ["张伟"],
                                                 devices: site.devices.map(\.id), startedAt: report.startedAt))
        let results = Dictionary(grouping: report.results, by: \.device)
        var current: [String: DeviceInspection] = [:]
        for outcome in report.devices {
            let inspection = DeviceInspection(outcome: scrubber.scrub(outcome), results: (results[outcome.device] ?? []).map(scrubber.scrub),
                                              inspectedAt: report.startedAt)
            try tmp.store.commit(inspection, run: run, scrubber: scrubber)
            current[outcome.device] = inspection
        }
        try tmp.store.finishRun(run, finishedAt: report.finishedAt, incomplete: false, exitStatus: report.exitStatus, notInspected: [])
        let read = try tmp.store.storeNewVersion(site: site.id, month: "2026-11", run: run, filler: filler)
        let kept = try tmp.store.storeNewVersion(site: site.id, month: "2026-11", run: run, filler: filler, current: current)
        #expect(kept.record.contentHash == read.record.contentHash)
        #expect(kept.record.sections == read.record.sections)
        #expect(!kept.document.text.contains(FixtureRun.community))
        // And it is what the version is made of: a kept inspection is not read back.
        var changed = current
        let nvrResults: [CheckResult] = (current["nvr-1"]?.results ?? []).map { r in var r = r; r.observed = "read from memory"; return r }
        changed["nvr-1"]?.results = nvrResults
        let fromMemory = try tmp.store.storeNewVersion(site: site.id, month: "2026-11", run: run, filler: filler, current: changed)
        #expect(fromMemory.record.rows.contains { $0.observed.hasPrefix("read from memory") })
        // A device the run committed but did not hand over is read back whole, not left empty.
        var partial = current
        partial["nvr-1"] = nil
        let mixed = try tmp.store.storeNewVersion(site: site.id, month: "2026-11", run: run, filler: filler, current: partial)
        #expect(mixed.record.contentHash == read.record.contentHash)
    }

    /// The version's JSON file is what the store keeps for it, byte for byte.
    @Test func theComposedDocumentIsTheStoredOne() throws {
        let tmp = try TemporaryStore(.sqlite)
        let composed = try visit(tmp.store, devices: Set(FixtureRun.site.devices.map(\.id)), on: "2026-11-20")
        let stored = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11", version: 1))
        #expect(composed.document.count > 0)
        #expect(composed.document.text == stored.document)
        #expect(composed.document.text == composed.record.document)
        // Written in place, chunk by chunk: the stored bytes are the document's.
        let kept: String? = try tmp.store.read { db in try db.scalar("SELECT record_json FROM record_versions WHERE version = 1") }
        #expect(kept == composed.document.text)
    }

    @Test(arguments: StoreKind.allCases) func onlyOneDeviceKeepsEveryoneElsesRowsAndAnswers(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let all = Set(FixtureRun.site.devices.map(\.id))
        let v1 = try visit(tmp.store, devices: all, on: "2026-11-20").record
        #expect(v1.version == 1)
        try tmp.store.addAnswer(site: "acme-hq", month: "2026-11", key: "manual/grounding",
                                RecordAnswers.RowAnswer(result: .normal), by: "王芳")
        try tmp.store.addAnswer(site: "acme-hq", month: "2026-11", key: "nvr-1/disks",
                                RecordAnswers.RowAnswer(handling: "已更换 2 号硬盘", cleared: true), by: "王芳")

        let v2 = try visit(tmp.store, devices: ["nvr-1"], on: "2026-11-23",
                           report: FixtureRun.report(nvrDiskFails: false), technician: "李娜").record
        #expect(v2.version == 2)
        #expect(v2.devices.map(\.id) == FixtureRun.site.devices.map(\.id), "every device listed once")
        #expect(v2.devices.allSatisfy { $0.state != .notInspected })
        #expect(v2.devices.first { $0.id == "nvr-1" }?.inspectedOn == "2026-11-23")
        #expect(v2.devices.first { $0.id == "panel-1" }?.inspectedOn == "2026-11-20")
        #expect(v2.header.inspectionDates == ["2026-11-20", "2026-11-23"])
        #expect(v2.signOff.date == "2026-11-23")
        #expect(v2.header.technicians == ["张伟", "李娜", "王芳"])
        // The panel's rows are those of the first visit; the NVR's the second's.
        #expect(v2.rows.first { $0.key == "panel-1/battery" }?.result == .attention)
        #expect(v2.rows.first { $0.key == "nvr-1/disks" }?.result == .normal)
        // What a person wrote survives.
        let grounding = try #require(v2.rows.first { $0.key == "manual/grounding" })
        #expect(grounding.result == .normal && grounding.filledBy == "王芳")
        #expect(v2.rows.first { $0.key == "nvr-1/disks" }?.handling == "已更换 2 号硬盘")
        #expect(v2.rows.count == v1.rows.count)
        #expect(try tmp.store.versions(site: "acme-hq", month: "2026-11").map(\.version) == [1, 2])
    }

    @Test(arguments: StoreKind.allCases) func aDeviceNotYetInspectedIsListedAsNotInspectedNeverDropped(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let record = try visit(tmp.store, devices: ["panel-1", "nvr-1"], on: "2026-11-20").record
        let camera = try #require(record.devices.first { $0.id == "cam-lobby" })
        #expect(camera.state == .notInspected && camera.inspectedOn == nil)
        #expect(camera.note?.zh == "本月尚未检测")
        let row = try #require(record.rows.first { $0.key == "cam-lobby/not-inspected" })
        #expect(row.result == .notInspected)
        #expect(RecordPhrases.observed(row, lang: .zh) == "本月尚未检测")
        #expect(record.summary.devicesChecked == 2)
        #expect(record.summary.devicesNotInspected == 3)
        #expect(record.incomplete)
    }

    @Test(arguments: StoreKind.allCases) func anAnswerWhoseRowHasGoneIsKeptAndReported(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        try visit(tmp.store, devices: ["cam-dead"], on: "2026-11-20")
        try tmp.store.addAnswer(site: "acme-hq", month: "2026-11", key: "cam-dead/offline",
                                RecordAnswers.RowAnswer(handling: "更换了网线"), by: "王芳")
        // The camera comes back online: its offline row is gone, the answer stays in the history.
        let back = try visit(tmp.store, devices: ["cam-dead"], on: "2026-11-21", report: FixtureRun.report(deadCamera: false))
        #expect(back.orphanedAnswers == ["cam-dead/offline"])
        #expect(!back.record.rows.contains { $0.key == "cam-dead/offline" })
        #expect(try tmp.store.rowKeys(site: "acme-hq", month: "2026-11").contains("cam-dead/offline"),
                "a key that existed in the month is still a known key")
    }

    /// A run's devices bring their rows' keys with their inspections, and the version adds only
    /// the rest (checklist, not-inspected rows): together, every row the version has.
    @Test(arguments: StoreKind.allCases) func everyRowOfAVersionIsAKnownKey(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let (site, report, scrubber) = (FixtureRun.site, FixtureRun.report(), Scrubber(site: FixtureRun.site))
        let run = try tmp.store.beginRun(RunPlan(site: site, month: "2026-11", inspectedOn: "2026-11-20", technicians: ["张伟"],
                                                 devices: site.devices.map(\.id), startedAt: report.startedAt))
        let results = Dictionary(grouping: report.results, by: \.device)
        var current: [String: DeviceInspection] = [:]
        for outcome in report.devices.dropFirst() {  // one device left for the version to list as not inspected
            let stored = try tmp.store.commit([DeviceInspection(outcome: outcome, results: results[outcome.device] ?? [],
                                                                inspectedAt: report.startedAt)], run: run, scrubber: scrubber)
            current[outcome.device] = stored[0]
            let keys = try tmp.store.rowKeys(site: site.id, month: "2026-11")
            #expect(keys.isSuperset(of: RecordFiller.rowKeys(device: outcome.device, stored[0].outcome, stored[0].results)),
                    "committed with the inspection, before any version")
        }
        let composed = try tmp.store.storeNewVersion(site: site.id, month: "2026-11", run: run, filler: filler, current: current)
        let known = try tmp.store.rowKeys(site: site.id, month: "2026-11")
        let rows = composed.record.rows
        #expect(rows.contains { $0.key.hasPrefix("manual/") } && rows.contains { $0.key.hasSuffix("/not-inspected") })
        #expect(rows.contains { $0.key.hasSuffix("/offline") })
        #expect(Set(rows.map(\.key)).subtracting(known).isEmpty, "rows whose key the month does not know")
        // The rule the commit uses is the one the rows are made by.
        for (device, inspection) in current {
            #expect(RecordFiller.rowKeys(device: device, inspection.outcome, inspection.results)
                    == rows.filter { $0.deviceId == device }.map(\.key))
        }
    }

    @Test(arguments: StoreKind.allCases) func resumeInspectsOnlyWhatTheInterruptedRunLeft(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let site = FixtureRun.site
        let run = try tmp.store.beginRun(RunPlan(site: site, month: "2026-11", inspectedOn: "2026-11-20", technicians: [],
                                                 devices: ["panel-1", "nvr-1", "cam-lobby"], startedAt: FixtureRun.started))
        let report = FixtureRun.report()
        try tmp.store.commit(DeviceInspection(outcome: report.devices[0], results: [], inspectedAt: FixtureRun.started),
                             run: run, scrubber: Scrubber(site: site))
        // Killed here: never finished. What was committed is kept; --resume finds the rest.
        #expect(try tmp.store.unfinishedDevices(site: "acme-hq", month: "2026-11") == ["nvr-1", "cam-lobby"])
        try tmp.store.finishRun(run, finishedAt: FixtureRun.started, incomplete: false, exitStatus: .ok, notInspected: [])
        #expect(try tmp.store.unfinishedDevices(site: "acme-hq", month: "2026-11") == nil)
    }

    @Test(arguments: StoreKind.allCases) func aSignedVersionStaysSignedWhenALaterVersionIsMade(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let v1 = try visit(tmp.store, devices: ["panel-1"], on: "2026-11-20").record
        try tmp.store.sign(RecordSignature(siteId: "acme-hq", month: "2026-11", version: 1, signedBy: "王经理",
                                           signedOn: "2026-11-20", scanName: "signed.jpg", scan: Data([1, 2, 3])))
        #expect(throws: RecordError.self) {
            try tmp.store.sign(RecordSignature(siteId: "acme-hq", month: "2026-11", version: 1, signedBy: "x", signedOn: "2026-11-21"))
        }
        try visit(tmp.store, devices: ["nvr-1"], on: "2026-11-21")
        let signed = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11", version: 1))
        #expect(signed.signature?.signedBy == "王经理")
        #expect(signed.contentHash == v1.contentHash, "signing does not change the signed content")
        let current = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11"))
        #expect(current.version == 2 && current.signature == nil)
        #expect(try tmp.store.signatures(site: "acme-hq").map(\.version) == [1])
    }

    @Test func oneRunPerSiteMonthAndADeadRunsLockIsTakenOver() throws {
        let tmp = try TemporaryStore()
        // Held by a live process (this one), another run on this host is refused, naming it.
        try tmp.store.lockMonth(site: "acme-hq", month: "2026-11")
        #expect {
            try tmp.store.lockMonth(site: "acme-hq", month: "2026-11", pid: getpid() + 1)
        } throws: { error in
            "\(error)".contains("pid \(getpid())") && "\(error)".contains("another run")
        }
        try tmp.store.lockMonth(site: "acme-hq", month: "2026-12", pid: getpid() + 1)  // another month is free
        try tmp.store.unlockMonth(site: "acme-hq", month: "2026-11")
        // A lock left by a process that is gone is taken over, and said so.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try tmp.store.lockMonth(site: "acme-hq", month: "2026-11", pid: gone.processIdentifier)
        let stale = try tmp.store.lockMonth(site: "acme-hq", month: "2026-11")
        #expect(stale?.pid == gone.processIdentifier)
        // Another host's lock is never guessed dead.
        try tmp.store.lockMonth(site: "acme-hq", month: "2026-10", host: "laptop-7", pid: 1)
        #expect(throws: RecordError.self) { try tmp.store.lockMonth(site: "acme-hq", month: "2026-10") }
        #expect(try tmp.store.removeMonthLock(site: "acme-hq", month: "2026-10")?.host == "laptop-7")
    }

    @Test func theInspectionDateIsInsideItsMonthAndNotInTheFuture() throws {
        let now = FixtureRun.started  // 2026-11-20 in Shanghai
        let tz = FixtureRun.shanghai
        #expect(try Period.inspectionDate(nil, month: "2026-11", now: now, in: tz) == "2026-11-20")
        #expect(try Period.inspectionDate("2026-11-03", month: "2026-11", now: now, in: tz) == "2026-11-03")
        #expect(try Period.inspectionDate("2026-10-31", month: "2026-10", now: now, in: tz) == "2026-10-31")
        for (date, month) in [(nil, "2026-10"), ("2026-11-21", "2026-11"), ("2026-10-03", "2026-11"),
                              (nil, "2026-12"), ("2026-11-31", "2026-11"), ("20261103", "2026-11")] as [(String?, String)] {
            #expect(throws: RecordError.self, "\(date ?? "nil") for \(month)") {
                try Period.inspectionDate(date, month: month, now: now, in: tz)
            }
        }
    }
}
