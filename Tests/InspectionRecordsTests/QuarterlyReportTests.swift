import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// One client over two sites. Headquarters: October all well, November the dead camera and
/// the NVR's disk, December the NVR's disk again (recurring) with the camera back; the alarm
/// panel's battery is a warning every month (注意, not a fault). The depot: no October record,
/// and its back-door camera left out of both its runs (no data, never 0 %).
@Suite struct QuarterlyReportTests {
    static let depotCamera = "仓库后门摄像机 Depot back door camera"

    static func filled(_ month: String, deadCamera: Bool, disk: Bool, day: Double) throws -> (RunReport, MonthlyRecord) {
        let report = FixtureRun.report(started: FixtureRun.started.addingTimeInterval(day * 86_400), deadCamera: deadCamera,
                                       nvrDiskFails: disk)
        return (report, try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: month, technicians: ["张伟"]))
    }

    /// The depot's run: the fixture's devices under another site of the same client, without `cam-dead`.
    static func depot(_ month: String, day: Double) throws -> (RunReport, MonthlyRecord) {
        var report = FixtureRun.report(started: FixtureRun.started.addingTimeInterval(day * 86_400), deadCamera: false,
                                       nvrDiskFails: false)
        var site = FixtureRun.site
        site.id = "acme-depot"
        site.name = "物流仓库 Depot"
        site.address = "北京市大兴区 2 号"
        site.contract = "WB-2026-018"
        site.devices = site.devices.map { d in
            var d = d
            if d.id == "cam-dead" { d.name = depotCamera }
            return d
        }
        report.site = site
        report.results.removeAll { $0.device == "cam-dead" }
        report.devices.removeAll { $0.device == "cam-dead" }
        return (report, try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: month, technicians: ["张伟"]))
    }

    static func store(withDepot: Bool = false, _ kind: StoreKind = .sqlite) throws -> TemporaryStore {
        let tmp = try TemporaryStore(kind)
        for (month, dead, disk, day) in [("2026-10", false, false, -30.0), ("2026-11", true, true, 0), ("2026-12", false, true, 30)] {
            let (report, record) = try filled(month, deadCamera: dead, disk: disk, day: day)
            try tmp.store.save(run: report, record: record)
        }
        if withDepot {
            for (month, day) in [("2026-11", 1.0), ("2026-12", 31)] {
                let (report, record) = try depot(month, day: day)
                try tmp.store.save(run: report, record: record)
            }
        }
        return tmp
    }

    /// Call-outs: at headquarters one on time and one late; at the depot one not reached yet.
    static let called = FixtureRun.started
    static func addCallOuts(_ store: RecordStore) throws {
        let onTime = try store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "nvr-1", calledAt: called, caller: "李经理",
                                                            reported: "录像机报警", responseZone: "ring-3", deadlineHours: 3))
        try store.closeLogEntry(onTime, arrivedAt: called.addingTimeInterval(3600), resolvedAt: called.addingTimeInterval(7200),
                                handling: "更换硬盘", technician: "张伟")
        let late = try store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "cam-dead", calledAt: called.addingTimeInterval(600),
                                                          reported: "后门无图像", responseZone: "ring-3", deadlineHours: 3))
        try store.closeLogEntry(late, arrivedAt: called.addingTimeInterval(4 * 3600), resolvedAt: called.addingTimeInterval(5 * 3600),
                                handling: "更换电源", technician: "张伟")
        try store.addLogEntry(MaintenanceEntry(siteId: "acme-depot", device: "cam-dead", calledAt: called.addingTimeInterval(86_400),
                                               reported: "仓库后门无图像", responseZone: "ring-3", deadlineHours: 3))
    }

    @Test(arguments: StoreKind.allCases) func aggregatesTheThreeMonths(_ kind: StoreKind) throws {
        let tmp = try Self.store(kind)
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026q4")
        #expect(q.quarter == "2026Q4")
        #expect(q.client == FixtureRun.site.client)
        let hq = try #require(q.sites.first)
        #expect(hq.months.map(\.month) == ["2026-10", "2026-11", "2026-12"])
        #expect(hq.missingMonths.isEmpty)
        // The battery warning is attention every month, not a fault: October has none.
        #expect(hq.months.map(\.attention) == [1, 1, 1])
        #expect(hq.months[0].faultsFound == 0)
        #expect(hq.months[1].faultsFound > hq.months[2].faultsFound, "November adds the dead camera")
        #expect(hq.faultsFound == hq.months.map(\.faultsFound).reduce(0, +))
        #expect(q.faultsFound == hq.faultsFound)
        #expect(hq.clearedOnSite == 0)

        let camera = try #require(hq.devices.first { $0.deviceId == "cam-dead" })
        #expect(camera.device == "后门摄像机 Back door camera")
        #expect(camera.inspections == 3)
        #expect(camera.online == 2)
        #expect(abs((camera.availability ?? 0) - 2.0 / 3.0) < 1e-9)
        #expect(camera.monthly.map(\.answer) == [.online, .offline, .online])
        let panel = try #require(hq.devices.first { $0.deviceId == "panel-1" })
        #expect(panel.availability == 1)
        #expect(panel.abnormalMonths.isEmpty, "a warning is not a fault")

        // Only the NVR is recurring: the panel's battery warned in all three months.
        #expect(hq.recurring.map(\.deviceId) == ["nvr-1"])
        let nvr = try #require(hq.recurring.first)
        #expect(nvr.device == "NVR 1")
        #expect(nvr.months == ["2026-11", "2026-12"])
        #expect(nvr.items.map(\.en) == ["Disk status"])

        // Open: December's faults not cleared + its rows to check.
        #expect(hq.openItems.allSatisfy { $0.month == "2026-12" })
        #expect(hq.openItems.filter { $0.result == .abnormal }.map(\.key) == ["nvr-1/disks"])
        #expect(hq.openItems.contains { $0.key == "manual/grounding" && $0.result == .toCheck })
    }

    @Test(arguments: StoreKind.allCases) func oneClientOverTwoSites(_ kind: StoreKind) throws {
        let tmp = try Self.store(withDepot: true, kind)
        try Self.addCallOuts(tmp.store)
        let q = try QuarterlyReport.build(store: tmp.store, sites: ["acme-hq", "acme-depot"], quarter: "2026Q4",
                                          now: Self.called.addingTimeInterval(86_400 + 3600))
        #expect(q.sites.map(\.siteId) == ["acme-hq", "acme-depot"])
        let depot = q.sites[1]
        #expect(depot.site == "物流仓库 Depot")
        #expect(depot.contract == "WB-2026-018" && depot.address == "北京市大兴区 2 号")
        #expect(depot.missingMonths == ["2026-10"])
        #expect(depot.months.map(\.devicesNotInspected) == [1, 1])

        // Left out of both depot runs: no data, not 0 % of 0.
        let camera = try #require(depot.devices.first { $0.deviceId == "cam-dead" })
        #expect(camera.device == Self.depotCamera)
        #expect(camera.inspections == 0)
        #expect(camera.availability == nil)
        #expect(camera.monthly.map(\.answer) == [.noData, .noData, .noData])
        // October has no depot record: no data that month, and the two recorded months count alone.
        let panel = try #require(depot.devices.first { $0.deviceId == "panel-1" })
        #expect(panel.monthly.map(\.answer) == [.noData, .online, .online])
        #expect(panel.inspections == 2 && panel.availability == 1)
        #expect(depot.availability == 1, "the four devices inspected answered every time")
        #expect(q.sites[0].availability.map { $0 < 1 } == true, "headquarters' camera was offline once")

        #expect(q.faultsFound == q.sites[0].faultsFound + depot.faultsFound)
        #expect(q.callOuts.map(\.verdict) == [.onTime, .late, .awaitingArrival])
        #expect(q.callOuts.map(\.site) == ["总部大楼 HQ building", "总部大楼 HQ building", "物流仓库 Depot"])
        #expect(q.callOuts.map(\.device) == ["NVR 1", "后门摄像机 Back door camera", Self.depotCamera])
        #expect(q.onTimeCallOuts == 1 && q.lateCallOuts == 1)
        #expect(q.onTimeRate == 0.5, "the call-out not reached yet is not judged")

        // Three hours later the depot's call-out is late too.
        let later = try QuarterlyReport.build(store: tmp.store, sites: ["acme-hq", "acme-depot"], quarter: "2026Q4",
                                              now: Self.called.addingTimeInterval(86_400 + 4 * 3600))
        #expect(later.callOuts.last?.verdict == .late)
        #expect(later.onTimeRate.map { abs($0 - 1.0 / 3.0) < 1e-9 } == true)
    }

    @Test(arguments: StoreKind.allCases) func theStoreListsTheClientsAndTheirSites(_ kind: StoreKind) throws {
        let tmp = try Self.store(withDepot: true, kind)
        #expect(try tmp.store.clients() == [FixtureRun.site.client])
        #expect(try tmp.store.siteIds(ofKnownClient: FixtureRun.site.client) == ["acme-depot", "acme-hq"])
        #expect { try tmp.store.siteIds(ofKnownClient: "安盛物业 Acme Propety") } throws: { error in
            let m = (error as? RecordError)?.message ?? ""
            return m.contains("did you mean '\(FixtureRun.site.client)'")
        }
    }

    @Test(arguments: StoreKind.allCases) func sitesOfDifferentClientsAreRefused(_ kind: StoreKind) throws {
        let tmp = try Self.store(kind)
        var other = FixtureRun.site
        other.id = "other"
        other.client = "别的客户"
        try tmp.store.save(site: other)
        #expect { try QuarterlyReport.build(store: tmp.store, sites: ["acme-hq", "other"], quarter: "2026Q4") } throws: { error in
            (error as? RecordError)?.message.contains("different clients") == true
        }
    }

    @Test(arguments: StoreKind.allCases) func theCurrentVersionOfAMonthCounts(_ kind: StoreKind) throws {
        let tmp = try Self.store(kind)
        let nov = try #require(try tmp.store.record(site: "acme-hq", month: "2026-11"))
        let fixed = try nov.applying(RecordAnswers(rows: ["nvr-1/disks": .init(handling: "更换硬盘", cleared: true)]), by: "张伟")
        try tmp.store.saveEdited(fixed, editedBy: "张伟")
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q4")
        #expect(q.sites[0].months[1].version == 2)
        #expect(q.clearedOnSite == 1)
    }

    @Test(arguments: StoreKind.allCases) func missingMonthsAndCallOutsAreReported(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let (report, record) = try Self.filled("2026-11", deadCamera: true, disk: false, day: 0)
        try tmp.store.save(run: report, record: record)
        let called = FixtureRun.started
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "cam-dead", calledAt: called,
                                                            reported: "后门无图像", responseZone: "ring-3", deadlineHours: 3))
        try tmp.store.closeLogEntry(id, arrivedAt: called.addingTimeInterval(4 * 3600),
                                    resolvedAt: called.addingTimeInterval(5 * 3600), handling: "更换电源", technician: "张伟")
        let q = try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q4")
        #expect(q.sites[0].missingMonths == ["2026-10", "2026-12"])
        #expect(q.callOuts.count == 1)
        #expect(q.lateCallOuts == 1)
        #expect(q.onTimeRate == 0)
        #expect(q.sites[0].recurring.isEmpty)
    }

    @Test(arguments: [RecordFormat.html, .markdown], Language.allCases)
    func rendersNamesVerdictsAndNoData(format: RecordFormat, lang: Language) throws {
        let tmp = try Self.store(withDepot: true)
        try Self.addCallOuts(tmp.store)
        let q = try QuarterlyReport.build(store: tmp.store, sites: ["acme-hq", "acme-depot"], quarter: "2026Q4",
                                          now: Self.called.addingTimeInterval(30 * 86_400))
        let text = try RecordRenderer().render(q, format: format, lang: lang, timeZone: FixtureRun.shanghai)
        for site in q.sites {
            for d in site.devices { #expect(text.contains(d.device)) }
        }
        #expect(!text.contains("cam-dead") && !text.contains("acme-hq"), "device and site ids stay off the page")
        #expect(text.contains(lang == .zh ? "重复故障" : "Recurring faults"))
        #expect(text.contains("67 %"))
        let depotCameraLine = try #require(text.split(separator: "\n").first { $0.contains(Self.depotCamera) })
        #expect(depotCameraLine.contains(lang == .zh ? "无数据" : "no data"), "\(depotCameraLine)")
        #expect(!depotCameraLine.contains("0 %"))
        let hqCameraLine = try #require(text.split(separator: "\n").first { $0.contains("后门摄像机 Back door camera") && $0.contains("67 %") })
        #expect(hqCameraLine.contains(lang == .zh ? "离线" : "Offline"), "\(hqCameraLine)")
        #expect(text.contains("2026-10") && text.contains("2026-12"))
        let callLines = text.split(separator: "\n").filter { $0.contains("录像机报警") || $0.contains("后门无图像") }
        #expect(callLines.count == 3)
        #expect(callLines[0].contains(lang == .zh ? "按时" : "On time"), "\(callLines[0])")
        #expect(callLines[1].contains(lang == .zh ? "超时" : "Late"), "\(callLines[1])")
        #expect(text.contains(lang == .zh ? "2026年第4季度" : "2026Q4"))
        #expect(text.contains(lang == .zh ? "本月无检测记录" : "no record for this month"))
        #expect(text.contains("WB-2026-017") && text.contains("WB-2026-018"))
        #expect(text.contains(lang == .zh ? "客户盖章" : "Company stamp"))
        if format == .html { #expect(text.contains("counter(page) \" / \" counter(pages)")) }
    }

    /// A Chinese page has no Latin words of its own: what remains after the client's data
    /// (names, addresses, contracts, content hashes) and the markup are taken out is Chinese.
    @Test(arguments: [RecordFormat.html, .markdown])
    func aChinesePageHasNoEnglish(format: RecordFormat) throws {
        let tmp = try Self.store(withDepot: true)
        try Self.addCallOuts(tmp.store)
        let q = try QuarterlyReport.build(store: tmp.store, sites: ["acme-hq", "acme-depot"], quarter: "2026Q4")
        var text = try RecordRenderer().render(q, format: format, lang: .zh, timeZone: FixtureRun.shanghai)
        text = text.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        var data: [String] = [q.client]
        for s in q.sites {
            data += [s.site, s.address ?? "", s.contract ?? ""]
            data += s.devices.map(\.device) + s.openItems.map(\.device)
        }
        for d in data.sorted(by: { $0.count > $1.count }) where !d.isEmpty { text = text.replacingOccurrences(of: d, with: " ") }
        text = text.replacingOccurrences(of: "`?[0-9a-f]{12}`?", with: " ", options: .regularExpression)
        let latin = text.split(whereSeparator: { !$0.isASCII || !$0.isLetter }).filter { !$0.isEmpty }
        #expect(latin.isEmpty, "Latin words on the Chinese page: \(latin)")
    }

    @Test(arguments: StoreKind.allCases) func anUnknownSiteOrBadQuarterIsAnError(_ kind: StoreKind) throws {
        let tmp = try Self.store(kind)
        #expect { try QuarterlyReport.build(store: tmp.store, site: "acme-hg", quarter: "2026Q4") } throws: { error in
            (error as? RecordError)?.message.contains("did you mean 'acme-hq'") == true
        }
        #expect(throws: RecordError.self) { try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2026Q5") }
        #expect(try Period.months(ofQuarter: "2027Q1") == ["2027-01", "2027-02", "2027-03"])
    }

    /// A known site with no record in the quarter used to give an empty report (and exit 0).
    @Test(arguments: StoreKind.allCases) func aQuarterWithNoRecordIsAnError(_ kind: StoreKind) throws {
        let tmp = try Self.store(withDepot: true, kind)
        #expect(try tmp.store.site(id: "acme-hq") != nil, "the site is known to the store")
        #expect { try QuarterlyReport.build(store: tmp.store, site: "acme-hq", quarter: "2027Q1") } throws: { error in
            let m = (error as? RecordError)?.message ?? ""
            return m.contains("no inspection recorded") && m.contains("acme-hq") && m.contains("2027Q1")
        }
        #expect(throws: RecordError.self) {
            try QuarterlyReport.build(store: tmp.store, sites: ["acme-hq", "acme-depot"], quarter: "2027Q1")
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
