import Foundation

/// A condition a check puts on a value. Several conditions on one check must all hold.
package enum Condition: Sendable {
    case equals(ExpectedValue)
    case notEquals(ExpectedValue)
    case oneOf([ExpectedValue])
    /// Inside the range, else the check's severity.
    case range(NagiosRange)
    /// Monitoring-Plugins thresholds: `warn` outside `warning`, `fail` outside `critical`.
    case thresholds(warning: NagiosRange?, critical: NagiosRange?)
    case regex(String)
    /// Names the value; the entry's status decides.
    case map(EnumMap)
    /// Bits of an integer; each set (or, `activeLow`, clear) bit in the map gives its status.
    case bits(EnumMap, activeLow: Bool)
    /// A device clock against the checking machine's, in seconds.
    case clock(warning: Double?, critical: Double?)
}

/// A literal a profile compares against: numbers as numbers, booleans as bits, else text.
package enum ExpectedValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case text(String)

    package func matches(_ value: Value) -> Bool {
        switch self {
        case .number(let n): return value.numeric.map { $0 == n } ?? false
        case .bool(let b):
            if case .bool(let v) = value { return v == b }
            return value.numeric.map { ($0 != 0) == b } ?? false
        case .text(let t): return value.text == t
        }
    }

    package var description: String {
        switch self {
        case .number(let n): Value.number(n).text
        case .bool(let b): b ? "true" : "false"
        case .text(let t): t
        }
    }

    /// The literal in both languages: a boolean reads 是 or 否 on a zh record.
    public var words: LocalizedText {
        guard case .bool(let b) = self else { return LocalizedText(description) }
        return LocalizedText(zh: b ? "是" : "否", en: description)
    }
}

/// Value → name and status, for enum maps and bit fields.
package struct EnumMap: Sendable {
    package struct Entry: Sendable {
        /// The state's name as the profile writes it (English by convention; matched and printed).
        package var name: String
        package var status: CheckStatus
        /// The state in Chinese for zh records (`zh:` in the profile); nil leaves it to the
        /// record's phrase table.
        package var zh: String?

        package init(name: String, status: CheckStatus, zh: String? = nil) {
            self.name = name
            self.status = status
            self.zh = zh
        }

        package var words: LocalizedText { LocalizedText(zh: zh ?? name, en: name) }
    }
    /// Keys as written (numbers normalised: "1", "3").
    package var entries: [String: Entry]
    package var fallback: Entry?

    package func entry(for value: Value) -> Entry? {
        let key = value.numeric.map { Value.number($0).text } ?? value.text
        return entries[key] ?? entries[value.text] ?? fallback
    }
}
