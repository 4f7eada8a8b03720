import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup schedule`: the maintenance cycle table (维护工作周期表) of a month or a quarter.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "The maintenance cycle table: every site, when it is due, who goes, where it stands.",
        discussion: """
        Sites and their visit cycles come from the store (`checkup sites import acme.yaml`, or any run).

        States: done (a version with no device left 未检), in-progress, overdue (past its due day with \
        no complete version), due, not-due. With --overdue only overdue sites are listed and the exit \
        code is 1 when there is any, for cron or a monitoring system.

        Example:
          checkup schedule --month 2026-11 --format html,csv --out office/
        """)

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Month (default: this month).", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: ArgumentHelp("Quarter (instead of --month).", valueName: "YYYYQn"))
    var quarter: Quarter?

    @Flag(help: "List only overdue sites; exit 1 when there is any.")
    var overdue = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, pdf, csv, json

        /// `--format html,csv`: in the order given, without repeats; a bad entry names the known ones.
        static func list(_ text: String) throws -> [Format] {
            var formats: [Format] = []
            for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let format = Format(rawValue: name) else {
                    throw ValidationError("unknown format '\(name)'; choose from \(allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if !formats.contains(format) { formats.append(format) }
            }
            guard !formats.isEmpty else { throw ValidationError("no format given; choose from \(allCases.map(\.rawValue).joined(separator: ", "))") }
            return formats
        }
    }

    @Option(help: ArgumentHelp("Formats, comma-separated: text, html, pdf, csv, json (default: text; files need --out, except one of text/csv/json).",
                               valueName: "FORMATS"),
            transform: Format.list)
    var format: [Format]?

    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Output folder for html, pdf, csv, json.", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("The day the table is judged on (default: today).", valueName: "YYYY-MM-DD"))
    var today: Day?

    func run() async throws {
        let formats = format ?? [.text]
        if month != nil && quarter != nil { throw CheckupError("give --month or --quarter, not both") }
        let months = (quarter?.months ?? [month ?? Month(containing: Date())]).map(\.description)
        let day = (today ?? .today).description
        if formats.contains(.pdf) { try PDFRenderer.checkAvailable() }
        let s = try store.open()
        var schedule = try MaintenanceSchedule.build(store: s, months: months, today: day)
        if overdue { schedule.entries = schedule.overdue }
        let renderer = RecordRenderer(templates: try TemplateSet.bundled())
        for f in formats {
            let bytes: Data = switch f {
            case .html: Data(try renderer.scheduleHTML(schedule, lang: lang).utf8)
            case .pdf: try PDFRenderer().render(html: try renderer.scheduleHTML(schedule, lang: lang))
            case .csv: Data(RecordRenderer.scheduleCSV(schedule, lang: lang).utf8)
            case .json: try RecordCoding.encode(schedule.entries.map(ScheduleJSON.init)) + Data("\n".utf8)
            case .text: Data(Self.text(schedule, lang: lang).utf8)
            }
            let name = "schedule-\(months.count == 1 ? months[0] : quarter?.description ?? "")\(overdue ? "-overdue" : "").\(lang.rawValue).\(f)"
            try CommandOutput.deliver(bytes, to: f == .text ? nil : out.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path })
        }
        if overdue && !schedule.entries.isEmpty { throw ExitCode(1) }
    }

    static func text(_ s: MaintenanceSchedule, lang: Language) -> String {
        let rows = s.entries.map { e in
            [e.month, e.siteId, e.client, e.technician ?? "-", e.dueDate ?? "-", e.state.rawValue,
             e.version.map { "v\($0) \(e.shortHash ?? "")" } ?? "-", e.signedBy ?? "-"]
        }
        let overdue = s.overdue.count
        return Table(header: ["MONTH", "SITE", "CLIENT", "TECHNICIAN", "DUE", "STATE", "RECORD", "SIGNED"], rows: rows).render()
            + "\n\(s.entries.count) entries, \(overdue) overdue (as of \(s.today))\n"
    }
}

/// `schedule --format json`: one object per site and month.
struct ScheduleJSON: Encodable {
    var month: String, site: String, client: String, technician: String?, dueDate: String?, state: String
    var version: Int?, hash: String?, signed: String?, holidayDuty: [String]

    init(_ e: MaintenanceSchedule.Entry) {
        month = e.month; site = e.siteId; client = e.client; technician = e.technician; dueDate = e.dueDate
        state = e.state.rawValue; version = e.version; hash = e.shortHash; signed = e.signedBy; holidayDuty = e.holidayDuty
    }
}
