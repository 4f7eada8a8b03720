import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

@Suite struct FillerTests {
    let record = FixtureRun.record()

    @Test func everyResultOfAReachableDeviceBecomesItsRow() {
        let keys = Set(record.rows.map(\.key))
        for r in FixtureRun.report().results where r.device != "cam-dead" {
            #expect(keys.contains("\(r.device)/\(r.check)"), "no row for \(r.device)/\(r.check)")
        }
        // A warning is attention (注意), not a fault.
        #expect(record[.centralControl].rows.first { $0.key == "panel-1/battery" }?.result == .attention)
        #expect(record[.centralControl].rows.first { $0.key == "panel-1/mains" }?.result == .normal)
        #expect(record[.systemFunctions].rows.contains { $0.key == "nvr-1/clock" })
    }

    @Test func anUnreachableDeviceIsOneAbnormalOfflineRow() throws {
        let rows = record.rows.filter { $0.deviceId == "cam-dead" }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.key == "cam-dead/offline")
        #expect(row.result == .abnormal)
        #expect(row.observed.contains("timeout"), "the probe's words stay for the evidence")
        #expect(RecordPhrases.observed(row, lang: .zh) == "设备离线：1 秒内无应答", "waited 600 ms, in the client's words")
        #expect(RecordPhrases.observed(row, lang: .en) == "device offline: no answer within 1 s")
        #expect(record.devices.first { $0.id == "cam-dead" }?.state == .unreachable)
    }

    @Test func defaultChecklistRowsAreToCheckInTheirSections() {
        let cabling = record[.cabling].rows
        #expect(cabling.map(\.key) == ["manual/cable-quality", "manual/grounding", "manual/shielding", "manual/joints"])
        #expect(cabling.allSatisfy { $0.result == .toCheck && $0.source == .manual })
        #expect(cabling.contains { $0.item.zh == "防雷接地" })
        #expect(record[.centralControl].rows.contains { $0.item.zh == "回放清晰度" })
        #expect(record[.centralControl].rows.contains { $0.item.zh == "矩阵切换主机" })
    }

    @Test func aProfileManualCheckStandsInForTheSameChecklistItem() {
        let lenses = record[.frontEnd].rows.filter { $0.item.en == "Lenses" }
        #expect(lenses.map(\.key) == ["cam-lobby/lens"])
        #expect(lenses.first?.instruction?.zh.contains("目视检查") == true)
    }

    @Test func evidenceIsNumberedInFormOrder() {
        let refs = record.rows.compactMap(\.evidenceRef)
        #expect(refs == (1...refs.count).map { "E\($0)" })
        #expect(record.evidence.map(\.ref) == refs)
        #expect(record.rows.first { $0.key == "ptz-gate/pan-test" }?.evidenceRef == nil)
    }

    /// Devices are made in chunks on every core (256 a chunk): 750 devices, in three chunks,
    /// join in inventory order, with evidence numbered in form order and each ref its own row's.
    @Test func aSiteOfManyChunksKeepsInventoryOrderAndFormOrderEvidence() throws {
        let base = FixtureRun.report()
        var site = try #require(base.site)
        let one = site.devices
        site.devices = (0..<150).flatMap { n in one.map { var d = $0; d.id += "-\(n)"; return d } }
        let devices = (0..<150).flatMap { n in base.devices.map { var o = $0; o.device += "-\(n)"; return o } }
        let results = (0..<150).flatMap { n in base.results.map { var r = $0; r.device += "-\(n)"; return r } }
        let report = RunReport(site: site, startedAt: base.startedAt, finishedAt: base.finishedAt, incomplete: false,
                               devices: devices, results: results)
        let big = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: ["张伟"])
        #expect(big.devices.map(\.id) == site.devices.map(\.id))
        let cameras = big[.frontEnd].rows.compactMap(\.deviceId)
        let inventoryOrder = Dictionary(uniqueKeysWithValues: site.devices.enumerated().map { ($1.id, $0) })
        #expect(cameras.map { inventoryOrder[$0]! } == cameras.map { inventoryOrder[$0]! }.sorted())
        let refs = big.rows.compactMap(\.evidenceRef)
        #expect(refs.count == 150 * record.rows.compactMap(\.evidenceRef).count)
        #expect(refs == (1...refs.count).map { "E\($0)" })
        #expect(big.evidence.map(\.ref) == refs)
        let entryDevice = Dictionary(uniqueKeysWithValues: big.evidence.map { ($0.ref, $0.deviceId) })
        #expect(big.rows.allSatisfy { row in row.evidenceRef.map { entryDevice[$0] == row.deviceId } ?? true })
    }

    @Test func aSiteChecklistReplacesTheDefault() throws {
        var report = FixtureRun.report()
        report.site?.manualChecklist = [ManualItem(id: "fence", section: .cabling, item: LocalizedText(zh: "围栏", en: "Fence"))]
        let r = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: [])
        #expect(r[.cabling].rows.map(\.key) == ["manual/fence"])
        #expect(!r.rows.contains { $0.key == "manual/grounding" })
    }

    @Test func fallbackSectionByDeviceKindWithoutMapping() throws {
        var report = FixtureRun.report()
        report.results = report.results.map { var r = $0; r.record = nil; return r }
        let r = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: [])
        #expect(r[.frontEnd].rows.contains { $0.key == "ptz-gate/query-position" && $0.item.zh == "云台解码器" })
        #expect(r[.centralControl].rows.contains { $0.key == "panel-1/mains" && $0.item.zh == "报警主机" })
    }

    @Test func summaryCountsFaultsAndRowsToCheck() {
        let s = record.summary
        #expect(s.devicesChecked == 5)
        #expect(s.devicesOffline == 1)
        // disks fail + dead camera; the battery warning is counted apart
        #expect(s.faultsFound == 2)
        #expect(s.attention == 1)
        #expect(s.clearedOnSite == 0)
        #expect(s.pending == 2)
        // default items, less "lenses" (the camera profile's own lens row stands in), + lens + pan test (skipped)
        #expect(s.toCheck == DefaultChecklist.items.count - 1 + 2)
        #expect(s.rows == record.rows.count)
    }

    @Test func rowsAreNumberedPerSectionAndHeaderIsFilled() {
        for table in record.sections {
            #expect(table.rows.map(\.number) == Array(1...max(1, table.rows.count)).prefix(table.rows.count).map { $0 })
        }
        #expect(record.sections.map(\.section) == RecordSection.allCases)
        #expect(record.header.period == "2026-11")
        #expect(record.header.inspectionDates == ["2026-11-20"])
        #expect(record.header.technicians == ["张伟", "Li Na"])
        #expect(record.header.client == "安盛物业 Acme Property")
    }

    @Test func aDeviceLeftOutMakesTheRecordIncomplete() throws {
        var report = FixtureRun.report()
        report.devices.removeAll { $0.device == "ptz-gate" }
        report.results.removeAll { $0.device == "ptz-gate" }
        let r = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: [])
        #expect(r.incomplete)
        #expect(r.devices.first { $0.id == "ptz-gate" }?.state == .notInspected)
        #expect(!FixtureRun.record().incomplete)
    }

    @Test(arguments: ["2026-13", "26-11", "2026/11", ""])
    func aBadMonthIsRefused(month: String) {
        #expect(throws: RecordError.self) {
            try RecordFiller().fill(report: FixtureRun.report(), month: month, technicians: [])
        }
    }
}
