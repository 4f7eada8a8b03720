import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// The record on paper: PDF through the real weasyprint (a missing weasyprint fails these
/// tests, it never skips them), where the evidence goes, and what the client reads.
@Suite struct PaperTests {
    let record = FixtureRun.record()

    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paper-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func pdfHoldsEveryDeviceTheSignaturesAndTheHashWithItsCJKFontEmbedded() throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try RecordRenderer().write(record, formats: [.pdf], lang: .zh, to: dir)
        #expect(files.map(\.lastPathComponent) == ["acme-hq-2026-11-v2.zh.pdf"])
        let pdf = try #require(files.first)
        #expect(try Data(contentsOf: pdf).prefix(5) == Data("%PDF-".utf8))
        // Only the finished file is left: the scratch folder of the atomic write is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [pdf.lastPathComponent])

        let text = try Tool.run("pdftotext", [pdf.path, "-"]).filter { !$0.isWhitespace }
        for device in record.devices {
            #expect(text.contains(device.name.filter { !$0.isWhitespace }), "\(device.name) missing from the PDF")
        }
        #expect(text.contains("签字"))
        #expect(text.contains(record.contentHash))
        #expect(text.contains("第1/"), "page counter in the footer")

        let fonts = try Tool.run("pdffonts", [pdf.path]).split(separator: "\n").dropFirst(2)
        let cjk = fonts.filter { $0.contains("WenQuanYi") }
        #expect(!cjk.isEmpty, "no WenQuanYi font in the PDF: \(fonts)")
        for line in fonts {
            // Columns end with: emb sub uni object-id generation.
            let columns = line.split(separator: " ")
            #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "font not embedded: \(line)")
        }
    }

    @Test func aMissingWeasyprintIsAClearError() throws {
        let missing = PDFRenderer(executable: URL(fileURLWithPath: "/nonexistent/weasyprint"))
        let error = try #require(throws: RecordError.self) { try missing.render(html: "<p>x</p>") }
        #expect(error.message.contains("PDF needs weasyprint: apt-get install weasyprint fonts-wqy-microhei"))
        let lookup = try #require(throws: RecordError.self) { try PDFRenderer.locate(environment: ["PATH": "/nonexistent"]) }
        #expect(lookup.message == PDFRenderer.installHint)
        #expect(throws: RecordError.self) { try PDFRenderer.locate(environment: ["CHECKUP_WEASYPRINT": "/nonexistent/wp"]) }
    }

    @Test func aFailingWeasyprintReportsItsExitAndStderr() throws {
        let failing = PDFRenderer(executable: URL(fileURLWithPath: "/bin/false"))
        let error = try #require(throws: RecordError.self) { try failing.render(html: "<p>x</p>") }
        #expect(error.message.hasPrefix("weasyprint failed (exit 1)"))
        #expect(PDFRenderer.trimmed("Traceback\n  File x\n\nValueError: bad CSS\n") == "Traceback | File x | ValueError: bad CSS")
    }

    @Test func aHungWeasyprintIsStopped() throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("weasyprint")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let started = Date()
        let error = try #require(throws: RecordError.self) {
            try PDFRenderer(executable: script, timeout: 0.5).render(html: "<p>x</p>")
        }
        #expect(error.message == "weasyprint did not finish within 0.5 s")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test(arguments: [RecordFormat.html, .markdown])
    func evidenceNoneLeavesOnlyTheMainForm(format: RecordFormat) throws {
        let text = try RecordRenderer.render(record, format: format, lang: .zh, options: .init(evidence: .none))
        #expect(!text.contains("附录"))
        #expect(!text.contains("E1"))
        #expect(text.contains("检测人员签字"))
        let full = try RecordRenderer.render(record, format: format, lang: .zh)
        #expect(full.contains("附录：检测证据"))
        #expect(full.range(of: "检测人员签字")!.lowerBound < full.range(of: "附录：检测证据")!.lowerBound,
                "the signatures close the main form, before the appendix")
    }

    @Test func evidenceSeparateWritesTheFormAndTheEvidenceApart() throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let renderer = try RecordRenderer(options: .init(evidence: .separate))
        let files = try renderer.write(record, formats: [.html, .markdown, .json], lang: .en, to: dir)
        #expect(files.map(\.lastPathComponent) == ["acme-hq-2026-11-v2.en.html", "acme-hq-2026-11-v2.evidence.en.html",
                                                    "acme-hq-2026-11-v2.en.md", "acme-hq-2026-11-v2.evidence.en.md",
                                                    "acme-hq-2026-11-v2.json"])
        let main = try String(contentsOf: files[0], encoding: .utf8)
        let evidence = try String(contentsOf: files[1], encoding: .utf8)
        #expect(main.contains("id=\"sign-off\"") && !main.contains("id=\"E1\""))
        #expect(!evidence.contains("id=\"sign-off\""))
        #expect(evidence.contains("Inspection evidence") && evidence.contains(record.shortHash))
        for entry in record.evidence { #expect(evidence.contains("id=\"\(entry.ref)\""), "\(entry.ref)") }
        // The Markdown pair: the form with its sign-off and no entry, the evidence with every entry.
        let mainMD = try String(contentsOf: files[2], encoding: .utf8)
        let evidenceMD = try String(contentsOf: files[3], encoding: .utf8)
        #expect(mainMD.contains("## Sign-off") && !mainMD.contains("- **E1**"))
        #expect(!evidenceMD.contains("## Sign-off") && evidenceMD.contains(record.shortHash))
        for entry in record.evidence { #expect(evidenceMD.contains("- **\(entry.ref)**"), "\(entry.ref)") }
    }

    /// The words of the template and the labels, not of the devices: every row's observed text is
    /// replaced by a clean phrase here, because turning probe output into the client's words
    /// (structured findings) is a separate change.
    @Test func theZhMainFormShowsNoMachineWords() throws {
        var clean = record
        for s in clean.sections.indices {
            for r in clean.sections[s].rows.indices { clean.sections[s].rows[r].observed = "读数正常" }
        }
        let html = try RecordRenderer.render(clean, format: .html, lang: .zh, options: .init(evidence: .none))
        let text = Self.visibleText(html)
        #expect(text.contains("序号") && text.contains("检测人员签字"))
        for word in ["PERCENT", "rows", "none", "pass", "fail", "skipped", "true", "false", "unreachable", "--", "://"] {
            #expect(!text.lowercased().contains(word.lowercased()), "'\(word)' on the zh main form")
        }
    }

    @Test func theMainFormHasDevicesDatesAndMarksThatSurviveBlackAndWhite() throws {
        let html = try RecordRenderer.render(record, format: .html, lang: .zh, options: .init(evidence: .none))
        let text = Self.visibleText(html)
        #expect(!html.contains("127.0.0.1"), "no endpoint on the main form")
        #expect(text.contains("设备离线") && text.contains("已检"))
        #expect(html.contains("<span class=\"mark\">◆</span> 异常"))
        #expect(html.contains("<span class=\"mark\">▲</span> 注意"))
        #expect(html.contains("data-key=\"attention\">1<"), "warnings counted apart from faults")
        #expect(html.contains("data-key=\"faultsFound\" class=\"alert\">\(record.summary.faultsFound)<"))
        // The technician signs for the inspection day.
        let date = try #require(record.header.inspectionDates.last)
        #expect(html.contains("日期：\(date)</div></td>\n    <td class=\"signature client\">"))
    }

    @Test func theAppendixSpeaksTheRecordsLanguageAndSummarisesLongExchanges() throws {
        var long = record
        let frames = (0..<300).map { "FC03 0x\(String(0x1000 + $0, radix: 16)) ×1 → \($0)" }
        long.evidence[0].lines = frames
        let zh = try RecordRenderer.render(long, format: .html, lang: .zh)
        #expect(zh.contains("另有 294 条交互记录"))
        #expect(zh.contains(frames[5]) && !zh.contains(frames[6]))
        for word in ["通过", "警告", "失败", "离线"] { #expect(zh.contains(">\(word)<"), "\(word)") }
        #expect(!zh.contains(">pass<") && !zh.contains(">warn<"))
        let en = try RecordRenderer.render(long, format: .markdown, lang: .en)
        #expect(en.contains("… 294 more exchanges"))
        #expect(en.contains("snmp://") && en.contains("· Offline"), "endpoints and verdicts in the appendix")
    }

    @Test func thePageFooterCannotBreakOutOfItsCSSString() {
        #expect(RecordView.cssString("a\"b</style>\\") == "a\\22 b\\3c /style\\3e \\5c ")
    }

    /// The text of a record's PDF (its streams are compressed: search the text, not the bytes).
    static func pdfText(_ record: MonthlyRecord, lang: Language) throws -> String {
        let file = scratch().appendingPathComponent("record.pdf")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try RecordRenderer().data(record, format: .pdf, lang: lang).write(to: file)
        return try Tool.run("pdftotext", [file.path, "-"])
    }

    /// The text a reader sees: no `<style>`, no tags, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<title>[\\s\\S]*?</title>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#160;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: char)
        }
        return text
    }
}

/// Runs a poppler tool; a missing tool fails the test with the package to install.
enum Tool {
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        guard let path = ["/usr/bin", "/usr/local/bin", "/bin"].map({ "\($0)/\(name)" })
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ToolMissing(name: name)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed: apt-get install poppler-utils (scripts/deps.sh)" }
    }
}
