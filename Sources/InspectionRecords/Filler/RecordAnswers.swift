import CheckupCore
import Foundation
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
public struct RecordAnswers: Sendable, Hashable {
    public var technician: String?
    public var rows: [String: RowAnswer]

    public init(technician: String? = nil, rows: [String: RowAnswer] = [:]) {
        self.technician = technician
        self.rows = rows
    }

    /// What a person says about one row; nil fields are left as they are.
    public struct RowAnswer: Sendable, Hashable {
        public var result: RowResult?
        public var observed: String?
        public var handling: String?
        public var cleared: Bool?

        public init(result: RowResult? = nil, observed: String? = nil, handling: String? = nil, cleared: Bool? = nil) {
            self.result = result
            self.observed = observed
            self.handling = handling
            self.cleared = cleared
        }
    }

    public static func load(_ file: URL) throws(RecordError) -> RecordAnswers {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw RecordError("answers \(file.path): cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), source: file.path)
    }

    public static func parse(_ yaml: String, source: String = "answers") throws(RecordError) -> RecordAnswers {
        let root: Any?
        do { root = try Yams.load(yaml: yaml) } catch { throw RecordError("\(source): not valid YAML: \(error)") }
        guard let map = root as? [String: Any] else {
            throw RecordError("\(source): expected a map with `technician:` and `rows:`")
        }
        if let unknown = map.keys.first(where: { !["technician", "rows"].contains($0) }) {
            throw RecordError("\(source): unknown key '\(unknown)'; expected technician, rows")
        }
        var answers = RecordAnswers(technician: map["technician"].map { "\($0)" })
        guard let rows = map["rows"] as? [String: Any] else {
            throw RecordError("\(source): expected `rows:` as a map of ROW-KEY: result or {result, observed, handling, cleared}")
        }
        for (key, value) in rows {
            answers.rows[key] = try rowAnswer(value, key: key, source: source)
        }
        return answers
    }

    static func rowAnswer(_ value: Any, key: String, source: String) throws(RecordError) -> RowAnswer {
        func result(_ text: String) throws(RecordError) -> RowResult {
            guard let r = RowResult(answer: text) else {
                throw RecordError("\(source): \(key): result '\(text)': expected 正常/normal, 异常/abnormal or 待检/to-check")
            }
            return r
        }
        if let text = value as? String { return RowAnswer(result: try result(text)) }
        guard let map = value as? [String: Any] else {
            throw RecordError("\(source): \(key): expected a result or a map {result, observed, handling, cleared}")
        }
        let allowed = ["result", "observed", "handling", "cleared"]
        if let unknown = map.keys.first(where: { !allowed.contains($0) }) {
            let hint = Suggest.closest(to: unknown, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw RecordError("\(source): \(key): unknown key '\(unknown)'\(hint); expected \(allowed.joined(separator: ", "))")
        }
        var answer = RowAnswer()
        if let r = map["result"] { answer.result = try result("\(r)") }
        answer.observed = map["observed"].map { "\($0)" }
        answer.handling = map["handling"].map { "\($0)" }
        if let c = map["cleared"] {
            guard let b = c as? Bool else { throw RecordError("\(source): \(key): cleared: expected true or false") }
            answer.cleared = b
        }
        return answer
    }
}

extension MonthlyRecord {
    /// The record with a person's answers applied: each answered row records who judged it, and a
    /// row whose result a person set becomes a row judged by hand. Unknown row keys are an error.
    public func applying(_ answers: RecordAnswers, by person: String) throws(RecordError) -> MonthlyRecord {
        var record = self
        let keys = rows.map(\.key)
        for key in answers.rows.keys.sorted() where !keys.contains(key) {
            let hint = Suggest.closest(to: key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
            throw RecordError("answers: no row '\(key)' in \(header.siteId) \(header.period)\(hint)")
        }
        for s in record.sections.indices {
            for r in record.sections[s].rows.indices {
                guard let answer = answers.rows[record.sections[s].rows[r].key] else { continue }
                var row = record.sections[s].rows[r]
                if let result = answer.result, result != row.result || row.source == .manual {
                    row.result = result
                    row.source = .manual
                }
                if let observed = answer.observed { row.observed = observed }
                if let handling = answer.handling { row.handling = handling }
                if let cleared = answer.cleared { row.clearedOnSite = cleared }
                row.filledBy = person
                record.sections[s].rows[r] = row
            }
        }
        record.editedBy = person
        if !record.header.technicians.contains(person) { record.header.technicians.append(person) }
        record.signOff.technicians = record.header.technicians
        record.version = nil
        record.renumber()
        return record
    }
}
