package import CheckupCore
import Foundation

/// The record as one CSV table (RFC 4180: CRLF, quotes doubled), UTF-8 with a byte-order mark
/// so spreadsheet programs open the Chinese text correctly. One line per row of the form;
/// the header line is in the record's language, the `section` and `result` columns too.
package enum CSVTable: Sendable {
    package static let bom = "\u{FEFF}"

    static let columns: [(key: String, label: LocalizedText)] = [
        ("site", LocalizedText(zh: "场所", en: "Site")),
        ("period", LocalizedText(zh: "检测月份", en: "Period")),
        ("version", LocalizedText(zh: "版本", en: "Version")),
        ("section", LocalizedText(zh: "分项", en: "Section")),
        ("number", LocalizedText(zh: "序号", en: "No.")),
        ("device", LocalizedText(zh: "设备", en: "Device")),
        ("location", LocalizedText(zh: "位置", en: "Location")),
        ("item", LocalizedText(zh: "检测项目", en: "Item")),
        ("check", LocalizedText(zh: "检测项", en: "Check")),
        ("result", LocalizedText(zh: "检测结果", en: "Result")),
        ("observed", LocalizedText(zh: "实测值", en: "Observed")),
        ("expected", LocalizedText(zh: "要求", en: "Expected")),
        ("handling", LocalizedText(zh: "处理情况", en: "Handling")),
        ("cleared", LocalizedText(zh: "现场排除", en: "Cleared on site")),
        ("source", LocalizedText(zh: "方式", en: "How")),
        ("evidence", LocalizedText(zh: "证据", en: "Evidence")),
        ("hash", LocalizedText(zh: "内容校验码", en: "Content hash")),
    ]

    package static func render(_ record: MonthlyRecord, lang: Language) -> String {
        var lines = [columns.map { escape($0.label.text(lang)) }.joined(separator: ",")]
        let hash = record.contentHash
        for table in record.sections {
            for r in table.rows {
                let fields = [
                    record.header.siteId, record.header.period, record.version.map(String.init) ?? "",
                    table.title.text(lang), "\(r.number)", r.device, r.location, r.item.text(lang),
                    r.check?.text(lang) ?? "", r.result.title.text(lang), RecordPhrases.observed(r, lang: lang),
                    ExpectationPhrases.expected(r, lang: lang), r.handling,
                    r.clearedOnSite ? "1" : "0", r.source.title.text(lang), r.evidenceRef ?? "", hash,
                ]
                lines.append(fields.map(escape).joined(separator: ","))
            }
        }
        return bom + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field for the file: neutralised against formula injection, then quoted if needed.
    static func escape(_ field: String) -> String {
        let field = neutralised(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR; text
    /// a device or a person typed can be anything) get a leading `'`, as OWASP recommends, so they
    /// open as text. Plain numbers (`-3.5`, `+12`) are left as they are: they are values, not formulas.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        if isPlainNumber(field) { return field }
        return "'" + field
    }

    /// `-3.5`, `+12`, `-0.25`: an optional sign, digits, at most one decimal point with digits around it.
    static func isPlainNumber(_ field: String) -> Bool {
        var body = Substring(field)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Parses RFC 4180 CSV (with or without BOM) into rows of fields: used by tests and imports.
    package static func parse(_ text: String) -> [[String]] {
        var s = Substring(text)
        if s.hasPrefix(bom) { s = s.dropFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex, s[next] == "\"" { field.append("\""); i = next } else { quoted = false }
                } else { field.append(c) }
            } else {
                switch c {
                case "\"": quoted = true
                case ",": row.append(field); field = ""
                case "\r\n", "\n", "\r": row.append(field); rows.append(row); row = []; field = ""
                default: field.append(c)
                }
            }
            i = s.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
