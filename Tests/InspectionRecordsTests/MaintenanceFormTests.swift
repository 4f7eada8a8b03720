import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// The maintenance registration form (维护登记表) of a call-out, from a real store.
@Suite struct MaintenanceFormTests {
    let called = FixtureRun.started

    /// A store knowing the fixture site, with one call-out about the NVR and its probe results attached.
    func storeWithCallOut(arrivedAfter hours: Double?, _ kind: StoreKind = .sqlite) throws -> (TemporaryStore, Int64) {
        let tmp = try TemporaryStore(kind)
        try tmp.store.save(site: FixtureRun.site)
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", device: "nvr-1", calledAt: called, caller: "李经理",
                                                            reported: "录像机报警", responseZone: "ring-3", deadlineHours: 3))
        let results = FixtureRun.report().results.filter { $0.device == "nvr-1" }
        try tmp.store.attachEvidence(toLogEntry: id, results: results, device: "nvr-1", at: called.addingTimeInterval(1800))
        if let hours {
            try tmp.store.closeLogEntry(id, arrivedAt: called.addingTimeInterval(hours * 3600),
                                        resolvedAt: called.addingTimeInterval((hours + 1) * 3600), handling: "更换硬盘",
                                        technician: "张伟")
        }
        return (tmp, id)
    }

    @Test(arguments: StoreKind.allCases) func anOnTimeCallOutWithItsEvidence(_ kind: StoreKind) throws {
        let (tmp, id) = try storeWithCallOut(arrivedAfter: 1, kind)
        let form = try MaintenanceForm.load(store: tmp.store, entry: id)
        #expect(form.client == FixtureRun.site.client && form.site == "总部大楼 HQ building")
        #expect(form.device == "NVR 1" && form.location == "机房 Server room")
        #expect(form.verdict == .onTime)
        let evidence = try #require(form.evidence.first)
        #expect(evidence.device == "NVR 1")
        // Faults first: the failed disk leads the summary.
        #expect(evidence.lines.map(\.check.en) == ["Disk status", "CPU usage", "Clock deviation"])
        #expect(evidence.lines.map(\.result) == [.abnormal, .normal, .normal])
        #expect(evidence.more == 0)
    }

    /// One renderer for the office's documents: the form's JSON is its Codable form, and a table
    /// format is refused naming the document.
    @Test func theFormComesAsJSONAndNotAsCSV() throws {
        let (tmp, id) = try storeWithCallOut(arrivedAfter: 1)
        let form = try MaintenanceForm.load(store: tmp.store, entry: id)
        let json = try RecordRenderer().data(form, format: .json, lang: .zh)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["reported"] as? String == "录像机报警", "\(String(decoding: json, as: UTF8.self))")
        #expect(throws: RecordError("the maintenance form comes as html, md, pdf or json")) {
            try RecordRenderer().data(form, format: .csv, lang: .zh)
        }
    }

    @Test(arguments: Language.allCases, [RecordFormat.html, .markdown])
    func theFormShowsTheVerdictAndTheEvidenceSummary(lang: Language, format: RecordFormat) throws {
        let (tmp, id) = try storeWithCallOut(arrivedAfter: 4)
        let form = try MaintenanceForm.load(store: tmp.store, entry: id)
        #expect(form.verdict == .late)
        let text = try RecordRenderer().render(form, format: format, lang: lang, timeZone: FixtureRun.shanghai)
        let verdictLine = try #require(text.split(separator: "\n").first { $0.contains(lang == .zh ? "是否按时到场" : "Deadline met") })
        #expect(verdictLine.contains(lang == .zh ? "超时" : "Late"), "\(verdictLine)")
        #expect(text.contains("2026-11-20 13:00"), "arrive-by time")
        #expect(text.contains("2026-11-20 14:00"), "arrival time")
        #expect(text.contains(lang == .zh ? "硬盘状态" : "Disk status"))
        #expect(text.contains(lang == .zh ? "异常" : "Abnormal"))
        #expect(text.contains("录像机报警") && text.contains("李经理") && text.contains("更换硬盘") && text.contains("张伟"))
        #expect(!text.contains("SmartFailed") && !text.contains("1.3.6.1"), "no raw values on the form")
        #expect(!text.contains("nvr-1"), "the device's name, not its id")
        #expect(text.contains(lang == .zh ? "客户签字" : "Client"))
        if format == .html { #expect(text.contains("counter(page) \" / \" counter(pages)")) }
    }

    @Test(arguments: StoreKind.allCases) func anOpenCallOutIsNotArrivedThenLate(_ kind: StoreKind) throws {
        let (tmp, id) = try storeWithCallOut(arrivedAfter: nil, kind)
        let early = try MaintenanceForm.load(store: tmp.store, entry: id, now: called.addingTimeInterval(3600))
        #expect(early.verdict == .awaitingArrival)
        let text = try RecordRenderer().render(early, format: .markdown, lang: .zh)
        #expect(text.contains("| 是否按时到场 | **未到场** |"), "\(text)")
        #expect(text.contains("| 修复时间 | 未修复 |"))
        let late = try MaintenanceForm.load(store: tmp.store, entry: id, now: called.addingTimeInterval(4 * 3600))
        #expect(late.verdict == .late)
        #expect(try RecordRenderer().render(late, format: .markdown, lang: .zh).contains("| 到场时间 | 未到场 |"))
    }

    @Test(arguments: StoreKind.allCases) func theEvidenceSummaryStaysShort(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        let id = try tmp.store.addLogEntry(MaintenanceEntry(siteId: "acme-hq", calledAt: called, reported: "x"))
        let results = FixtureRun.report().results
        try tmp.store.attachEvidence(toLogEntry: id, results: results, at: called)
        let form = try MaintenanceForm.load(store: tmp.store, entry: id)
        let summary = try #require(form.evidence.first)
        #expect(summary.lines.count == MaintenanceForm.evidenceLines)
        #expect(summary.more == results.count - MaintenanceForm.evidenceLines)
        #expect(summary.lines.prefix(2).map(\.result) == [.abnormal, .abnormal])
        let text = try RecordRenderer().render(form, format: .markdown, lang: .zh)
        #expect(text.contains("另有 \(summary.more) 项"))
        #expect(form.verdict == .noDeadline)
        #expect(text.contains("合同未约定响应时限"))
    }

    @Test(arguments: StoreKind.allCases) func anUnknownEntryIsAnError(_ kind: StoreKind) throws {
        let tmp = try TemporaryStore(kind)
        #expect { try MaintenanceForm.load(store: tmp.store, entry: 7) } throws: { error in
            (error as? RecordError)?.message.contains("no entry 7") == true
        }
    }

    /// Like the quarterly report: a Chinese form has no Latin words beyond the client's and the profiles' data.
    @Test(arguments: [RecordFormat.html, .markdown])
    func aChineseFormHasNoEnglish(format: RecordFormat) throws {
        let (tmp, id) = try storeWithCallOut(arrivedAfter: 1)
        let form = try MaintenanceForm.load(store: tmp.store, entry: id)
        var text = try RecordRenderer().render(form, format: format, lang: .zh)
        text = text.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        // The profiles' own Chinese check titles count as data too ("CPU 使用率").
        let data = [form.client, form.site, form.address, form.contract, form.device, form.location].compactMap { $0 }
            + form.evidence.flatMap { $0.lines.map(\.check.zh) }
        for d in data.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: d, with: " ") }
        let latin = text.split(whereSeparator: { !$0.isASCII || !$0.isLetter }).filter { !$0.isEmpty }
        #expect(latin.isEmpty, "Latin words on the Chinese form: \(latin)")
    }
}
