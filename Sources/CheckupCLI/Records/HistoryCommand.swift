import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup history`: one device month by month — its verdicts and the trend of its readings.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "One device's verdicts month by month, and the trend of its numeric readings.",
        discussion: """
        Example:
          checkup history --site acme.yaml --device nvr-1 --from 2026-09 --to 2026-11 \\
            --format html --out nvr-1.html

        Text on the terminal; html (a chart per reading, SVG) and pdf for the office; json for scripts.
        """)

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Site inventory file or site id.", valueName: "FILE|ID"))
    var site: String

    @Option(help: "Device id.")
    var device: String

    @Option(help: ArgumentHelp("First month (default: the first the store has).", valueName: "YYYY-MM"))
    var from: Month?

    @Option(help: ArgumentHelp("Last month (default: the last the store has).", valueName: "YYYY-MM"))
    var to: Month?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, pdf, json
    }

    @Option(help: "A table on the terminal, html or pdf for the office, json for scripts.")
    var format: Format = .text

    @OptionGroup var output: DocumentOutput

    func run() async throws {
        if format == .pdf { try PDFRenderer.checkAvailable() }
        let s = try store.open()
        let id = try SiteReference.resolve(site, store: s).id
        var months = Set(try s.records(site: id).map(\.month)).sorted()
        if let from { months = months.filter { $0 >= from.description } }
        if let to { months = months.filter { $0 <= to.description } }
        let history = try DeviceHistory.build(store: s, site: id, device: device, months: months)
        let lang = output.lang
        let bytes: Data = switch format {
        case .html: Data(try RecordRenderer(templates: try TemplateSet.bundled()).historyHTML(history, lang: lang).utf8)
        case .pdf: try PDFRenderer().render(html: try RecordRenderer(templates: try TemplateSet.bundled()).historyHTML(history, lang: lang))
        case .json: Data((try RecordCoding.encode(HistoryJSON(history)) + Data("\n".utf8)))
        case .text: Data(Self.text(history, lang: lang).utf8)
        }
        try output.deliver(bytes)
    }

    static func text(_ h: DeviceHistory, lang: Language) -> String {
        var lines = ["\(h.deviceName) (\(h.deviceId)) at \(h.siteId)"]
        lines.append(Table(header: ["MONTH", "STATE", "INSPECTED", "VERDICT"], rows: h.months.map {
            [$0.month, $0.state.title.text(lang), $0.inspectedOn ?? "-", $0.worst?.title.text(lang) ?? "-"]
        }).render())
        for r in h.readings {
            let values = r.values.map { $0.map { $0 == $0.rounded() ? String(Int64($0)) : String(format: "%.2f", $0) } ?? "-" }
                .joined(separator: " → ")
            lines.append("\(r.title.text(lang)): \(values)\(r.unit.map { " \($0)" } ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `history --format json`: months and readings, for scripts.
struct HistoryJSON: Encodable {
    struct Month: Encodable { var month: String; var version: Int?; var state: String; var inspectedOn: String?; var verdict: String? }
    struct Reading: Encodable { var check: String; var unit: String?; var values: [Double?] }
    var site: String
    var device: String
    var months: [Month]
    var readings: [Reading]

    init(_ h: DeviceHistory) {
        site = h.siteId
        device = h.deviceId
        months = h.months.map { Month(month: $0.month, version: $0.version, state: $0.state.rawValue, inspectedOn: $0.inspectedOn,
                                      verdict: $0.worst?.rawValue) }
        readings = h.readings.map { Reading(check: $0.check, unit: $0.unit, values: $0.values) }
    }
}
