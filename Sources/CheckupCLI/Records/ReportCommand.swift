package import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup report`: written reports over stored records.
package struct ReportCommand: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over the stored records (the quarterly report per client).",
        subcommands: [QuarterlyCommand.self, CallOutsCommand.self])

    package init() {}
}

/// `checkup report quarterly --site A --site B … --quarter 2026Q4`, or `--client NAME`.
struct QuarterlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarterly",
        abstract: "A client's quarterly report over all its sites: availability, faults, recurring faults, call-outs.",
        discussion: """
        Built from the current version of each month's record of each site, and the maintenance log. \
        Months without a record are listed as such. If none of the quarter's three months has a record \
        for any of the sites, no report is written: the command says so and exits 3 (an empty report \
        would read as a quarter without faults).
        """)

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Site inventory file or site id; repeat for each site of the client.", valueName: "FILE|ID"))
    var site: [String] = []

    @Option(help: ArgumentHelp("Every site of this client in the store (instead of --site).", valueName: "NAME"))
    var client: String?

    @Option(help: ArgumentHelp("Quarter, e.g. 2026Q4.", valueName: "YYYYQn"))
    var quarter: Quarter

    @Option(help: "Formats, comma-separated: html, md, json, pdf (default: html,md). With --out absent and one format, printed.",
            transform: RecordFormats.parse)
    var format = RecordFormats([.html, .markdown])

    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Output directory.", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("Mustache template replacing the built-in report (.md or .html).", valueName: "FILE"))
    var template: String?

    func validate() throws {
        if site.isEmpty == (client == nil) { throw ValidationError("give the sites (--site, repeated) or --client, not both") }
    }

    func run() async throws {
        if format.formats.contains(.pdf) { try PDFRenderer.checkAvailable() }
        let s = try store.open()
        let ids = try client.map { name in try s.siteIds(ofKnownClient: name) }
            ?? site.map { try SiteReference.resolve($0, store: s).id }
        let report = try QuarterlyReport.build(store: s, sites: ids, quarter: quarter.description)
        var templates = try TemplateSet.bundled()
        if let template { try templates.override(with: URL(fileURLWithPath: template), kind: "quarterly") }
        let renderer = RecordRenderer(templates: templates)
        let formats = format.formats
        if out == nil, formats.count == 1 {
            FileHandle.standardOutput.write(try data(of: report, format: formats[0], renderer: renderer))
            return
        }
        let dir = URL(fileURLWithPath: out ?? ".")
        let base = ids.count == 1 ? ids[0] : Self.fileSafe(report.client)
        for f in formats {
            let url = dir.appendingPathComponent("\(base)-\(report.quarter)-quarterly.\(lang.rawValue).\(f.fileExtension)")
            try CommandOutput.deliver(try data(of: report, format: f, renderer: renderer), to: url.path)
        }
        for site in report.sites {
            print("\(report.quarter) \(site.siteId): \(site.months.count) of 3 months recorded, faults \(site.faultsFound), "
                  + "cleared \(site.clearedOnSite), recurring \(site.recurring.count), open items \(site.openItems.count)")
        }
        print("call-outs \(report.callOuts.count): on time \(report.onTimeCallOuts), late \(report.lateCallOuts)")
    }

    /// The report in one format; the PDF is the HTML printed by the PDF engine.
    func data(of report: QuarterlyReport, format: RecordFormat, renderer: RecordRenderer) throws(RecordError) -> Data {
        try renderer.data(report, format: format, lang: lang)
    }

    /// A client's name as a file name: letters (any script), digits, `-` and `_`.
    static func fileSafe(_ name: String) -> String {
        let kept = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return kept.isEmpty ? "client" : kept
    }
}
