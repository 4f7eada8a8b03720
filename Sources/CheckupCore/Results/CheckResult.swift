import Foundation

/// The verdict of one check on one device, with what was seen and what was expected.
package struct CheckResult: Sendable, Codable, Hashable {
    package var device: String
    package var check: String
    package var title: LocalizedText
    package var status: CheckStatus
    /// What was read, as a person would say it ("27 %", "disk 2 SmartFailed").
    package var observed: String
    /// What the check expects ("≤ 80", "Normal", "every disk Normal"): `expectation`'s English line.
    package var expected: String
    /// What the check expects, as data: records word it in their own language.
    package var expectation: Expectation?
    /// Raw evidence: the exchange lines that produced the value.
    package var evidence: [String]
    package var durationMs: Double
    /// Rows of a table that broke the check ("disk 2", "zone 5").
    package var offending: [String]
    /// Where the result goes on the monthly form.
    package var record: RecordMapping?
    /// Numeric reading for perfdata, with its thresholds.
    package var perf: PerfData?
    /// A line for a person (manual rows, hints on errors).
    package var note: String?
    /// What was seen, as data: records word it in their own language.
    package var finding: Finding?

    package init(device: String, check: String, title: LocalizedText, status: CheckStatus,
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
    package mutating func expect(_ expectation: Expectation?) {
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
package struct PerfData: Sendable, Codable, Hashable {
    package var label: String
    package var value: Double
    package var unit: String?
    package var warning: String?
    package var critical: String?
    package var min: Double?
    package var max: Double?

    package init(label: String, value: Double, unit: String? = nil, warning: String? = nil,
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
package struct LocalizedText: Sendable, Codable, Hashable, CustomStringConvertible {
    package var zh: String
    package var en: String
    package init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    package init(_ both: String) { self.init(zh: both, en: both) }
    package func text(_ lang: Language) -> String { lang == .zh ? zh : en }
    package var description: String { en }
}

package enum Language: String, Sendable, Codable, CaseIterable {
    case zh, en
}

/// The four sections of the monthly form (docs/reference.md §1).
package enum RecordSection: String, Sendable, Codable, CaseIterable {
    case frontEnd = "front-end"
    case cabling
    case centralControl = "central-control"
    case systemFunctions = "system-functions"

    package var title: LocalizedText {
        switch self {
        case .frontEnd: LocalizedText(zh: "前端设备", en: "Front-end devices")
        case .cabling: LocalizedText(zh: "管线", en: "Cabling")
        case .centralControl: LocalizedText(zh: "中心控制设备", en: "Central control equipment")
        case .systemFunctions: LocalizedText(zh: "系统功能", en: "System functions")
        }
    }
}

/// Which line of the monthly form a check fills: a section and an item ("alarm host", "cameras").
package struct RecordMapping: Sendable, Codable, Hashable {
    package var section: RecordSection
    package var item: LocalizedText
    package init(section: RecordSection, item: LocalizedText) {
        self.section = section
        self.item = item
    }
}
