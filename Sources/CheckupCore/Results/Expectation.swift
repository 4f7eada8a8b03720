/// What a check expects, as data rather than words, so each record can say it in its own
/// language (`≤ 100，> 80 为注意`, `每个防区：正常`). `description` is the English line that
/// `CheckResult.expected` and the terminal show (`≤ 100, warn unless ≤ 80`, `every row: status Normal`).
package indirect enum Expectation: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The value equals this one (`= 1`, `= true`).
    case equals(LocalizedText)
    case notEquals(LocalizedText)
    case oneOf([LocalizedText])
    /// A number inside the span (or, with `outside`, outside it).
    case within(Span)
    /// A number that fails outside `critical` and warns outside `warning`.
    case thresholds(critical: Span?, warning: Span?)
    /// Text matching a regular expression.
    case matches(pattern: String)
    /// One of the passing states of a map.
    case state(anyOf: [LocalizedText])
    /// None of these bits of a bit field raised.
    case noFlags(of: [LocalizedText])
    /// A number read as a bit field (what a non-number failed to be).
    case bitField
    /// A device clock at most this many seconds from ours.
    case clock(withinSeconds: Double)
    /// The device answers at all.
    case answers
    /// Every one of several conditions on one value.
    case all([Expectation])
    /// A table: how many of its rows (a row is a `noun`: 防区, 硬盘) must meet `cell`, judged in `column`.
    case rows(Rows, noun: LocalizedText?, column: String?, cell: Expectation?)
    /// What a person should look at and judge.
    case instruction(LocalizedText)

    /// How many rows of a table a check asks for.
    package enum Rows: Sendable, Codable, Hashable {
        case every, none, any
        /// The number of matching rows lies in the span.
        case count(Span)
        /// The table has at least this many rows (before any is judged).
        case atLeast(Int)
    }

    /// A Monitoring-Plugins range as a passing value sees it: `≤ 80`, `10…20`, `outside 10…20`.
    /// Open ends are nil (JSON has no infinity).
    package struct Span: Sendable, Codable, Hashable, CustomStringConvertible {
        package var lower: Double?
        package var upper: Double?
        package var outside: Bool

        package init(lower: Double?, upper: Double?, outside: Bool = false) {
            self.lower = lower
            self.upper = upper
            self.outside = outside
        }

        package init(_ range: NagiosRange) {
            self.init(lower: range.start.isFinite ? range.start : nil, upper: range.end.isFinite ? range.end : nil,
                      outside: range.inverted)
        }

        /// The span in symbols, the same in every language: `≤ 80`, `≥ 60`, `= 5`, `10…20`.
        package var symbols: String {
            let text = { (v: Double) in Value.number(v).text }
            switch (lower, upper) {
            case (nil, let e?): return "≤ \(text(e))"
            case (let s?, nil): return "≥ \(text(s))"
            case (let s?, let e?): return s == e ? "= \(text(s))" : "\(text(s))…\(text(e))"
            case (nil, nil): return "≤ ∞"
            }
        }

        package var description: String { outside ? "outside \(symbols)" : symbols }
    }

    /// The English line: what `CheckResult.expected` holds.
    package var description: String {
        switch self {
        case .equals(let v): return "= \(v.en)"
        case .notEquals(let v): return "≠ \(v.en)"
        case .oneOf(let list): return "one of \(list.map(\.en).joined(separator: ", "))"
        case .within(let span): return span.description
        case .thresholds(let critical, let warning):
            return [critical?.description, warning.map { "warn unless \($0)" }].compactMap { $0 }.joined(separator: ", ")
        case .matches(let pattern): return "matches /\(pattern)/"
        case .state(let names): return names.map(\.en).joined(separator: " or ")
        case .noFlags(let names): return names.isEmpty ? "" : "none of: \(names.map(\.en).joined(separator: ", "))"
        case .bitField: return "bit field"
        case .clock(let seconds): return "within \(Value.number(seconds).text) s of this machine's clock"
        case .answers: return "device answers"
        case .all(let parts): return parts.map(\.description).filter { !$0.isEmpty }.joined(separator: "; ")
        case .rows(let rows, _, let column, let cell):
            let judged = [column, cell?.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            switch rows {
            case .every: return "every row: \(judged)"
            case .none: return "no row with \(judged)"
            case .any: return "a row with \(judged)"
            case .count(let span): return "\(span) rows with \(judged)"
            case .atLeast(let n): return "at least \(n) rows"
            }
        case .instruction(let text): return text.zh == text.en ? text.en : "\(text.zh) / \(text.en)"
        }
    }
}
