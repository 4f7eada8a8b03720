package import CheckupCore
package import Foundation

/// Renders a monthly record as HTML (A4, printable), PDF, Markdown, CSV or JSON, and writes files.
///
/// HTML and Markdown come from Mustache templates (`TemplateSet`), so a company can print its
/// own form; PDF is that HTML laid out by weasyprint (`PDFRenderer`); CSV and JSON are data
/// formats with a fixed layout (JSON: the stored canonical document, see `MonthlyRecord.document`).
package struct RecordRenderer: Sendable {
    /// How the printed forms (HTML, PDF, Markdown) are put together.
    package struct Options: Sendable, Equatable {
        package var evidence: EvidencePlacement

        package init(evidence: EvidencePlacement = .appendix) {
            self.evidence = evidence
        }
    }

    package var templates: TemplateSet
    package var options: Options

    package init(templates: TemplateSet, options: Options = Options()) {
        self.templates = templates
        self.options = options
    }

    /// The bundled templates, with optional replacement files (`--template FILE`, by extension).
    package init(templateOverrides: [URL] = [], options: Options = Options()) throws(RecordError) {
        var set = try TemplateSet.bundled()
        for file in templateOverrides { try set.override(with: file, kind: "record") }
        self.init(templates: set, options: options)
    }

    /// Parses the templates `formats` print, on a thread of its own, while the devices are
    /// probed: the records phase then finds them parsed (record.html and its partials were 3 ms
    /// of a 400-camera run's last 65). Nothing waits for it: a template not parsed yet when the
    /// record is rendered is parsed then, and one that fails to parse says so there, as before.
    package func parseAhead(_ formats: [RecordFormat]) {
        let templates = templates
        Parallel.detached(DispatchGroup()) {
            if formats.contains(where: { $0 == .html || $0 == .pdf }) {
                _ = try? templates.template("record.html")
                _ = try? RecordView.Lists(templates)
            }
            if formats.contains(.markdown) {
                _ = try? templates.template("record.md")
                _ = try? RecordView.Lists(templates, page: "record.md")
            }
        }
    }

    /// One-shot rendering with the bundled templates.
    package static func render(_ record: MonthlyRecord, format: RecordFormat, lang: Language,
                              options: Options = Options()) throws(RecordError) -> String {
        try RecordRenderer(options: options).render(record, format: format, lang: lang)
    }

    /// The text of the record's main document: with the evidence appendix unless the options leave it out.
    /// PDF is not text: use `data` or `write`.
    package func render(_ record: MonthlyRecord, format: RecordFormat, lang: Language) throws(RecordError) -> String {
        try render(record, format: format, lang: lang, part: Self.mainPart(options.evidence))
    }

    /// The bytes of the record's main document in any format, PDF included.
    package func data(_ record: MonthlyRecord, format: RecordFormat, lang: Language) throws(RecordError) -> Data {
        let part = Self.mainPart(options.evidence)
        if format == .pdf {
            return try PDFRenderer().render(html: try render(record, format: .html, lang: lang, part: part))
        }
        return Data(try render(record, format: format, lang: lang, part: part).utf8)
    }

    func render(_ record: MonthlyRecord, format: RecordFormat, lang: Language, part: RecordDocumentPart) throws(RecordError) -> String {
        switch format {
        case .html, .markdown:
            let page = Self.page(format)
            let context = RecordView.context(record, lang: lang, part: part, lists: try RecordView.Lists(templates, page: page))
            return try templates.render(page, context)
        case .csv: return CSVTable.render(record, lang: lang)
        case .json: return record.document + "\n"
        case .pdf:
            throw RecordError("PDF is a binary file: write it to a folder (--format pdf --out DIR)")
        }
    }

    /// The HTML or Markdown page of `part` written to `sink` in pieces, its long lists chunk by
    /// chunk (`DeferredLists`): what a file gets, the same bytes as `render` without one big string.
    func writePage(_ record: MonthlyRecord, format: RecordFormat, lang: Language, part: RecordDocumentPart,
                   to sink: (UnsafeRawBufferPointer) -> Void) throws(RecordError) {
        let deferred = DeferredLists()
        let page = Self.page(format)
        let context = RecordView.context(record, lang: lang, part: part,
                                         lists: try RecordView.Lists(templates, page: page, deferred: deferred))
        deferred.write(try templates.render(page, context), to: sink)
    }

    /// The template of a printed form: `record.md` for Markdown, else `record.html` (a PDF's too).
    static func page(_ format: RecordFormat) -> String {
        format == .markdown ? "record.md" : "record.html"
    }

    static func mainPart(_ placement: EvidencePlacement) -> RecordDocumentPart {
        RecordDocumentPart.documents(for: placement)[0].part
    }

    /// File name of a record in a format: `SITE-YYYY-MM-vN[.PART].LANG.EXT` (no `-vN` before it is stored).
    package static func fileName(_ record: MonthlyRecord, format: RecordFormat, lang: Language? = nil,
                                part infix: String? = nil) -> String {
        var base = "\(safe(record.header.siteId))-\(record.header.period)"
        if let v = record.version { base += "-v\(v)" }
        if let infix { base += ".\(infix)" }
        if let lang, format.isForm || format == .csv { base += ".\(lang.rawValue)" }
        return base + "." + format.fileExtension
    }

    /// Writes the record in each format into `dir` (created if needed); returns the files written.
    /// With `evidence: .separate`, each printed form has a second file, `….evidence.LANG.EXT`.
    /// `document`: the record's canonical document when the caller has it (the store just kept it).
    @discardableResult
    package func write(_ record: MonthlyRecord, formats: [RecordFormat], lang: Language, to dir: URL,
                       document: StoredDocument? = nil) throws(RecordError) -> [URL] {
        try draft(record, formats: formats, lang: lang, to: dir).finish(record, document: document ?? record.storedDocument)
    }

    /// Starts rendering the files of a record the store is about to seal (`RecordDraft`);
    /// `finish` with the sealed record writes them.
    package func draft(_ record: MonthlyRecord, formats: [RecordFormat], lang: Language, to dir: URL) -> RecordDraft {
        RecordDraft(renderer: self, record: record, formats: formats, lang: lang, to: dir)
    }

    /// One file a record is written to.
    struct PlannedFile: Sendable {
        var format: RecordFormat
        var part: RecordDocumentPart
        var url: URL
    }

    /// The files of a record in each format: a printed form has one per document part of the evidence placement.
    func plan(_ record: MonthlyRecord, formats: [RecordFormat], lang: Language, in dir: URL) -> [PlannedFile] {
        formats.flatMap { format in
            (format.isForm ? RecordDocumentPart.documents(for: options.evidence) : [(.mainAndEvidence, nil)]).map { part, infix in
                PlannedFile(format: format, part: part,
                            url: dir.appendingPathComponent(Self.fileName(record, format: format, lang: lang, part: infix)))
            }
        }
    }

    static func safe(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}
