import Foundation
import Testing

/// `--format` of the listing and document commands: a value parsed by ArgumentParser, so a bad
/// one is refused before any work with the command's own choices, exit 3 (as `run --format`).
struct FormatOptionTests {
    static let cases: [(arguments: [String], choices: String)] = [
        (["log", "list"], "'text' and 'json'"),
        (["records", "list"], "'text' and 'json'"),
        (["report", "callouts"], "'text' and 'json'"),
        (["history", "--site", "gate", "--device", "nvr-1"], "'text', 'html', 'pdf' or 'json'"),
        (["feedback", "analysis", "--year", "2026"], "'text', 'html' or 'pdf'"),
    ]

    @Test(arguments: cases)
    func aBadFormatNamesTheChoicesWithExit3BeforeTheStoreIsOpened(_ command: (arguments: [String], choices: String)) throws {
        let store = CLI.temporaryDirectory() + "/s.sqlite"
        let out = try CLI.run(command.arguments + ["--format", "xml", "--store", store])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("The value 'xml' is invalid for '--format <format>'. Please provide one of \(command.choices)."),
                "\(out.all)")
        #expect(!FileManager.default.fileExists(atPath: store), "nothing opened or created for a bad option")
    }

    @Test func aScheduleFormatListNamesTheBadEntryAndTheChoices() throws {
        let store = CLI.temporaryDirectory() + "/s.sqlite"
        let out = try CLI.run(["schedule", "--format", "text,xml", "--store", store])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("unknown format 'xml'; choose from text, html, pdf, csv, json"), "\(out.all)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func theMaintenanceFormAsCSVIsRefusedBeforeTheStoreIsOpened() throws {
        let store = CLI.temporaryDirectory() + "/s.sqlite"
        let out = try CLI.run(["log", "show", "1", "--format", "csv", "--store", store])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("the maintenance form comes as html, md, pdf or json, not csv"), "\(out.all)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func helpListsTheValues() throws {
        let out = try CLI.run(["history", "--help"])
        #expect(out.status == 0, "\(out.all)")
        let help = out.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("(values: text, html, pdf, json; default: text)"), "\(out.stdout)")
    }

    /// A day the calendar lacks is refused as the option is read, before the store is made.
    @Test(arguments: [["feedback", "add", "--client", "c", "--by", "b", "--on", "2026-02-30"],
                      ["schedule", "--today", "2026-13-01"],
                      ["records", "sign", "--site", "s", "--month", "2026-11", "--by", "b", "--on", "21.11.2026"]])
    func aBadDayIsRefusedWithExit3BeforeTheStoreIsOpened(arguments: [String]) throws {
        let store = CLI.temporaryDirectory() + "/s.sqlite"
        let out = try CLI.run(arguments + ["--store", store])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("is invalid for '--") && out.stderr.contains("<YYYY-MM-DD>"), "\(out.all)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
