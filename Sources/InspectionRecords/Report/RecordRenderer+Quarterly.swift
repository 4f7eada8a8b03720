import CheckupCore
import Foundation

extension RecordRenderer {
    /// The quarterly report as one HTML page: the input of the printed (PDF) report too.
    public func quarterlyHTML(_ report: QuarterlyReport, lang: Language,
                              timeZone: TimeZone = .current) throws(RecordError) -> String {
        try templates.render("quarterly.html", QuarterlyView.context(report, lang: lang, timeZone: timeZone))
    }

    /// Renders a quarterly report as HTML, Markdown or JSON.
    public func render(_ report: QuarterlyReport, format: RecordFormat, lang: Language,
                       timeZone: TimeZone = .current) throws(RecordError) -> String {
        switch format {
        case .html: return try quarterlyHTML(report, lang: lang, timeZone: timeZone)
        case .markdown: return try templates.render("quarterly.md", QuarterlyView.context(report, lang: lang, timeZone: timeZone))
        case .json:
            do { return String(decoding: try RecordCoding.encoder().encode(report), as: UTF8.self) + "\n" } catch {
                throw RecordError("quarterly JSON: \(error)")
            }
        case .csv: throw RecordError("the quarterly report comes as html, md or json")
        }
    }
}
