package import CheckupCore
import Foundation

/// The yearly satisfaction analysis on paper (`satisfaction.html`), in one language.
enum SatisfactionView {
    static let words: [String: LocalizedText] = [
        "title": LocalizedText(zh: "年度客户满意度分析", en: "Yearly Client Satisfaction Analysis"),
        "year": LocalizedText(zh: "年度", en: "Year"),
        "forms": LocalizedText(zh: "征询表份数", en: "Forms"),
        "question": LocalizedText(zh: "征询项目", en: "Question"),
        "mean": LocalizedText(zh: "平均分", en: "Mean"),
        "previous": LocalizedText(zh: "上年", en: "Year before"),
        "distribution": LocalizedText(zh: "评分分布（1–5 分）", en: "Scores (1–5)"),
        "client": LocalizedText(zh: "客户", en: "Client"),
        "lowest": LocalizedText(zh: "最低项", en: "Lowest item"),
        "notAsked": LocalizedText(zh: "本年度未征询意见的客户", en: "Clients not asked this year"),
        "comments": LocalizedText(zh: "客户意见", en: "Comments"),
        "none": LocalizedText(zh: "无", en: "none"),
        "noData": LocalizedText(zh: "无数据", en: "no data"),
    ]

    static func score(_ v: Double?, _ lang: Language) -> String {
        v.map { String(format: "%.2f", $0) } ?? (words["noData"]?.text(lang) ?? "")
    }

    static func context(_ a: SatisfactionAnalysis, lang: Language) -> [String: Any] {
        let labels = words.mapValues { $0.text(lang) }
        let titles = Dictionary(ClientFeedback.questions.map { ($0.id, $0.text.text(lang)) }, uniquingKeysWith: { a, _ in a })
        return [
            "lang": lang.rawValue, "labels": labels, "colon": lang == .zh ? "：" : ": ", "year": "\(a.year)", "forms": "\(a.forms)",
            "questions": a.questions.map { q in
                ["text": q.text.text(lang), "mean": score(q.mean, lang), "previous": score(q.previousMean, lang),
                 "distribution": q.distribution.enumerated().map { "\($0.offset + 1)：\($0.element)" }.joined(separator: "  ")]
            },
            "clients": a.clients.map { c in
                ["client": c.client, "forms": "\(c.forms)", "mean": score(c.mean, lang), "lowest": c.lowest.flatMap { titles[$0] } ?? ""]
            },
            "notAsked": a.notAsked.isEmpty ? labels["none"] ?? "" : a.notAsked.joined(separator: lang == .zh ? "、" : ", "),
            "comments": a.comments.map { ["client": $0.client, "on": $0.givenOn, "text": $0.text] },
            "hasComments": !a.comments.isEmpty,
        ]
    }
}

extension RecordRenderer {
    /// The yearly satisfaction analysis as HTML (for a browser or the PDF engine).
    package func satisfactionHTML(_ analysis: SatisfactionAnalysis, lang: Language) throws(RecordError) -> String {
        try templates.render("satisfaction.html", SatisfactionView.context(analysis, lang: lang))
    }
}
