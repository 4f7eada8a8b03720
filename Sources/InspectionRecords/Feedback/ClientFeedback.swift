package import CheckupCore
import Foundation

/// One client feedback form (客户意见征询表), asked every 6–12 months: a score of 1–5 per question
/// and the client's own words.
package struct ClientFeedback: Sendable, Hashable, Codable {
    package var id: Int64?
    package var client: String
    package var siteId: String?
    /// `YYYY-MM-DD`.
    package var givenOn: String
    /// Who answered for the client.
    package var respondent: String
    /// Score per question id (1 very dissatisfied … 5 very satisfied).
    package var scores: [String: Int]
    package var comments: String?

    package init(id: Int64? = nil, client: String, siteId: String? = nil, givenOn: String, respondent: String,
                scores: [String: Int], comments: String? = nil) {
        self.id = id
        self.client = client
        self.siteId = siteId
        self.givenOn = givenOn
        self.respondent = respondent
        self.scores = scores
        self.comments = comments
    }

    /// The form's questions, in order.
    package static let questions: [(id: String, text: LocalizedText)] = [
        ("response", LocalizedText(zh: "报修响应及时", en: "Response to call-outs")),
        ("repair", LocalizedText(zh: "故障处理质量", en: "Quality of repairs")),
        ("inspection", LocalizedText(zh: "月检工作认真细致", en: "Thoroughness of monthly inspections")),
        ("system", LocalizedText(zh: "系统运行状况", en: "How the system runs")),
        ("attitude", LocalizedText(zh: "服务态度", en: "Service attitude")),
        ("records", LocalizedText(zh: "记录与报告清楚", en: "Clarity of records and reports")),
        ("overall", LocalizedText(zh: "总体满意度", en: "Overall satisfaction")),
    ]

    /// The words of a score on the form.
    package static let scale: [Int: LocalizedText] = [
        5: LocalizedText(zh: "非常满意", en: "Very satisfied"), 4: LocalizedText(zh: "满意", en: "Satisfied"),
        3: LocalizedText(zh: "一般", en: "Neutral"), 2: LocalizedText(zh: "不满意", en: "Dissatisfied"),
        1: LocalizedText(zh: "非常不满意", en: "Very dissatisfied"),
    ]

    /// Checks the answers: known questions, scores 1–5, every question answered, a day.
    package func validated() throws(RecordError) -> ClientFeedback {
        let ids = Self.questions.map(\.id)
        for (question, score) in scores {
            guard ids.contains(question) else {
                let hint = Suggest.closest(to: question, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
                throw RecordError("no question '\(question)'\(hint); the questions are \(ids.joined(separator: ", "))")
            }
            guard (1...5).contains(score) else { throw RecordError("\(question): the score must be 1…5, found \(score)") }
        }
        let missing = ids.filter { scores[$0] == nil }
        guard missing.isEmpty else { throw RecordError("unanswered: \(missing.joined(separator: ", ")) (scores 1…5)") }
        guard givenOn.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil else {
            throw RecordError("the day '\(givenOn)': expected YYYY-MM-DD")
        }
        guard !client.isEmpty, !respondent.isEmpty else { throw RecordError("a feedback form needs the client and who answered") }
        return self
    }
}
