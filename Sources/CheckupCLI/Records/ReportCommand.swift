import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup report`: written reports over stored records.
public struct ReportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the stored records (the quarterly report per client).",
        subcommands: [QuarterlyCommand.self])

    public init() {}
}

/// `checkup report quarterly --site … --quarter 2026Q4`.
struct QuarterlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly",
        abstract: "The quarter's report: availability per device, faults found and cleared, recurring faults, open items, call-outs.",
        discussion: """
        Built from the current version of each month's record. Months without a record are listed as         missing in the report. If none of the quarter's three months has a record for the site, no report         is written: the command says so and exits 3 (an empty report would read as a quarter without faults).
        """)

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Site inventory file or site id.", valueName: "FILE|ID"))
    var site: String

    @Option(help: "Quarter, YYYYQn (e.g. 2026Q4).")
    var quarter: String

    @Option(help: "Formats, comma-separated: html, md, json. With --out absent and one format, printed.")
    var format: String = "html,md"

    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Output directory.", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("Mustache template replacing the built-in report (.md or .html).", valueName: "FILE"))
    var template: String?

    func run() async throws {
        try mappingRecordErrors { try Period.validateQuarter(quarter) }
        let s = try store.open()
        let id = try SiteReference.resolve(site, store: s).id
        try mappingRecordErrors {
            let report = try QuarterlyReport.build(store: s, site: id, quarter: quarter)
            var templates = try TemplateSet.bundled()
            if let template { try templates.override(with: URL(fileURLWithPath: template), kind: "quarterly") }
            let renderer = RecordRenderer(templates: templates)
            let formats = try RecordFormat.list(format)
            if out == nil, formats.count == 1 {
                FileHandle.standardOutput.write(Data(try renderer.render(report, format: formats[0], lang: lang).utf8))
                return
            }
            let dir = URL(fileURLWithPath: out ?? ".")
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw RecordError("output folder \(dir.path): \(error.localizedDescription)")
            }
            for f in formats {
                let url = dir.appendingPathComponent("\(id)-\(report.quarter)-quarterly.\(lang.rawValue).\(f.fileExtension)")
                do { try Data(try renderer.render(report, format: f, lang: lang).utf8).write(to: url, options: .atomic) } catch let e as RecordError {
                    throw e
                } catch {
                    throw RecordError("cannot write \(url.path): \(error.localizedDescription)")
                }
                print("wrote \(url.path)")
            }
            print("\(report.quarter): \(report.months.count) of 3 months recorded, faults \(report.faultsFound), "
                  + "cleared \(report.clearedOnSite), recurring \(report.recurring.count), open items \(report.openItems.count)")
        }
    }
}
