import CheckupCore
package import Foundation
import Yams

/// A technician's answers for rows of a record (`checkup records fill --answers FILE`):
///
/// ```yaml
/// technician: 张伟
/// rows:
///   manual/grounding: 正常                       # result only
///   manual/shielding: {result: 异常, observed: 屏蔽层破损, handling: 已更换屏蔽线, cleared: true}
///   nvr-1/disks: {handling: 已更换 2 号硬盘, cleared: true}   # a measured fault, cleared on site
/// ```
/// Rows are addressed by their `key` (shown by `records show --format json` and in the HTML).
package struct RecordAnswers: Sendable, Hashable {
    package var technician: String?
    package var rows: [String: RowAnswer]
    /// Where each row key is written in the answers file (nil for answers typed at the terminal),
    /// so a key that names no row is reported at its place with a did-you-mean hint.
    package var rowLocations: [String: SourceLocation]

    package init(technician: String? = nil, rows: [String: RowAnswer] = [:], rowLocations: [String: SourceLocation] = [:]) {
        self.technician = technician
        self.rows = rows
        self.rowLocations = rowLocations
    }

    /// A place in a file, for `path:line:col:` messages.
    package struct SourceLocation: Sendable, Hashable {
        package var file: String
        package var line: Int
        package var column: Int

        package init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        func error(_ message: String, hint: String? = nil) -> LocatedError {
            LocatedError(file: file, line: line, column: column, message: message, hint: hint)
        }
    }

    /// What a person says about one row; nil fields are left as they are.
    package struct RowAnswer: Sendable, Hashable, Codable {
        package var result: RowResult?
        package var observed: String?
        package var handling: String?
        package var cleared: Bool?

        package init(result: RowResult? = nil, observed: String? = nil, handling: String? = nil, cleared: Bool? = nil) {
            self.result = result
            self.observed = observed
            self.handling = handling
            self.cleared = cleared
        }
    }

    package static func load(_ file: URL) throws(RecordError) -> RecordAnswers {
        let text: String
        do { text = try UTF8Text.read(path: file.path, what: "answers file") } catch {
            throw RecordError(located: error.errors)
        }
        return try parse(text, source: file.path)
    }

    /// Parses an answers file; every problem is reported at once as `source:line:col: message`.
    package static func parse(_ yaml: String, source: String = "answers") throws(RecordError) -> RecordAnswers {
        var reader = AnswersReader(source: source)
        let answers = reader.read(yaml)
        guard reader.errors.isEmpty, let answers else { throw RecordError(located: reader.errors) }
        return answers
    }
}

/// Reads the answers YAML from Yams' node tree, which keeps each node's line and column.
struct AnswersReader {
    /// The file's problems, as every YAML reader of checkup reports them.
    let diagnostics: Diagnostics
    var source: String { diagnostics.file }
    var errors: [LocatedError] { diagnostics.errors }

    static let topKeys = ["technician", "rows"]
    static let rowKeys = ["result", "observed", "handling", "cleared"]

    init(source: String) { diagnostics = Diagnostics(file: source) }

    func report(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.report(message, at: node, hint: hint)
    }

    func location(_ node: Node) -> RecordAnswers.SourceLocation {
        RecordAnswers.SourceLocation(file: source, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func read(_ yaml: String) -> RecordAnswers? {
        guard let root = diagnostics.compose(yaml, empty: "the answers file is empty; expected `technician:` and `rows:`") else {
            return nil
        }
        guard let top = root.mapping else {
            report("expected a map with `technician:` and `rows:`", at: root)
            return nil
        }
        var answers = RecordAnswers()
        var rowsNode: Node?
        for (key, value) in top {
            switch key.string {
            case "technician":
                guard case .scalar(let s) = value else { report("'technician' must be a name", at: value); continue }
                answers.technician = s.string
            case "rows":
                rowsNode = value
            default:
                let name = key.string ?? ""
                report("unknown key '\(name)'; expected technician, rows", at: key,
                       hint: Suggest.closest(to: name, in: Self.topKeys).map { "did you mean '\($0)'?" })
            }
        }
        guard let rowsNode else {
            report("missing `rows:`, a map of ROW-KEY: result or {result, observed, handling, cleared}", at: root)
            return nil
        }
        guard let rows = rowsNode.mapping else {
            report("expected `rows:` as a map of ROW-KEY: result or {result, observed, handling, cleared}", at: rowsNode)
            return nil
        }
        for (key, value) in rows {
            guard case .scalar(let k) = key else { report("row keys must be text, e.g. manual/grounding", at: key); continue }
            answers.rowLocations[k.string] = location(key)
            if let answer = rowAnswer(value, key: k.string) { answers.rows[k.string] = answer }
        }
        return answers
    }

    mutating func result(_ node: Node, key: String) -> RowResult? {
        guard case .scalar(let s) = node, let r = RowResult(answer: s.string) else {
            report("\(key): result '\(node.string ?? "")': expected 正常/normal, 异常/abnormal or 待检/to-check", at: node)
            return nil
        }
        return r
    }

    mutating func text(_ node: Node, key: String, field: String) -> String? {
        guard case .scalar(let s) = node else { report("\(key): '\(field)' must be text", at: node); return nil }
        return s.string
    }

    mutating func rowAnswer(_ value: Node, key: String) -> RecordAnswers.RowAnswer? {
        if case .scalar = value { return result(value, key: key).map { RecordAnswers.RowAnswer(result: $0) } }
        guard let map = value.mapping else {
            report("\(key): expected a result or a map {result, observed, handling, cleared}", at: value)
            return nil
        }
        var answer = RecordAnswers.RowAnswer()
        let before = errors.count
        for (field, v) in map {
            switch field.string {
            case "result": answer.result = result(v, key: key)
            case "observed": answer.observed = text(v, key: key, field: "observed")
            case "handling": answer.handling = text(v, key: key, field: "handling")
            case "cleared":
                guard let b = v.flag else { report("\(key): cleared: expected true or false", at: v); continue }
                answer.cleared = b
            default:
                let name = field.string ?? ""
                report("\(key): unknown key '\(name)'; expected \(Self.rowKeys.joined(separator: ", "))", at: field,
                       hint: Suggest.closest(to: name, in: Self.rowKeys).map { "did you mean '\($0)'?" })
            }
        }
        return errors.count == before ? answer : nil
    }
}

extension RecordAnswers {
    /// Refuses answers to rows the month never had (a typo), at their place in the file with a
    /// did-you-mean. Rows that existed in an earlier version are accepted: the answer is kept.
    package func checkKeys(known: Set<String>, site: String, month: String) throws(RecordError) {
        let keys = known.sorted()
        var located: [LocatedError] = []
        for key in rows.keys.sorted() where !known.contains(key) {
            let hint = Suggest.closest(to: key, in: keys).map { "did you mean '\($0)'?" }
            let message = "no row '\(key)' in \(site) \(month)"
            guard let place = rowLocations[key] else {
                throw RecordError("answers: \(message)" + (hint.map { " (\($0))" } ?? ""))
            }
            located.append(place.error(message, hint: hint))
        }
        if !located.isEmpty {
            throw RecordError(located: located.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
    }
}

extension MonthlyRecord {
    /// The record with a person's answers applied (see `applying(history:)`); unknown row keys
    /// are an error at their place in the answers file.
    package func applying(_ answers: RecordAnswers, by person: String) throws(RecordError) -> MonthlyRecord {
        try answers.checkKeys(known: Set(rows.map(\.key)), site: header.siteId, month: header.period)
        let history = answers.rows.keys.sorted().map {
            StoredAnswer(key: $0, answer: answers.rows[$0]!, filledBy: person, filledAt: Date())
        }
        var (record, _) = applying(history: history)
        record.editedBy = person
        if !record.header.technicians.contains(person) { record.header.technicians.append(person) }
        record.signOff.technicians = record.header.technicians
        record.version = nil
        record.seal()
        return record
    }
}
