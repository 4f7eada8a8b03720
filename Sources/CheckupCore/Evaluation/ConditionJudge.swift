import Foundation

/// Judges one condition on one scalar value.
struct ConditionJudge {
    let now: Date

    func judge(_ condition: Condition, _ value: Value, severity: CheckStatus, unit: String?) -> Judgement {
        switch condition {
        case .equals(let expected):
            return Judgement(status: expected.matches(value) ? .pass : severity, expected: .equals(expected.words))
        case .notEquals(let expected):
            return Judgement(status: expected.matches(value) ? severity : .pass, expected: .notEquals(expected.words))
        case .oneOf(let list):
            return Judgement(status: list.contains { $0.matches(value) } ? .pass : severity,
                             expected: .oneOf(list.map(\.words)))
        case .range(let range):
            guard let n = value.numeric else { return notANumber(value, expected: .within(.init(range))) }
            var j = Judgement(status: range.alerts(n) ? severity : .pass, expected: .within(.init(range)))
            j.numericReading = true
            if severity == .warn { j.warning = range.text } else { j.critical = range.text }
            return j
        case .thresholds(let warning, let critical):
            let expected = Expectation.thresholds(critical: critical.map(Expectation.Span.init), warning: warning.map(Expectation.Span.init))
            guard let n = value.numeric else { return notANumber(value, expected: expected) }
            let status: CheckStatus = critical?.alerts(n) == true ? .fail : warning?.alerts(n) == true ? .warn : .pass
            var j = Judgement(status: status, expected: expected)
            j.numericReading = true
            j.warning = warning?.text
            j.critical = critical?.text
            return j
        case .regex(let pattern):
            let matches = PatternMatch.matches(pattern, in: value.text)
            return Judgement(status: matches ? .pass : severity, expected: .matches(pattern: pattern))
        case .map(let map):
            let passing = map.entries.values.filter { $0.status == .pass }.sorted { $0.name < $1.name }
            let expected: Expectation? = passing.isEmpty ? nil : .state(anyOf: passing.map(\.words))
            guard let entry = map.entry(for: value) else {
                return Judgement(status: .error, expected: expected, observedOverride: "\(value.text) (not a known state)")
            }
            var j = Judgement(status: entry.status, expected: expected, observedOverride: "\(entry.name) (\(value.text))")
            j.finding = .state(name: entry.words)
            return j
        case .bits(let map, let activeLow):
            guard let n = value.numeric, let bits = UInt64(exactly: n) else { return notANumber(value, expected: .bitField) }
            var raised: [EnumMap.Entry] = []
            for (key, entry) in map.entries {
                guard let bit = Int(key), (0..<64).contains(bit) else { continue }
                let set = bits & (1 << UInt64(bit)) != 0
                if set != activeLow { raised.append(entry) }
            }
            raised.sort { $0.name < $1.name }
            let status = raised.map(\.status).max() ?? .pass
            let watched = map.entries.values.filter { $0.status != .pass }.sorted { $0.name < $1.name }
            let observed = raised.isEmpty ? "none set (\(value.text))" : raised.map(\.name).joined(separator: ", ")
            var j = Judgement(status: status, expected: watched.isEmpty ? nil : .noFlags(of: watched.map(\.words)), observedOverride: observed)
            j.finding = .flags(raised: raised.map(\.words))
            return j
        case .clock(let warning, let critical):
            let expected = Expectation.clock(withinSeconds: warning ?? critical ?? 0)
            guard let date = ConditionJudge.date(from: value) else {
                return Judgement(status: .error, expected: expected, observedOverride: "'\(value.text)' is not a date and time")
            }
            let skew = date.timeIntervalSince(now)
            let magnitude = abs(skew)
            let status: CheckStatus = critical.map { magnitude > $0 } == true ? .fail : warning.map { magnitude > $0 } == true ? .warn : .pass
            let observed = "\(TextDate.iso8601(date)) (\(skew >= 0 ? "+" : "-")\(Value.number(magnitude.rounded()).text) s)"
            var j = Judgement(status: status, expected: expected, observedOverride: observed)
            j.numericReading = false
            j.finding = .clock(skewSeconds: skew)
            return j
        }
    }

    private func notANumber(_ value: Value, expected: Expectation) -> Judgement {
        Judgement(status: .error, expected: expected, observedOverride: "'\(value.text)' is not a number")
    }

    /// A device time: a date value, or text in the common device formats.
    static func date(from value: Value) -> Date? {
        switch value {
        case .date(let d): return d
        case .text(let text):
            return TextDate.parse(text, timeZone: TimeZone(identifier: "UTC")!)
        default: return nil
        }
    }
}
