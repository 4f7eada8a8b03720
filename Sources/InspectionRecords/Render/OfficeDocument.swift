package import CheckupCore
package import Foundation

/// A document the office prints and files besides the monthly record (a call-out's
/// maintenance form, the quarterly report): html and md from its Mustache templates, pdf
/// printed from the html, json from its Codable form. All rendered by one `RecordRenderer.data`.
package protocol OfficeDocument: Encodable {
    /// Its templates: `NAME.html.mustache` and `NAME.md.mustache` (Templates/README.md).
    static var templateName: String { get }
    /// What it is called in messages: "the quarterly report".
    static var title: String { get }
    /// What its templates see.
    func templateContext(lang: Language, timeZone: TimeZone) -> [String: Any]
}

extension RecordRenderer {
    /// The document in `format`; csv is refused (a form is not a table).
    package func data<Document: OfficeDocument>(_ document: Document, format: RecordFormat, lang: Language,
                                                timeZone: TimeZone = .current) throws(RecordError) -> Data {
        if format == .pdf { return try PDFRenderer().render(html: try render(document, format: .html, lang: lang, timeZone: timeZone)) }
        return Data(try render(document, format: format, lang: lang, timeZone: timeZone).utf8)
    }

    /// The document as text: html (the input of the printed pdf too), md or json.
    package func render<Document: OfficeDocument>(_ document: Document, format: RecordFormat, lang: Language,
                                                  timeZone: TimeZone = .current) throws(RecordError) -> String {
        switch format {
        case .html, .markdown:
            let name = "\(Document.templateName).\(format == .html ? "html" : "md")"
            return try templates.render(name, document.templateContext(lang: lang, timeZone: timeZone))
        case .json:
            do { return String(decoding: try RecordCoding.encode(document), as: UTF8.self) + "\n" } catch {
                throw RecordError("\(Document.title) JSON: \(error)")
            }
        case .csv, .pdf: throw RecordError("\(Document.title) comes as html, md, pdf or json")
        }
    }
}

extension MaintenanceForm: OfficeDocument {
    package static let templateName = "maintenance"
    package static let title = "the maintenance form"
    package func templateContext(lang: Language, timeZone: TimeZone) -> [String: Any] {
        MaintenanceFormView.context(self, lang: lang, timeZone: timeZone)
    }
}

extension QuarterlyReport: OfficeDocument {
    package static let templateName = "quarterly"
    package static let title = "the quarterly report"
    package func templateContext(lang: Language, timeZone: TimeZone) -> [String: Any] {
        QuarterlyView.context(self, lang: lang, timeZone: timeZone)
    }
}
