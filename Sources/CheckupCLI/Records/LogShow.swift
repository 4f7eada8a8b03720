import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup log show ID`: the maintenance registration form (维护登记表) of one call-out, to print and sign.
struct LogShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "The maintenance registration form of a call-out (html or md), to print and sign.",
        discussion: """
        Client, site, device, the reported fault, call / arrival / resolution times, the response deadline \
        and whether it was met, what was done, a summary of the probe evidence (`probe --log`), and the \
        signature block.
        """)

    @OptionGroup var store: StoreOption

    @Argument(help: "Log entry number.")
    var entry: Int64

    @Option(help: "html, pdf, md or json.")
    var format: RecordFormat = .html

    @OptionGroup var output: DocumentOutput

    @Option(help: ArgumentHelp("Mustache template replacing the built-in form (.md or .html).", valueName: "FILE"))
    var template: String?

    func validate() throws {
        // Refused before the store is opened: the form is a document, not a table.
        if format == .csv { throw ValidationError("the maintenance form comes as html, md, pdf or json, not csv") }
    }

    func run() async throws {
        if format == .pdf { try PDFRenderer.checkAvailable() }
        let s = try store.open()
        let form = try MaintenanceForm.load(store: s, entry: entry)
        var templates = try TemplateSet.bundled()
        if let template { try templates.override(with: URL(fileURLWithPath: template), kind: "maintenance") }
        let renderer = RecordRenderer(templates: templates)
        let lang = output.lang
        let bytes = try renderer.data(form, format: format, lang: lang)
        try output.deliver(bytes)
    }
}
