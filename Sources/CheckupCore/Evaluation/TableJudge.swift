import Foundation

/// Judges a table value: every / any / none of the rows, or a count, naming the offending rows.
struct TableJudge {
    let check: CheckSpec
    let judge: Evaluator
    /// What a row is called on a record (the point's title: 防区, 硬盘).
    var noun: LocalizedText?

    struct Outcome {
        var status: CheckStatus
        var observed: String
        var expected: Expectation
        var offending: [String]
        var finding: Finding
        var note: String?
    }

    typealias Judged = (row: TableRow, label: LocalizedText, judgement: Judgement)

    func judge(_ allRows: [TableRow]) -> Outcome {
        let rule = check.table ?? TableRule(rows: .every)
        let rows = allRows.filter { !rule.skips($0) }
        if let min = rule.minRows, rows.count < min {
            return Outcome(status: check.severity, observed: "\(rows.count) rows", expected: .rows(.atLeast(min), noun: noun, column: nil, cell: nil), offending: [],
                           finding: .rows(total: rows.count, noun: noun, offending: []))
        }
        // Rows that lack the judged cell are not supported: never judged, never counted healthy.
        var judged: [Judged] = []
        var unanswered: [(label: LocalizedText, why: String)] = []
        for row in rows {
            let label = TableJudge.label(rule.label, row, titles: rule.rowTitles)
            switch cell(row, rule.column) {
            case nil:
                unanswered.append((label, "no column '\(rule.column ?? "?")' in row \(row.index)"))
            case .absent(let why)?:
                unanswered.append((label, why))
            case .error(let why)?:
                judged.append((row, label, Judgement(status: .error, expected: nil, observedOverride: why)))
            case let cell?:
                judged.append((row, label, judge.judge(cell, conditions: check.conditions, severity: check.severity, unit: nil)))
            }
        }
        let skipped = allRows.count - rows.count
        let expected = { (rows: Expectation.Rows) in
            Expectation.rows(rows, noun: noun, column: rule.column, cell: judged.first?.judgement.expected)
        }
        let describe: (Judged) -> String = { "\($0.label.en): \($0.judgement.observed)" }
        let found: ([Judged]) -> Finding = { rowsAtFault in
            .rows(total: judged.count, noun: noun, offending: rowsAtFault.map { j in
                var state: LocalizedText?
                // A map's state names the row's trouble; a plain yes/no would only repeat the check.
                if case .state(let words) = j.judgement.finding, !Self.isBool(j.row, rule.column) { state = words }
                return RowFinding(label: j.label, state: state)
            })
        }
        let notReported = unanswered.isEmpty ? nil
            : "not reported by the unit: " + unanswered.map { "\($0.label.en) (\($0.why))" }.joined(separator: "; ")
        let leftOut = skipped > 0 ? "\(skipped) rows left out by skip-rows" : nil
        let remarks = [notReported, leftOut].compactMap { $0 }
        let note = remarks.isEmpty ? nil : remarks.joined(separator: "; ")
        /// No row could be judged: the check's absent policy decides, as for a missing object.
        func unsupported(expected: Expectation) -> Outcome {
            let outcome = AbsentOutcome(check, what: notReported ?? "no rows")
            let labels = unanswered.map(\.label.en).joined(separator: ", ")
            return Outcome(status: outcome.status, observed: "no row reports \(rule.column ?? "the judged cell") (\(labels))",
                           expected: expected, offending: [], finding: outcome.finding,
                           note: [outcome.note, notReported].compactMap { $0 }.joined(separator: "; "))
        }
        let judgedRows = judged.count == rows.count ? "\(rows.count)" : "\(judged.count) of \(rows.count)"

        if let count = rule.count {
            if judged.isEmpty, !unanswered.isEmpty { return unsupported(expected: expected(.count(.init(count)))) }
            let matching = judged.filter { $0.judgement.status == .pass }
            let status = count.alerts(Double(matching.count)) ? check.severity : .pass
            return Outcome(status: status, observed: "\(matching.count) of \(judged.count) rows match",
                           expected: expected(.count(.init(count))), offending: [],
                           finding: .count(matching: matching.count, total: judged.count, noun: noun), note: note)
        }
        switch rule.rows ?? .every {
        case .every:
            let bad = judged.filter { $0.judgement.status != .pass }
            if bad.isEmpty, judged.isEmpty, !unanswered.isEmpty { return unsupported(expected: expected(.every)) }
            let status = bad.map(\.judgement.status).max() ?? .pass
            let observed = !bad.isEmpty ? bad.map(describe).joined(separator: "; ")
                : judged.count == rows.count ? "all \(rows.count) rows ok" : "\(judgedRows) rows ok, the others not reported"
            return Outcome(status: status, observed: observed, expected: expected(.every),
                           offending: bad.map(\.label.en), finding: found(bad), note: note)
        case .none:
            let hits = judged.filter { $0.judgement.status == .pass }
            let errors = judged.filter { $0.judgement.status == .error }
            if hits.isEmpty, errors.isEmpty, judged.isEmpty, !unanswered.isEmpty { return unsupported(expected: expected(.none)) }
            let status: CheckStatus = !hits.isEmpty ? check.severity : errors.isEmpty ? .pass : .error
            let observed = hits.isEmpty ? (errors.isEmpty ? "none of \(judgedRows) rows" : errors.map(describe).joined(separator: "; "))
                : hits.map(\.label.en).joined(separator: ", ")
            return Outcome(status: status, observed: observed, expected: expected(.none),
                           offending: hits.map(\.label.en), finding: found(hits.isEmpty ? errors : hits), note: note)
        case .any:
            let hits = judged.filter { $0.judgement.status == .pass }
            if hits.isEmpty, !unanswered.isEmpty { return unsupported(expected: expected(.any)) }
            return Outcome(status: hits.isEmpty ? check.severity : .pass,
                           observed: hits.isEmpty ? "no row matches" : hits.map(\.label.en).joined(separator: ", "),
                           expected: expected(.any), offending: [],
                           finding: .count(matching: hits.count, total: judged.count, noun: noun), note: note)
        }
    }

    private static func isBool(_ row: TableRow, _ column: String?) -> Bool {
        guard let column, case .bool = row.cells[column] else { return false }
        return true
    }

    private func cell(_ row: TableRow, _ column: String?) -> Value? {
        if let column { return row.cells[column] }
        return row.cells.count == 1 ? row.cells.first?.value : nil
    }

    /// Fills `{index}` and `{column}` placeholders in both languages: "disk {volume}" → "disk 2".
    static func label(_ template: LocalizedText?, _ row: TableRow, titles: [String: LocalizedText] = [:]) -> LocalizedText {
        let title = titles[row.index]
        guard let template else { return title ?? LocalizedText(row.index) }
        func fill(_ text: String, _ index: String) -> String {
            var text = text.replacingOccurrences(of: "{index}", with: index)
            // A cell the unit does not answer names nothing: "?" rather than "absent (…)".
            for (name, value) in row.cells { text = text.replacingOccurrences(of: "{\(name)}", with: value.isAbsent ? "?" : value.text) }
            return text
        }
        return LocalizedText(zh: fill(template.zh, title?.zh ?? row.index), en: fill(template.en, title?.en ?? row.index))
    }
}
