import CheckupCore
import Foundation

/// Renders a monthly record as HTML (A4, printable), Markdown, CSV or JSON, and writes files.
///
/// HTML and Markdown come from Mustache templates (`TemplateSet`), so a company can print its
/// own form; CSV and JSON are data formats with a fixed layout (JSON: see `MonthlyRecord`).
public struct RecordRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The bundled templates, with optional replacement files (`--template FILE`, by extension).
    public init(templateOverrides: [URL] = []) throws(RecordError) {
        var set = try TemplateSet.bundled()
        for file in templateOverrides { try set.override(with: file, kind: "record") }
        templates = set
    }

    /// One-shot rendering with the bundled templates.
    public static func render(_ record: MonthlyRecord, format: RecordFormat, lang: Language) throws(RecordError) -> String {
        try RecordRenderer().render(record, format: format, lang: lang)
    }

    public func render(_ record: MonthlyRecord, format: RecordFormat, lang: Language) throws(RecordError) -> String {
        switch format {
        case .html: return try templates.render("record.html", RecordView.context(record, lang: lang))
        case .markdown: return try templates.render("record.md", RecordView.context(record, lang: lang))
        case .csv: return CSVTable.render(record, lang: lang)
        case .json:
            do {
                return String(decoding: try RecordCoding.encoder().encode(record), as: UTF8.self) + "\n"
            } catch {
                throw RecordError("record JSON: \(error)")
            }
        }
    }

    /// File name of a record in a format: `SITE-YYYY-MM-vN.EXT` (no `-vN` before it is stored).
    public static func fileName(_ record: MonthlyRecord, format: RecordFormat, lang: Language? = nil) -> String {
        var base = "\(safe(record.header.siteId))-\(record.header.period)"
        if let v = record.version { base += "-v\(v)" }
        if let lang, format == .html || format == .markdown || format == .csv { base += ".\(lang.rawValue)" }
        return base + "." + format.fileExtension
    }

    /// Writes the record in each format into `dir` (created if needed); returns the files written.
    @discardableResult
    public func write(_ record: MonthlyRecord, formats: [RecordFormat], lang: Language, to dir: URL) throws(RecordError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw RecordError("output folder \(dir.path): \(error.localizedDescription)")
        }
        var urls: [URL] = []
        for format in formats {
            let url = dir.appendingPathComponent(Self.fileName(record, format: format, lang: lang))
            let text = try render(record, format: format, lang: lang)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw RecordError("cannot write \(url.path): \(error.localizedDescription)")
            }
            urls.append(url)
        }
        return urls
    }

    static func safe(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}
