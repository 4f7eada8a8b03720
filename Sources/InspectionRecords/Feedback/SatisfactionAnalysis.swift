package import CheckupCore
import Foundation

/// The yearly satisfaction analysis the regime asks for: per question and per client, the mean
/// score and its distribution, against the year before; and the clients not asked for a year.
package struct SatisfactionAnalysis: Sendable {
    package var year: Int
    package var forms: Int
    package var questions: [Question]
    package var clients: [Client]
    /// Clients with a site in the store but no feedback form in the year (the regime asks every 6–12 months).
    package var notAsked: [String]
    package var comments: [(client: String, givenOn: String, text: String)]

    package struct Question: Sendable {
        package var id: String
        package var text: LocalizedText
        package var mean: Double?
        package var previousMean: Double?
        /// How many forms gave each score, 1…5.
        package var distribution: [Int]
    }

    package struct Client: Sendable {
        package var client: String
        package var forms: Int
        package var mean: Double?
        package var lowest: String?
    }

    package static func build(store: RecordStore, year: Int) throws(RecordError) -> SatisfactionAnalysis {
        let all = try store.feedback()
        let this = all.filter { $0.givenOn.hasPrefix("\(year)-") }
        let before = all.filter { $0.givenOn.hasPrefix("\(year - 1)-") }
        func mean(_ forms: [ClientFeedback], _ question: String) -> Double? {
            let scores = forms.compactMap { $0.scores[question] }
            return scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        }
        let questions = ClientFeedback.questions.map { q in
            Question(id: q.id, text: q.text, mean: mean(this, q.id), previousMean: mean(before, q.id),
                     distribution: (1...5).map { score in this.filter { $0.scores[q.id] == score }.count })
        }
        let clients = Dictionary(grouping: this, by: \.client).keys.sorted().map { name -> Client in
            let forms = this.filter { $0.client == name }
            let means = ClientFeedback.questions.compactMap { q in mean(forms, q.id).map { (q.id, $0) } }
            return Client(client: name, forms: forms.count, mean: mean(forms, "overall"),
                          lowest: means.min { $0.1 < $1.1 }?.0)
        }
        var known = Set<String>()
        for id in try store.siteIds() { if let site = try store.site(id: id) { known.insert(site.client) } }
        let asked = Set(this.map(\.client))
        return SatisfactionAnalysis(year: year, forms: this.count, questions: questions, clients: clients,
                                    notAsked: known.subtracting(asked).sorted(),
                                    comments: this.compactMap { f in f.comments.map { (f.client, f.givenOn, $0) } })
    }
}
