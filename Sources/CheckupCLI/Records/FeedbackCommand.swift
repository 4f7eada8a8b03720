import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup feedback`: client feedback forms (客户意见征询表) and the yearly satisfaction analysis.
struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Client feedback forms and the yearly satisfaction analysis.",
        subcommands: [FeedbackAdd.self, FeedbackAnalysis.self])
}

/// `checkup feedback add`: one form, every question scored 1–5.
struct FeedbackAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Store a client's feedback form.",
        discussion: """
        Questions: \(ClientFeedback.questions.map { "\($0.id) (\($0.text.zh))" }.joined(separator: ", ")).
        Scores: 5 非常满意 very satisfied … 1 非常不满意 very dissatisfied.
        Example:
          checkup feedback add --client 示例客户 --site acme --on 2026-12-01 --by 王经理 \\
            --score response=5 --score repair=4 --score inspection=5 --score system=4 --score attitude=5 \\
            --score records=4 --score overall=5 --comment "响应很快"
        """)

    @OptionGroup var store: StoreOption

    @Option(help: "The client, as in the sites' inventories.")
    var client: String

    @Option(help: ArgumentHelp("The site the form is about, if one (inventory file or site id).", valueName: "FILE|ID"))
    var site: String?

    @Option(help: ArgumentHelp("Day the client answered (default: today).", valueName: "YYYY-MM-DD"))
    var on: Day?

    @Option(help: "Who answered for the client.")
    var by: String

    @Option(help: ArgumentHelp("A question's score, QUESTION=1…5 (repeat for each question).", valueName: "QUESTION=SCORE"))
    var score: [String] = []

    @Option(help: "The client's own words.")
    var comment: String?

    func run() async throws {
        var scores: [String: Int] = [:]
        for item in score {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]) else { throw CheckupError("--score '\(item)': expected QUESTION=1…5") }
            scores[parts[0]] = value
        }
        let today = Day.today
        let day = on ?? today
        guard day <= today else { throw CheckupError("--on \(day) is in the future (today is \(today))") }
        let form = try ClientFeedback(client: client, givenOn: day.description, respondent: by, scores: scores, comments: comment).validated()
        let s = try store.openCreating()
        var withSite = form
        withSite.siteId = try site.map { try SiteReference.resolve($0, store: s).id }
        let id = try s.addFeedback(withSite)
        print("feedback \(id): \(client) on \(day), overall \(scores["overall"] ?? 0)/5")
    }
}

/// `checkup feedback analysis --year Y`: the yearly satisfaction analysis.
struct FeedbackAnalysis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analysis", abstract: "The yearly satisfaction analysis.")

    @OptionGroup var store: StoreOption

    @Option(help: "The year.")
    var year: Int

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, pdf
    }

    @Option(help: "A table on the terminal, or html or pdf for the office.")
    var format: Format = .text

    @OptionGroup var output: DocumentOutput

    func run() async throws {
        guard Month.years.contains(year) else { throw ValidationError("--year must be \(Month.years.lowerBound)…\(Month.years.upperBound)") }
        if format == .pdf { try PDFRenderer.checkAvailable() }
        let s = try store.open()
        let analysis = try SatisfactionAnalysis.build(store: s, year: year)
        let renderer = RecordRenderer(templates: try TemplateSet.bundled())
        let lang = output.lang
        let bytes: Data = switch format {
        case .html: Data(try renderer.satisfactionHTML(analysis, lang: lang).utf8)
        case .pdf: try PDFRenderer().render(html: try renderer.satisfactionHTML(analysis, lang: lang))
        case .text: Data(Self.text(analysis, lang: lang).utf8)
        }
        try output.deliver(bytes)
    }

    static func text(_ a: SatisfactionAnalysis, lang: Language) -> String {
        let f = { (v: Double?) in v.map { String(format: "%.2f", $0) } ?? "-" }
        var text = "\(a.year): \(a.forms) forms\n"
        text += Table(header: ["QUESTION", "MEAN", "YEAR BEFORE", "1 2 3 4 5"], rows: a.questions.map {
            [$0.text.text(lang), f($0.mean), f($0.previousMean), $0.distribution.map(String.init).joined(separator: " ")]
        }).render() + "\n"
        if !a.clients.isEmpty {
            text += Table(header: ["CLIENT", "FORMS", "OVERALL", "LOWEST"], rows: a.clients.map {
                [$0.client, "\($0.forms)", f($0.mean), $0.lowest ?? "-"]
            }).render() + "\n"
        }
        text += "not asked this year: \(a.notAsked.isEmpty ? "none" : a.notAsked.joined(separator: ", "))\n"
        return text
    }
}
