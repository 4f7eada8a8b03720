package import Foundation

/// Judges a profile's checks over one device's readings. Pure: the same for every protocol,
/// and testable with no device at all.
package struct Evaluator: Sendable {
    package var allowActive: Bool
    package var now: Date

    package init(allowActive: Bool = false, now: Date = Date()) {
        self.allowActive = allowActive
        self.now = now
    }

    /// One result per check of `profile`, in profile order.
    package func evaluate(_ profile: Profile, readings: Readings, device: String) -> [CheckResult] {
        profile.checks.map { evaluate($0, profile: profile, readings: readings, device: device) }
    }

    package func evaluate(_ check: CheckSpec, profile: Profile, readings: Readings, device: String) -> CheckResult {
        var result = CheckResult(device: device, check: check.id, title: check.title, status: .pass, record: check.record)
        let point = check.point.flatMap(profile.point)
        let reading = check.point.flatMap { readings.values[$0] }

        if let instruction = check.manual {
            result.status = .manual
            result.finding = .manual(instruction: instruction)
            result.note = instruction.en
            result.expect(.instruction(instruction))
            if let reading { result.observed = reading.value.text; result.evidence = reading.evidence.map { [$0] } ?? [] }
            return result
        }
        if !ActiveSteps(allowed: allowActive).runs(check) {
            result.status = .skipped
            result.finding = .notRun
            result.note = "active step (changes the device's state): run with --allow-active to perform it"
            return result
        }
        if let reason = readings.unreachable {
            result.status = .unreachable
            result.finding = .unreachable(waitedSeconds: 0)
            result.observed = "no answer: \(reason)"
            result.expect(.answers)
            return result
        }
        guard let reading else {
            result.status = .error
            result.finding = .unreadable
            result.observed = "no reading for point '\(check.point ?? "?")'"
            return result
        }
        result.durationMs = reading.duration.milliseconds
        result.evidence = reading.evidence.map { [$0] } ?? []
        let value = Evaluator.scaled(reading.value, point)
        let unit = reading.unit ?? point?.unit

        switch value {
        case .absent(let why):
            result.observed = "absent (\(why))"
            if result.evidence.isEmpty { result.evidence = [why] }
            let outcome = AbsentOutcome(check, what: why)
            result.status = outcome.status
            result.finding = outcome.finding
            result.note = outcome.note
            Evaluator.showInstruction(&result)
            return result
        case .error(let why):
            result.status = .error
            result.finding = .unreadable
            result.observed = why
            return result
        case .table(let rows):
            let table = TableJudge(check: check, judge: self, noun: point?.title).judge(rows)
            result.status = table.status
            result.note = table.note
            result.observed = table.observed + (reading.caveat.map { " (\($0))" } ?? "")
            result.expect(table.expected)
            result.offending = table.offending
            result.finding = table.finding
            Evaluator.showInstruction(&result)
            return result
        default:
            let judgement = judge(value, conditions: check.conditions, severity: check.severity, unit: unit)
            result.status = judgement.status
            result.observed = judgement.observed
            result.expect(judgement.expected)
            result.finding = judgement.finding
            if judgement.numericReading, let number = value.numeric {
                result.perf = PerfData(label: check.id, value: number, unit: Evaluator.perfUnit(unit),
                                       warning: judgement.warning, critical: judgement.critical)
            }
            return result
        }
    }

    /// A row for a person (`absent: manual`) shows what to look at where a check shows what it expects.
    static func showInstruction(_ result: inout CheckResult) {
        guard result.status == .manual, case .manual(let instruction?) = result.finding else { return }
        result.expect(.instruction(instruction))
    }

    /// Applies the point's `invalid` markers, then its `scale` and `offset`, to numbers.
    static func scaled(_ value: Value, _ point: PointSpec?) -> Value {
        guard let point else { return value }
        if let raw = value.numeric, point.invalid.contains(raw), !value.isTable {
            return .absent("\(value.text) marks the value invalid")
        }
        guard point.scale != nil || point.offset != nil else { return value }
        switch value {
        case .integer, .number, .text:
            guard let n = value.numeric else { return value }
            return .number(n * (point.scale ?? 1) + (point.offset ?? 0))
        default: return value
        }
    }

    /// Monitoring-Plugins UOMs are s, %, B, KB, MB, TB, c; others are dropped from perfdata.
    static func perfUnit(_ unit: String?) -> String? {
        guard let unit, ["s", "ms", "us", "%", "B", "KB", "MB", "GB", "TB", "c"].contains(unit) else { return nil }
        return unit
    }

    /// The combined verdict of all conditions on one value: the worst of them.
    func judge(_ value: Value, conditions: [Condition], severity: CheckStatus, unit: String?) -> Judgement {
        var combined = Judgement(status: .pass, observed: Evaluator.display(value, unit: unit), expected: nil)
        var expectations: [Expectation] = []
        for condition in conditions {
            let j = ConditionJudge(now: now).judge(condition, value, severity: severity, unit: unit)
            if j.status > combined.status || (j.status == combined.status && j.observedOverride != nil) {
                if let o = j.observedOverride { combined.observed = o }
                if let f = j.finding { combined.finding = f }
            }
            combined.status = max(combined.status, j.status)
            if let e = j.expected { expectations.append(e) }
            combined.numericReading = combined.numericReading || j.numericReading
            combined.warning = combined.warning ?? j.warning
            combined.critical = combined.critical ?? j.critical
        }
        combined.expected = expectations.count > 1 ? .all(expectations) : expectations.first
        if combined.finding == nil { combined.finding = Evaluator.finding(value, unit: unit, numeric: combined.numericReading) }
        return combined
    }

    /// The plain finding of a value: a quantity when it was judged as a number, else its text.
    static func finding(_ value: Value, unit: String?, numeric: Bool) -> Finding {
        switch value {
        case .integer, .number: return .quantity(value: value.numeric ?? 0, unit: UnitSymbol.symbol(unit))
        case .bool(let b): return .state(name: b ? LocalizedText(zh: "是", en: "yes") : LocalizedText(zh: "否", en: "no"))
        case .text(let text):
            if numeric, let n = value.numeric {
                return .quantity(value: n, unit: UnitSymbol.symbol(unit) ?? UnitSymbol.suffix(of: text))
            }
            return .text(value: text)
        case .date(let d): return .text(value: TextDate.iso8601(d))
        default: return .text(value: value.text)
        }
    }

    static func display(_ value: Value, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return value.text }
        switch value {
        case .integer, .number: return "\(value.text) \(unit)"
        default: return value.text
        }
    }
}

/// The verdict of conditions on one value.
struct Judgement {
    var status: CheckStatus
    var observed: String
    /// Nil when the condition names nothing to expect (a map without a passing state).
    var expected: Expectation?
    var observedOverride: String?
    var numericReading = false
    var warning: String?
    var critical: String?
    /// What was seen, as data, when a condition knows better than the plain value (a state name).
    var finding: Finding?

    init(status: CheckStatus, observed: String = "", expected: Expectation?, observedOverride: String? = nil) {
        self.status = status
        self.observed = observed
        self.expected = expected
        self.observedOverride = observedOverride
    }
}

extension Duration {
    var milliseconds: Double {
        let c = components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }
}
