package import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup records`: the stored monthly records, by site and month.
package struct RecordsCommand: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "List, show, export and complete the stored monthly inspection records.",
        subcommands: [RecordsList.self, RecordsShow.self, RecordsExport.self, RecordsFill.self, RecordsSign.self, RecordsUnlock.self])

    package init() {}
}

/// `checkup records list`: every version of every month, the current one starred.
struct RecordsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored records and their versions.")

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Only this site (inventory file or site id).", valueName: "FILE|ID"))
    var site: String?

    @Option(help: ArgumentHelp("Only this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Option(help: "A table for a person, or json for scripts.")
    var format: ListFormat = .text

    func run() async throws {
        let s = try store.open()
        let siteId = try site.map { try SiteReference.resolve($0, store: s).id }
        var list = try s.records(site: siteId)
        if let month { list = list.filter { $0.month == month.description } }
        var signed: [String: RecordSignature] = [:]
        for siteId in Set(list.map(\.siteId)) {
            for sig in try s.signatures(site: siteId) { signed["\(sig.siteId) \(sig.month) \(sig.version)"] = sig }
        }
        switch format {
        case .json:
            let entries = list.map { SignedVersion(info: $0, signature: signed["\($0.siteId) \($0.month) \($0.version)"]) }
            print(String(decoding: try RecordCoding.encode(entries), as: UTF8.self))
        case .text:
            if list.isEmpty {
                print("no records in \(store.path)")
                return
            }
            let rows = list.map { (v: RecordVersionInfo) -> [String] in
                let origin: String = (v.editedBy.map { "edited by \($0)" } ?? "run") + (v.incomplete ? ", incomplete" : "")
                let signature = signed["\(v.siteId) \(v.month) \(v.version)"]
                let signedText: String = signature.map { "\($0.signedBy) \($0.signedOn)" } ?? ""
                let version: String = "v\(v.version)" + (v.isCurrent ? " *" : "")
                return [v.siteId, v.month, version, TypedTime.format(v.savedAt), String(v.contentHash.prefix(12)),
                        "\(v.faultsFound)", "\(v.toCheck)", origin, signedText]
            }
            print(Table(header: ["SITE", "MONTH", "VERSION", "SAVED", "HASH", "FAULTS", "TO CHECK", "ORIGIN", "SIGNED"], rows: rows).render())
            print("(* current version)")
        }
    }
}

/// A version in `records list --format json`, with its signature when the client signed it.
struct SignedVersion: Encodable {
    var info: RecordVersionInfo
    var signature: RecordSignature?

    func encode(to encoder: any Encoder) throws {
        try info.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(signature.map { Signed(by: $0.signedBy, on: $0.signedOn, scan: $0.scanName) }, forKey: .signed)
    }

    enum Key: String, CodingKey { case signed }
    struct Signed: Encodable { var by: String; var on: String; var scan: String? }
}

/// Options naming one stored record.
struct RecordSelection: ParsableArguments {
    @Option(help: ArgumentHelp("Site inventory file or site id.", valueName: "FILE|ID"))
    var site: String

    @Option(help: ArgumentHelp("Month.", valueName: "YYYY-MM"))
    var month: Month

    @Option(help: "Version (default: the current, latest one).")
    var version: Int?

    func load(from store: RecordStore) throws -> MonthlyRecord {
        let id = try SiteReference.resolve(site, store: store).id
        let month = month.description
        guard let record = try store.record(site: id, month: month, version: version) else {
            let versions = try store.versions(site: id, month: month).map { "v\($0.version)" }
            throw RecordError(versions.isEmpty ? "no record of \(id) for \(month) in \(store.path)"
                                               : "no version \(version ?? 0) of \(id) \(month); stored: \(versions.joined(separator: ", "))")
        }
        return record
    }
}

/// `checkup records show`: one record on standard output.
struct RecordsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one record (Markdown by default).")

    @OptionGroup var store: StoreOption
    @OptionGroup var selection: RecordSelection

    @Option(help: "md, html, csv, json or pdf.")
    var format: RecordFormat = .markdown

    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Mustache template replacing the built-in form (.md or .html).", valueName: "FILE"))
    var template: String?

    func run() async throws {
        try FormatAvailability.check([format])
        let record = try selection.load(from: try store.open())
        let bytes = try RecordRenderer(templateOverrides: template.map { [URL(fileURLWithPath: $0)] } ?? [])
            .data(record, format: format, lang: lang)
        FileHandle.standardOutput.write(bytes)
    }
}

/// `checkup records export`: one record as files.
struct RecordsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write one record as files (html, md, csv, json, pdf).")

    @OptionGroup var store: StoreOption
    @OptionGroup var selection: RecordSelection

    @Option(help: ArgumentHelp("Formats, comma-separated: \(RecordFormat.names) (default: html,md,csv,json).", valueName: "LIST"),
            transform: RecordFormats.parse)
    var format = RecordFormats([.html, .markdown, .csv, .json])

    @Option(help: "Evidence (values read, exchanges): appendix after the form, separate file, or none.")
    var evidence: EvidencePlacement = .appendix

    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Output directory.", valueName: "DIR"))
    var out: String = "."

    @Option(help: ArgumentHelp("Mustache template replacing the built-in form (.md or .html).", valueName: "FILE"))
    var template: String?

    func run() async throws {
        try FormatAvailability.check(format.formats)
        let record = try selection.load(from: try store.open())
        let files = try RecordRenderer(templateOverrides: template.map { [URL(fileURLWithPath: $0)] } ?? [],
                           options: RecordRenderer.Options(evidence: evidence))
            .write(record, formats: format.formats, lang: lang, to: URL(fileURLWithPath: out))
        for f in files { print("wrote \(f.path)") }
    }
}
