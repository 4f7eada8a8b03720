import Foundation
import Testing

/// `checkup feedback add` and the yearly satisfaction analysis: two forms this year, one the
/// year before, a client never asked; bad forms refused.
@Suite(.serialized)
struct FeedbackCommandTests {
    @Test func formsAndTheYearlySatisfactionAnalysis() throws {
        let dir = try ReportLogCommandTests.twoSitesOfOneClient()
        try "site: {id: annex, client: 其他客户, name: 附楼}\ndevices:\n  - {id: c, name: C, kind: camera, profile: generic-snmp, endpoint: \"snmp://127.0.0.1:1\"}\n"
            .write(toFile: dir + "/annex.yaml", atomically: true, encoding: .utf8)
        let store = ["--store", dir + "/s.sqlite"]
        _ = try CLI.run(["sites", "import", dir + "/annex.yaml"] + store)
        let year = Int(Date().formatted(.iso8601.year())) ?? 2026
        func add(_ on: String, _ scores: [Int], comment: String? = nil) throws -> CLI.Outcome {
            let ids = ["response", "repair", "inspection", "system", "attitude", "records", "overall"]
            return try CLI.run(["feedback", "add", "--client", ReportLogCommandTests.client, "--site", "gate", "--on", on, "--by", "王经理"]
                               + zip(ids, scores).flatMap { ["--score", "\($0)=\($1)"] } + (comment.map { ["--comment", $0] } ?? []) + store)
        }
        #expect(try add("\(year)-01-15", [5, 4, 5, 4, 5, 4, 5], comment: "响应很快").status == 0)
        #expect(try add("\(year)-07-15", [3, 4, 5, 4, 5, 4, 4]).status == 0)
        #expect(try add("\(year - 1)-07-15", [2, 3, 3, 3, 3, 3, 3]).status == 0)
        let missing = try add("\(year)-08-01", [5, 5])
        #expect(missing.status == 3 && missing.stderr.contains("unanswered: inspection"), "\(missing.all)")
        let typo = try CLI.run(["feedback", "add", "--client", "x", "--by", "y", "--score", "respons=5"] + store)
        #expect(typo.status == 3 && typo.stderr.contains("did you mean 'response'?"), "\(typo.all)")

        let text = try CLI.run(["feedback", "analysis", "--year", "\(year)", "--lang", "en"] + store)
        #expect(text.status == 0, "\(text.all)")
        #expect(text.stdout.contains("\(year): 2 forms"), "\(text.stdout)")
        let response = text.stdout.split(separator: "\n").first { $0.contains("Response to call-outs") }.map(String.init) ?? ""
        #expect(response.contains("4.00") && response.contains("2.00") && response.contains("0 0 1 0 1"), "mean, year before, spread: \(response)")
        #expect(text.stdout.contains("not asked this year: 其他客户"), "\(text.stdout)")
        let html = try CLI.run(["feedback", "analysis", "--year", "\(year)", "--format", "html"] + store)
        #expect(html.stdout.contains("年度客户满意度分析") && html.stdout.contains("响应很快") && html.stdout.contains("其他客户"))
    }
}
