import Foundation

/// A condition a check puts on a value. Several conditions on one check must all hold.
public enum Condition: Sendable {
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
public enum ExpectedValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case text(String)

    public func matches(_ value: Value) -> Bool {
        switch self {
        case .number(let n): return value.numeric.map { $0 == n } ?? false
        case .bool(let b):
            if case .bool(let v) = value { return v == b }
            return value.numeric.map { ($0 != 0) == b } ?? false
        case .text(let t): return value.text == t
        }
    }

    public var description: String {
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
public struct EnumMap: Sendable {
    public struct Entry: Sendable {
        /// The state's name as the profile writes it (English by convention; matched and printed).
        public var name: String
        public var status: CheckStatus
        /// The state in Chinese for zh records (`zh:` in the profile); nil leaves it to the
        /// record's phrase table.
        public var zh: String?

        public init(name: String, status: CheckStatus, zh: String? = nil) {
            self.name = name
            self.status = status
            self.zh = zh
        }

        public var words: LocalizedText { LocalizedText(zh: zh ?? name, en: name) }
    }
    /// Keys as written (numbers normalised: "1", "3").
    public var entries: [String: Entry]
    public var fallback: Entry?

    public func entry(for value: Value) -> Entry? {
        let key = value.numeric.map { Value.number($0).text } ?? value.text
        return entries[key] ?? entries[value.text] ?? fallback
    }
}
