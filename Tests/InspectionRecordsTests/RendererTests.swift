import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct RendererTests {
    let record = FixtureRun.record()

    @Test(arguments: [RecordFormat.html, .markdown, .csv], Language.allCases)
    func goldenRendering(format: RecordFormat, lang: Language) throws {
        let text = try RecordRenderer.render(record, format: format, lang: lang)
        try Golden.check("record.\(lang.rawValue).\(format.fileExtension)", text)
    }

    /// The bundled forms print their long lists from partials on every core (`RenderedList`), each
    /// item's view made as its chunk is printed: each list is byte for byte the `{{#list}}`
    /// section of the same partial over the views a company's template reads, over many chunks.
    @Test(arguments: ["record.html", "record.md"], Language.allCases)
    func aPrintedListIsTheSectionItStandsFor(page: String, lang: Language) throws {
        var large = FixtureRun.record()
        let copies = 3 * RenderedList.chunk / max(1, large.devices.count) + 1
        large.devices = Array(repeating: large.devices, count: copies).flatMap { $0 }
        large.sections[0].rows = Array(repeating: large.sections[0].rows, count: 3 * RenderedList.chunk).flatMap { $0 }
        let set = try TemplateSet.bundled()
        let printed = RecordView.context(large, lang: lang, lists: try RecordView.Lists(set, page: page))
        var own = try RecordView.Lists(set, page: page)
        own.onlyPrinted = false  // as for a company's page
        let views = RecordView.context(large, lang: lang, lists: own)
        #expect(printed["sections"].flatMap { ($0 as? [[String: Any]])?.first?["rows"] } == nil, "no views held for the bundled page")
        let (suffix, contentType) = page == "record.md" ? ("MD", "MARKDOWN") : ("HTML", "HTML")
        func body(_ partial: String) throws -> String {
            let text = try String(contentsOf: set.folder!.appendingPathComponent("\(page).\(partial).mustache"), encoding: .utf8)
            return String(text.drop { $0 != "\n" }.dropFirst())  // after its content-type line
        }
        func rendered(_ template: String, _ context: [String: Any]) throws -> String {
            var own = set
            own.templates[page] = try TemplateSet.parse(Array(("{{% CONTENT_TYPE: \(contentType)}}\n" + template).utf8), origin: "test")
            return try own.render(page, context)
        }
        let devices = try rendered("{{{devices\(suffix)}}}", printed)
        #expect(devices == (try rendered("{{#devices}}\n\(try body("device")){{/devices}}\n", views)))
        #expect(devices == (try rendered("{{{devices\(suffix)}}}", views)))
        let rows = try rendered("{{#sections}}\n{{{rows\(suffix)}}}|{{/sections}}\n", printed)
        #expect(rows == (try rendered("{{#sections}}\n{{#rows}}\n\(try body("row")){{/rows}}\n|{{/sections}}\n", views)))
        let evidence = try rendered("{{{evidenceDevices\(suffix)}}}", printed)
        #expect(evidence == (try rendered("{{#evidenceDevices}}\n\(try body("evidence-device")){{/evidenceDevices}}\n", views)))
        if page == "record.md" {
            #expect(devices.split(separator: "\n").count == large.devices.count)
            #expect(rows.split(separator: "\n").filter { $0.drop { $0 == "|" }.hasPrefix(" ") }.count == large.rows.count)
            #expect(evidence.components(separatedBy: "- **E1**").count - 1 == copies)
        } else {
            #expect(devices.components(separatedBy: "<tr class=\"device").count - 1 == large.devices.count)
            #expect(rows.components(separatedBy: "<tr class=\"row").count - 1 == large.rows.count)
            #expect(evidence.components(separatedBy: "<tr id=\"E1\"").count - 1 == copies)
        }
    }

    /// A company's own Markdown record loops over the views itself: every device and row is there.
    @Test func aCompanysMarkdownRecordReadsTheViews() throws {
        var set = try TemplateSet.bundled()
        set.templates["record.md"] = try TemplateSet.parse(Array("""
            {{% CONTENT_TYPE: MARKDOWN}}
            {{#devices}}
            - {{name}}{{^offline}} ok{{/offline}}
            {{/devices}}
            {{#sections}}{{#rows}}{{number}};{{/rows}}{{/sections}}
            {{#evidence}}{{ref}} {{/evidence}}
            """.utf8), origin: "company.md")
        let text = try RecordRenderer(templates: set).render(record, format: .markdown, lang: .zh)
        for device in record.devices { #expect(text.contains("- \(device.name)")) }
        let numbers = record.sections.flatMap { $0.rows.map { "\($0.number);" } }.joined()
        #expect(text.contains(numbers) && !numbers.isEmpty)
        #expect(text.contains(record.evidence.map { "\($0.ref) " }.joined()) && !record.evidence.isEmpty)
    }

    @Test func goldenJSON() throws {
        try Golden.check("record.json", try RecordRenderer.render(record, format: .json, lang: .zh))
    }

    @Test func jsonNamesEveryDeviceAndAllFourSections() throws {
        let text = try RecordRenderer.render(record, format: .json, lang: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "checkup.monthly-record")
        #expect(object["content_hash"] as? String == record.contentHash)
        #expect(object["version"] as? Int == 2)
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["section"] as? String } == ["front-end", "cabling", "central-control", "system-functions"])
        let devices = try #require(object["devices"] as? [[String: Any]])
        #expect(Set(devices.compactMap { $0["id"] as? String }) == Set(FixtureRun.site.devices.map(\.id)))
        let rows = sections.flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }
        #expect(rows.count == record.rows.count)
        #expect(rows.allSatisfy { $0["result"] is String && $0["key"] is String && $0["source"] is String })
    }

    @Test(arguments: Language.allCases)
    func csvParsesBackToEveryRow(lang: Language) throws {
        let text = try RecordRenderer.render(record, format: .csv, lang: lang)
        #expect(text.hasPrefix("\u{FEFF}"))
        let table = CSVTable.parse(text)
        #expect(table.count == record.rows.count + 1)
        let header = table[0]
        #expect(table.allSatisfy { $0.count == header.count })
        let result = try #require(header.firstIndex(of: lang == .zh ? "检测结果" : "Result"))
        let observed = try #require(header.firstIndex(of: lang == .zh ? "实测值" : "Observed"))
        for (line, row) in zip(table.dropFirst(), record.rows) {
            #expect(line[result] == row.result.title.text(lang))
            #expect(line[observed] == RecordPhrases.observed(row, lang: lang))
        }
        #expect(table.dropFirst().filter { $0[result] == (lang == .zh ? "异常" : "Abnormal") }.count == record.summary.faultsFound)
    }

    @Test func csvQuotesCommasQuotesAndNewlines() {
        let field = "a, \"b\"\nc"
        let escaped = CSVTable.escape(field)
        #expect(escaped == "\"a, \"\"b\"\"\nc\"")
        #expect(CSVTable.parse("x," + escaped + "\r\n") == [["x", field]])
    }

    /// Text from devices or people that a spreadsheet would run as a formula opens as text
    /// (a leading `'`, OWASP); plain signed numbers stay numbers.
    @Test(arguments: [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
                      ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
                      ("-3.5", "-3.5"), ("+12", "+12"), ("-0.25", "-0.25"), ("42", "42"), ("a=b", "a=b"), ("-", "'-"),
                      ("-1.2.3", "'-1.2.3")])
    func csvNeutralisesFormulas(field: String, expected: String) {
        #expect(CSVTable.parse("x," + CSVTable.escape(field) + "\r\n") == [["x", expected]])
    }

    @Test func csvOfARecordWithAFormulaInItsText() throws {
        var tampered = record
        let s = try #require(tampered.sections.indices.first { !tampered.sections[$0].rows.isEmpty })
        tampered.sections[s].rows[0].observed = "=cmd|'/C calc'!A0"
        tampered.sections[s].rows[0].handling = "@SUM(1+1)"
        let table = CSVTable.parse(try RecordRenderer.render(tampered, format: .csv, lang: .en))
        let observed = try #require(table[0].firstIndex(of: "Observed"))
        let handling = try #require(table[0].firstIndex(of: "Handling"))
        #expect(table[1][observed] == "'=cmd|'/C calc'!A0")
        #expect(table[1][handling] == "'@SUM(1+1)")
        #expect(!table.joined().contains { $0.first == "=" || $0.first == "@" })
    }

    @Test func zhHTMLParsesAndShowsEveryRow() throws {
        let html = try RecordRenderer.render(record, format: .html, lang: .zh)
        let doc = try XMLDocument(data: Data(html.utf8), options: [.documentTidyHTML])
        let rows = try doc.nodes(forXPath: "//tr[contains(@class, 'row')]") as? [XMLElement] ?? []
        #expect(rows.count == record.rows.count)
        let keys = rows.compactMap { $0.attribute(forName: "data-key")?.stringValue }
        #expect(keys == record.rows.map(\.key))
        for (element, row) in zip(rows, record.rows) {
            let cells = element.elements(forName: "td")
            #expect(cells.count == 7)
            #expect(cells[5].stringValue?.hasSuffix(row.result.title.zh) == true)
            #expect(element.attribute(forName: "class")?.stringValue?.contains(row.result.rawValue) == true)
        }
        let results = rows.map { $0.elements(forName: "td")[5].stringValue ?? "" }
        #expect(results.contains("正常"))
        #expect(results.contains("◆ 异常"))
        #expect(results.contains("▲ 注意"))
        #expect(results.contains("待检"))
        let cabling = try doc.nodes(forXPath: "//section[@id='section-cabling']//h2")
        #expect(cabling.first?.stringValue?.contains("管线") == true)
        let signatures = try doc.nodes(forXPath: "//table[@id='sign-off']//td[contains(@class, 'signature')]")
        #expect(signatures.count == 3)
        #expect(signatures.first?.stringValue?.contains("检测人员签字") == true)
        #expect(html.contains(record.contentHash))
        #expect(html.contains("v2"))
        #expect(html.contains("tr.abnormal td { background"))
        let appendix = try doc.nodes(forXPath: "//table[contains(@class, 'evidence')]//tr[@id]")
        #expect(appendix.count == record.evidence.count)
    }

    @Test func enHTMLUsesEnglishLabels() throws {
        let html = try RecordRenderer.render(record, format: .html, lang: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Cabling"))
        #expect(html.contains("<span class=\"mark\">◆</span> Abnormal<"))
        #expect(!html.contains("检测人员签字"))
    }

    @Test func aTemplateFileReplacesTheBundledOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("custom-\(UUID()).html")
        try Data("<p>{{header.client}} {{#sections}}[{{id}}:{{#rows}}{{resultId}} {{/rows}}]{{/sections}}</p>".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let renderer = try RecordRenderer(templateOverrides: [file])
        let html = try renderer.render(record, format: .html, lang: .zh)
        #expect(html.hasPrefix("<p>安盛物业 Acme Property [front-end:"))
        #expect(html.contains("[cabling:to-check to-check to-check to-check ]"))
        // Markdown still comes from the bundled template.
        #expect(try renderer.render(record, format: .markdown, lang: .zh).hasPrefix("# 安防工程维护工作检测记录表"))
    }

    @Test func aBrokenTemplateIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID()).md")
        try Data("{{#sections}} unclosed".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: RecordError.self) { try RecordRenderer(templateOverrides: [file]) }
    }

    @Test func writeProducesOneFilePerFormat() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let urls = try RecordRenderer().write(record, formats: RecordFormat.allCases, lang: .zh, to: dir)
        #expect(urls.map(\.lastPathComponent) == ["acme-hq-2026-11-v2.zh.html", "acme-hq-2026-11-v2.zh.md",
                                                   "acme-hq-2026-11-v2.zh.csv", "acme-hq-2026-11-v2.json",
                                                   "acme-hq-2026-11-v2.zh.pdf"])
        let csv = try Data(contentsOf: urls[2])
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func formatListParsing() throws {
        #expect(try RecordFormat.list("html,md,csv,json") == [.html, .markdown, .csv, .json])
        #expect(try RecordFormat.list("pdf, html,pdf") == [.pdf, .html])
        #expect(throws: RecordError.self) { try RecordFormat.list("html,docx") }
        #expect(throws: RecordError.self) { try RecordRenderer.render(record, format: .pdf, lang: .zh) }
    }
}

/// The JSON file is the stored document byte for byte: what the store keeps, what the hash covers.
@Suite struct RecordJSONFileTests {
    @Test func theJSONFileIsTheStoredDocument() throws {
        var record = FixtureRun.record()
        let stored = record.seal()
        let file = try RecordRenderer.render(record, format: .json, lang: .zh)
        #expect(file == stored.text + "\n")
        #expect(try RecordCoding.decoder().decode(MonthlyRecord.self, from: Data(file.utf8)) == record)
    }
}

/// A run drafts its pages while the store seals the version (`RecordDraft`): every page, bundled
/// or a company's own, prints the sealed version's hash and nothing of the stand-in.
@Suite struct RecordDraftTests {
    @Test(arguments: [false, true])
    func aDraftedPagePrintsTheSealedHash(ownTemplate: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = dir.appendingPathComponent("own.html")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A template may transform the hash: no stand-in would survive that, so it waits for the seal.
        try Data("<p>{{hash}} {{uppercased(shortHash)}}</p>".utf8).write(to: own)
        let renderer = try RecordRenderer(templateOverrides: ownTemplate ? [own] : [])
        var record = try RecordFiller(timeZone: FixtureRun.shanghai).assemble(report: FixtureRun.report(), month: "2026-11",
                                                                             technicians: ["张伟"])
        record.version = 3
        #expect(record.contentHash.isEmpty, "drafted before the seal")
        let draft = renderer.draft(record, formats: [.html, .markdown, .json], lang: .zh, to: dir)
        let document = record.seal()
        let files = try draft.finish(record, document: document)
        #expect(files.map(\.lastPathComponent) == ["acme-hq-2026-11-v3.zh.html", "acme-hq-2026-11-v3.zh.md", "acme-hq-2026-11-v3.json"])
        let html = try String(contentsOf: files[0], encoding: .utf8)
        let markdown = try String(contentsOf: files[1], encoding: .utf8)
        for page in [html, markdown] {
            #expect(page.contains(record.contentHash), "the sealed hash is printed")
            #expect(page.range(of: "~[0-9a-f]", options: .regularExpression) == nil, "no stand-in left")
        }
        #expect(html.contains(ownTemplate ? record.shortHash.uppercased() : "<code>\(record.shortHash)</code>"))
        #expect(try Data(contentsOf: files[2]) == Data((document.text + "\n").utf8))
    }

    /// An HTML page no PDF needs is written into its file while it is rendered, its lists chunk
    /// by chunk: the file holds exactly the page `render` gives, and a draft never finished
    /// (the seal failed) leaves nothing in the folder.
    @Test(arguments: [RecordFormat.html, .markdown])
    func aPageWrittenAsItIsRenderedIsThePageRenderGives(format: RecordFormat) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let renderer = try RecordRenderer()
        // Longer lists than one window of chunks, so windows and chunks are joined in order.
        var report = FixtureRun.report()
        report.devices = (0..<200).flatMap { n in report.devices.map { d in var d = d; d.device += "-\(n)"; return d } }
        report.results = (0..<200).flatMap { n in report.results.map { r in var r = r; r.device += "-\(n)"; return r } }
        var record = try RecordFiller(timeZone: FixtureRun.shanghai).assemble(report: report, month: "2026-11", technicians: ["张伟"])
        record.version = 1
        #expect(record.sections.map(\.rows.count).reduce(0, +) > RenderedList.chunk * RenderedList.window)
        do {
            _ = renderer.draft(record, formats: [format], lang: .zh, to: dir)  // dropped: the seal failed
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no temporary file left")
        let draft = renderer.draft(record, formats: [format], lang: .zh, to: dir)
        let document = record.seal()
        let files = try draft.finish(record, document: document)
        #expect(try String(contentsOf: files[0], encoding: .utf8) == (try renderer.render(record, format: format, lang: .zh)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [files[0].lastPathComponent])
    }

    @Test func theStandInIsReplacedWhereverItIsAndNothingElse() {
        let standIn = HashStandIn()
        let real = String(repeating: "ab", count: 32)
        let short = String(standIn.hash.prefix(12))
        let page = "~~ \(standIn.hash)|\(short)|~ \(short.dropLast())|é\(short)"
        #expect(standIn.replaced(in: page, by: real) == "~~ \(real)|abababababab|~ \(short.dropLast())|éabababababab")
        #expect(standIn.occurrences(in: page, from: 100).map(\.offset) == [103, 168, 197])
    }
}
