import Foundation

/// The verdict of one check on one device, with what was seen and what was expected.
public struct CheckResult: Sendable, Codable, Hashable {
    public var device: String
    public var check: String
    public var title: LocalizedText
    public var status: CheckStatus
    /// What was read, as a person would say it ("27 %", "disk 2 SmartFailed").
    public var observed: String
    /// What the check expects ("≤ 80", "Normal", "every disk Normal"): `expectation`'s English line.
    public var expected: String
    /// What the check expects, as data: records word it in their own language.
    public var expectation: Expectation?
    /// Raw evidence: the exchange lines that produced the value.
    public var evidence: [String]
    public var durationMs: Double
    /// Rows of a table that broke the check ("disk 2", "zone 5").
    public var offending: [String]
    /// Where the result goes on the monthly form.
    public var record: RecordMapping?
    /// Numeric reading for perfdata, with its thresholds.
    public var perf: PerfData?
    /// A line for a person (manual rows, hints on errors).
    public var note: String?
    /// What was seen, as data: records word it in their own language.
    public var finding: Finding?

    public init(device: String, check: String, title: LocalizedText, status: CheckStatus,
                observed: String = "", expected: String = "", evidence: [String] = [],
                durationMs: Double = 0, offending: [String] = [], record: RecordMapping? = nil,
                perf: PerfData? = nil, note: String? = nil, finding: Finding? = nil, expectation: Expectation? = nil) {
        self.device = device
        self.check = check
        self.title = title
        self.status = status
        self.observed = observed
        self.expected = expected
        self.evidence = evidence
        self.durationMs = durationMs
        self.offending = offending
        self.record = record
        self.perf = perf
        self.note = note
        self.finding = finding
        self.expectation = expectation
    }

    /// Sets what the check expects, as data and as its English line.
    public mutating func expect(_ expectation: Expectation?) {
        self.expectation = expectation
        expected = expectation?.description ?? ""
    }

    enum CodingKeys: String, CodingKey {
        case device, check, title, status, observed, expected, evidence
        case durationMs = "duration_ms"
        case offending, record, perf, note, finding, expectation
    }
}

/// A numeric reading in Monitoring-Plugins perfdata form: `'label'=value[UOM];warn;crit;min;max`.
public struct PerfData: Sendable, Codable, Hashable {
    public var label: String
    public var value: Double
    public var unit: String?
    public var warning: String?
    public var critical: String?
    public var min: Double?
    public var max: Double?

    public init(label: String, value: Double, unit: String? = nil, warning: String? = nil,
                critical: String? = nil, min: Double? = nil, max: Double? = nil) {
        self.label = label
        self.value = value
        self.unit = unit
        self.warning = warning
        self.critical = critical
        self.min = min
        self.max = max
    }
}

/// A text in Chinese and English; the record and the CLI pick one with `--lang`.
public struct LocalizedText: Sendable, Codable, Hashable, CustomStringConvertible {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    public init(_ both: String) { self.init(zh: both, en: both) }
    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }
    public var description: String { en }
}

public enum Language: String, Sendable, Codable, CaseIterable {
    case zh, en
}

/// The four sections of the monthly form (docs/reference.md §1).
public enum RecordSection: String, Sendable, Codable, CaseIterable {
    case frontEnd = "front-end"
    case cabling
    case centralControl = "central-control"
    case systemFunctions = "system-functions"

    public var title: LocalizedText {
        switch self {
        case .frontEnd: LocalizedText(zh: "前端设备", en: "Front-end devices")
        case .cabling: LocalizedText(zh: "管线", en: "Cabling")
        case .centralControl: LocalizedText(zh: "中心控制设备", en: "Central control equipment")
        case .systemFunctions: LocalizedText(zh: "系统功能", en: "System functions")
        }
    }
}

/// Which line of the monthly form a check fills: a section and an item ("alarm host", "cameras").
public struct RecordMapping: Sendable, Codable, Hashable {
    public var section: RecordSection
    public var item: LocalizedText
    public init(section: RecordSection, item: LocalizedText) {
        self.section = section
        self.item = item
    }
}
