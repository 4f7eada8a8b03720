import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// A community in an endpoint URL must never reach a record, a rendering or the store.
@Suite struct CredentialTests {
    @Test func noRenderingContainsTheCommunity() throws {
        var report = FixtureRun.report()
        // Even if a probe leaked it into evidence, the filler scrubs it.
        report.results[3].evidence.append("community \(FixtureRun.community) used")
        let record = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: [])
        for format in RecordFormat.allCases {
            for lang in Language.allCases {
                let text = format == .pdf ? try PaperTests.pdfText(record, lang: lang)
                                          : try RecordRenderer.render(record, format: format, lang: lang)
                #expect(!text.contains(FixtureRun.community), "\(format) \(lang) leaks the community")
            }
        }
        #expect(record.evidence.contains { $0.lines.contains("community *** used") })
        #expect(record.devices.first { $0.id == "nvr-1" }?.endpoint == "snmp://***@127.0.0.1:16161?version=2c")
    }

    @Test func theStoreFileNeverHoldsTheCommunity() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("checkup.sqlite").path
        let store = try RecordStore(path: path)
        var report = FixtureRun.report()
        report.results[3].evidence.append("community \(FixtureRun.community) used")
        let record = try RecordFiller(timeZone: FixtureRun.shanghai).fill(report: report, month: "2026-11", technicians: [])
        report.devices[4].exchanges.append(Exchange(.sent, "community=\(FixtureRun.community)"))
        try store.save(run: report, record: record, secrets: ["credentials-file-passphrase"])
        #expect(try store.site(id: "acme-hq")?.devices.count == 5)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        var bytes = Data()
        for f in files { bytes += (try? Data(contentsOf: dir.appendingPathComponent(f))) ?? Data() }
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(FixtureRun.community.utf8)) == nil)
        #expect(bytes.range(of: Data("acme-hq".utf8)) != nil)
    }
}
