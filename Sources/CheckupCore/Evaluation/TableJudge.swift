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
        var expected: String
        var offending: [String]
        var finding: Finding
    }

    typealias Judged = (row: TableRow, label: LocalizedText, judgement: Judgement)

    func judge(_ rows: [TableRow]) -> Outcome {
        let rule = check.table ?? TableRule(rows: .every)
        if let min = rule.minRows, rows.count < min {
            return Outcome(status: check.severity, observed: "\(rows.count) rows", expected: "at least \(min) rows", offending: [],
                           finding: .rows(total: rows.count, noun: noun, offending: []))
        }
        var judged: [Judged] = []
        for row in rows {
            let label = TableJudge.label(rule.label, row)
            guard let cell = cell(row, rule.column) else {
                let missing = Judgement(status: .error, expected: "", observedOverride: "no column '\(rule.column ?? "?")'")
                judged.append((row, label, missing))
                continue
            }
            var j: Judgement
            switch cell {
            case .absent(let why):
                j = Judgement(status: check.absent == .pass ? .pass : check.absent == .skip ? .pass : .error, expected: "",
                              observedOverride: "absent (\(why))")
            case .error(let why):
                j = Judgement(status: .error, expected: "", observedOverride: why)
            default:
                j = judge.judge(cell, conditions: check.conditions, severity: check.severity, unit: nil)
            }
            judged.append((row, label, j))
        }
        let expectedCell = [rule.column, judged.first?.judgement.expected].compactMap { $0 }.joined(separator: " ")
        let describe: (Judged) -> String = { "\($0.label.en): \($0.judgement.observed)" }
        let found: ([Judged]) -> Finding = { rowsAtFault in
            .rows(total: rows.count, noun: noun, offending: rowsAtFault.map { j in
                var state: LocalizedText?
                // A map's state names the row's trouble; a plain yes/no would only repeat the check.
                if case .state(let words) = j.judgement.finding, !Self.isBool(j.row, rule.column) { state = words }
                return RowFinding(label: j.label, state: state)
            })
        }

        if let count = rule.count {
            let matching = judged.filter { $0.judgement.status == .pass }
            let status = count.alerts(Double(matching.count)) ? check.severity : .pass
            return Outcome(status: status, observed: "\(matching.count) of \(rows.count) rows match",
                           expected: "\(count.expectation) rows with \(expectedCell)", offending: [],
                           finding: .count(matching: matching.count, total: rows.count, noun: noun))
        }
        switch rule.rows ?? .every {
        case .every:
            let bad = judged.filter { $0.judgement.status != .pass }
            let status = bad.map(\.judgement.status).max() ?? .pass
            let observed = bad.isEmpty ? "all \(rows.count) rows ok" : bad.map(describe).joined(separator: "; ")
            return Outcome(status: status, observed: observed, expected: "every row: \(expectedCell)",
                           offending: bad.map(\.label.en), finding: found(bad))
        case .none:
            let hits = judged.filter { $0.judgement.status == .pass }
            let errors = judged.filter { $0.judgement.status == .error }
            let status: CheckStatus = !hits.isEmpty ? check.severity : errors.isEmpty ? .pass : .error
            let observed = hits.isEmpty ? (errors.isEmpty ? "none of \(rows.count) rows" : errors.map(describe).joined(separator: "; "))
                : hits.map(\.label.en).joined(separator: ", ")
            return Outcome(status: status, observed: observed, expected: "no row with \(expectedCell)",
                           offending: hits.map(\.label.en), finding: found(hits.isEmpty ? errors : hits))
        case .any:
            let hits = judged.filter { $0.judgement.status == .pass }
            return Outcome(status: hits.isEmpty ? check.severity : .pass,
                           observed: hits.isEmpty ? "no row matches" : hits.map(\.label.en).joined(separator: ", "),
                           expected: "a row with \(expectedCell)", offending: [],
                           finding: .count(matching: hits.count, total: rows.count, noun: noun))
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
    static func label(_ template: LocalizedText?, _ row: TableRow) -> LocalizedText {
        guard let template else { return LocalizedText(row.index) }
        func fill(_ text: String) -> String {
            var text = text.replacingOccurrences(of: "{index}", with: row.index)
            for (name, value) in row.cells { text = text.replacingOccurrences(of: "{\(name)}", with: value.text) }
            return text
        }
        return LocalizedText(zh: fill(template.zh), en: fill(template.en))
    }
}
