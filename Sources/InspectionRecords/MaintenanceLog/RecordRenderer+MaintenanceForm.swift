package import CheckupCore
package import Foundation

extension RecordRenderer {
    /// The maintenance form as one HTML page: the input of the printed (PDF) form too.
    package func maintenanceFormHTML(_ form: MaintenanceForm, lang: Language,
                                    timeZone: TimeZone = .current) throws(RecordError) -> String {
        try templates.render("maintenance.html", MaintenanceFormView.context(form, lang: lang, timeZone: timeZone))
    }

    /// Renders the maintenance form as HTML, Markdown or JSON; other formats are refused.
    /// Tests rather than a switch, so a format added to `RecordFormat` (pdf) needs no change here.
    package func render(_ form: MaintenanceForm, format: RecordFormat, lang: Language,
                       timeZone: TimeZone = .current) throws(RecordError) -> String {
        if format == .html { return try maintenanceFormHTML(form, lang: lang, timeZone: timeZone) }
        if format == .markdown {
            return try templates.render("maintenance.md", MaintenanceFormView.context(form, lang: lang, timeZone: timeZone))
        }
        guard format == .json else { throw RecordError("the maintenance form comes as html, md or json") }
        do { return String(decoding: try RecordCoding.encode(form), as: UTF8.self) + "\n" } catch {
            throw RecordError("maintenance form JSON: \(error)")
        }
    }
}
