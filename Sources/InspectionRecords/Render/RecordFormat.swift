import Foundation

/// The output formats of a record.
package enum RecordFormat: String, Sendable, CaseIterable, Codable {
    case html
    case markdown
    case csv
    case json
    /// The HTML form laid out by weasyprint (`PDFRenderer`).
    case pdf

    /// The names `list` accepts, for help texts and errors.
    package static let names = "html, md, csv, json, pdf"

    /// Accepts `html`, `md`/`markdown`, `csv`, `json`, `pdf`.
    package init?(name: String) {
        switch name.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "json": self = .json
        case "pdf": self = .pdf
        default: return nil
        }
    }

    /// Parses a `--format html,md,csv,json,pdf` list; the error names the bad entry.
    package static func list(_ text: String) throws(RecordError) -> [RecordFormat] {
        var out: [RecordFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let f = RecordFormat(name: part) else {
                throw RecordError("format '\(part)': expected \(names)")
            }
            if !out.contains(f) { out.append(f) }
        }
        guard !out.isEmpty else { throw RecordError("no format given: expected \(names)") }
        return out
    }

    package var fileExtension: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        case .pdf: "pdf"
        }
    }

    /// Formats that are printed forms, in one language, with an evidence part that can be split off.
    var isForm: Bool { self == .html || self == .markdown || self == .pdf }
}
