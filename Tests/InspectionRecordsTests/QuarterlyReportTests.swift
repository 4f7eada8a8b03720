import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// Three fixture months: October all well, November the dead camera and the NVR's disk,
/// December the NVR's disk again (recurring) with the camera back.
@Suite struct QuarterlyReportTests {
    static func filled(_ month: String, deadCamera: Bool, disk: Bool, day: Double) throws -> (RunReport, MonthlyRecord) {
        let report = FixtureRun.report(started: FixtureRun.started.addingTimeInterval(day * 86_400), deadCamera: deadCamera,
                                       nvrDiskFails: disk)
        return (report, try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: month, technicians: ["张伟"]))
    }

    static func store() throws -> TemporaryStore {
        let tmp = try TemporaryStore()
        for (month, dead, disk, day) in [("2026-10", false, false, -30.0), ("2026-11", true, true, 0), ("2026-12", false, true, 30)] {
            let (report, record) = try filled(month, deadCamera: dead, disk: disk, day: day)
            try tmp.store.save(run: report, record: record)
        }
        return tmp
    }

    @Test func aggregatesTheThreeMonths() throws {
        let tmp = try Self.store()
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026q4")
        #expect(q.quarter == "2026Q4")
        #expect(q.months.map(\.month) == ["2026-10", "2026-11", "2026-12"])
        #expect(q.missingMonths.isEmpty)
        // battery warn every month (3) + disk (Nov, Dec) + dead camera (Nov)
        #expect(q.months.map(\.faultsFound) == [1, 3, 2])
        #expect(q.faultsFound == 6)
        #expect(q.clearedOnSite == 0)

        let camera = try #require(q.devices.first { $0.deviceId == "cam-dead" })
        #expect(camera.inspections == 3)
        #expect(camera.online == 2)
        #expect(abs(camera.availability - 2.0 / 3.0) < 1e-9)
        let panel = try #require(q.devices.first { $0.deviceId == "panel-1" })
        #expect(panel.availability == 1)
        #expect(panel.abnormalMonths == ["2026-10", "2026-11", "2026-12"])

        #expect(q.recurring.map(\.deviceId) == ["panel-1", "nvr-1"])
        let nvr = try #require(q.recurring.first { $0.deviceId == "nvr-1" })
        #expect(nvr.months == ["2026-11", "2026-12"])
        #expect(nvr.items.map(\.en) == ["Disk status"])
        #expect(!q.recurring.contains { $0.deviceId == "cam-dead" })

        // Open: December's faults not cleared + its rows to check.
        #expect(q.openItems.allSatisfy { $0.month == "2026-12" })
        #expect(q.openItems.filter { $0.result == .abnormal }.map(\.key) == ["panel-1/battery", "nvr-1/disks"])
        #expect(q.openItems.contains { $0.key == "manual/grounding" && $0.result == .toCheck })
    }

    @Test func theCurrentVersionOfAMonthCounts() throws {
        let tmp = try Self.store()
        let nov = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11"))
        let fixed = try nov.applying(RecordAnswers(rows: ["nvr-1/disks": .init(handling: "更换硬盘", cleared: true)]), by: "张伟")
        try tmp.store.saveEdited(fixed, editedBy: "张伟")
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q4")
        #expect(q.months[1].version == 2)
        #expect(q.clearedOnSite == 1)
    }

    @Test func missingMonthsAndCallOutsAreReported() throws {
        let tmp = try TemporaryStore()
        let (report, record) = try Self.filled("2026-11", deadCamera: true, disk: false, day: 0)
        try tmp.store.save(run: report, record: record)
        let called = FixtureRun.started
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "cam-dead", calledAt: called,
                                                            reported: "后门无图像", responseZone: "ring-3", deadlineHours: 3))
        try tmp.store.closeLogEntry(id, arrivedAt: called.addingTimeInterval(4 * 3600),
                                    resolvedAt: called.addingTimeInterval(5 * 3600), handling: "更换电源", technician: "张伟")
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q4")
        #expect(q.missingMonths == ["2026-10", "2026-12"])
        #expect(q.callOuts.count == 1)
        #expect(q.overdueCallOuts == 1)
        #expect(q.recurring.isEmpty)
    }

    @Test(arguments: [RecordFormat.html, .markdown], Language.allCases)
    func rendersWithEveryDeviceAndTheRecurringFaults(format: RecordFormat, lang: Language) throws {
        let tmp = try Self.store()
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q4")
        let text = try RecordRenderer().render(q, format: format, lang: lang, timeZone: FixtureRun.shanghai)
        for d in q.devices { #expect(text.contains(d.deviceId)) }
        #expect(text.contains(lang == .zh ? "重复故障" : "Recurring faults"))
        #expect(text.contains("67 %"))
        #expect(text.contains("2026-11、2026-12") || text.contains("2026-11, 2026-12"))
    }

    @Test func anUnknownSiteOrBadQuarterIsAnError() throws {
        let tmp = try Self.store()
        #expect(throws: RecordError.self) { try QuarterlyReport.build(store: tmp.store, site: "nowhere", quarter: "2026Q4") }
        #expect(throws: RecordError.self) { try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q5") }
        #expect(try Period.months(ofQuarter: "2027Q1") == ["2027-01", "2027-02", "2027-03"])
    }

    /// A known site with no record in the quarter used to give an empty report (and exit 0).
    @Test func aQuarterWithNoRecordIsAnError() throws {
        let tmp = try Self.store()
        #expect(try tmp.store.site(id: "acme-hq") != nil, "the site is known to the store")
        #expect { try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2027Q1") } throws: { error in
            let m = (error as? RecordError)?.message ?? ""
            return m.contains("no inspection recorded") && m.contains("acme-hq") && m.contains("2027Q1")
        }
    }

    @Test(arguments: ["2026QQ4", "2026Q0", "2026Q5", "26Q4", "2026Q4x", "Q4", "+026Q4", "2026-Q4", ""])
    func malformedQuartersAreRefused(quarter: String) {
        #expect(throws: RecordError.self) { try Period.validateQuarter(quarter) }
    }

    @Test(arguments: ["26-11", "2026-13", "2026-00", "2026-+1", "2026-1", "2026/11", "+026-11", "2026-11-01", "", "2026-1a"])
    func malformedMonthsAreRefused(month: String) {
        #expect(throws: RecordError.self) { try Period.validateMonth(month) }
    }

    @Test func wellFormedPeriodsPass() throws {
        try Period.validateMonth("2026-11")
        try Period.validateMonth("2027-01")
        try Period.validateQuarter("2026Q4")
        try Period.validateQuarter("2026q1")
    }
}
