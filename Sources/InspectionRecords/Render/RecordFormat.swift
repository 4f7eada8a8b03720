import Foundation

/// The output formats of a record.
public enum RecordFormat: String, Sendable, CaseIterable, Codable {
    case html
    case markdown
    case csv
    case json

    /// Accepts `html`, `md`/`markdown`, `csv`, `json`.
    public init?(name: String) {
        switch name.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }

    /// Parses a `--format html,md,csv,json` list; the error names the bad entry.
    public static func list(_ text: String) throws(RecordError) -> [RecordFormat] {
        var out: [RecordFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let f = RecordFormat(name: part) else {
                throw RecordError("format '\(part)': expected html, md, csv or json")
            }
            if !out.contains(f) { out.append(f) }
        }
        guard !out.isEmpty else { throw RecordError("no format given: expected html, md, csv or json") }
        return out
    }

    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        }
    }
}
