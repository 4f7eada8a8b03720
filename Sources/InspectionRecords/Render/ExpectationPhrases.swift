import CheckupCore

/// Words what a check expects in the record's language: `≤ 100，> 80 为注意`, `正常或空闲`,
/// `每个防区：否`, `与本机时钟相差不超过 60 秒`. English is the evaluator's own line
/// (`Expectation.description`), the one the terminal shows. A zh page names no column and no
/// English state: states go through `RecordPhrases.state`, as findings do.
enum ExpectationPhrases {
    /// A row's 要求: its expectation in words, else (rows stored before it was kept) its line.
    static func expected(_ row: RecordRow, lang: Language) -> String {
        row.expectation.map { words($0, lang: lang) } ?? row.expected
    }

    static func words(_ expectation: Expectation, lang: Language) -> String {
        guard lang == .zh else { return expectation.description }
        let state = { (name: LocalizedText) in RecordPhrases.state(name, .zh) }
        switch expectation {
        case .equals(let v): return "= \(state(v))"
        case .notEquals(let v): return "≠ \(state(v))"
        case .oneOf(let list): return "为 \(list.map(state).joined(separator: "、")) 之一"
        case .within(let span): return words(span)
        case .thresholds(let critical, let warning):
            guard let warning else { return critical.map(words) ?? "" }
            guard let critical else { return "\(words(warning))，否则为注意" }
            return "\(words(critical))，\(alerting(warning)) 为注意"
        case .matches(let pattern): return patternWords[pattern] ?? "符合 /\(pattern)/"
        case .state(let names): return names.map(state).joined(separator: "或")
        case .noFlags(let names): return names.isEmpty ? "" : "无\(names.map(state).joined(separator: "、"))"
        case .bitField: return "状态位（数值）"
        case .clock(let seconds): return "与本机时钟相差不超过 \(RecordPhrases.number(seconds)) 秒"
        case .answers: return "设备应答"
        case .all(let parts): return parts.map { words($0, lang: .zh) }.filter { !$0.isEmpty }.joined(separator: "；")
        case .rows(let rows, let noun, _, let cell):
            let what = noun?.zh ?? "项"
            let judged = cell.map { words($0, lang: .zh) } ?? ""
            switch rows {
            case .every: return judged.isEmpty ? "每个\(what)均正常" : "每个\(what)：\(judged)"
            case .none: return judged.isEmpty ? "无\(what)" : "无\(what)符合“\(judged)”"
            case .any: return judged.isEmpty ? "至少一个\(what)" : "至少一个\(what)：\(judged)"
            case .count(let span): return "\(judged.isEmpty ? "" : "符合“\(judged)”的")\(what)数 \(words(span))"
            case .atLeast(let n): return "至少 \(n) 个\(what)"
            }
        case .instruction(let text): return text.zh
        }
    }

    /// The patterns the bundled profiles use, in words a client reads; any other is shown as written.
    static let patternWords = ["." : "有应答内容", "^[0-9.]+$": "为数值", "^[0-9]+$": "为整数"]

    /// A passing span: `≤ 80`, `10…20`; outside a span, the values beyond it (`< 10 或 > 20`).
    static func words(_ span: Expectation.Span) -> String {
        span.outside ? alerting(Expectation.Span(lower: span.lower, upper: span.upper)) : span.symbols
    }

    /// The values a passing span leaves out, for a warning: `> 80`, `< 12`, `< 10 或 > 20`.
    static func alerting(_ span: Expectation.Span) -> String {
        let n = RecordPhrases.number
        if span.outside { return span.symbols }
        switch (span.lower, span.upper) {
        case (nil, let e?): return "> \(n(e))"
        case (let s?, nil): return "< \(n(s))"
        case (let s?, let e?): return "< \(n(s)) 或 > \(n(e))"
        case (nil, nil): return "无"
        }
    }
}
