package import Foundation
import CheckupCore
import Mustache

/// The Mustache templates of the printed forms: the bundled ones (Templates/ in this target),
/// any of which a company can replace with its own file (`--template FILE`).
///
/// Names: `record.html`, `record.md`, `quarterly.html`, `quarterly.md`, `maintenance.html`,
/// `maintenance.md` (the maintenance registration form). The context each
/// template receives is described in Templates/README.md.
package struct TemplateSet: Sendable {
    /// The company's own files, parsed (and so checked) when given.
    var templates: [String: MustacheTemplate]
    /// Where the bundled ones are: each is parsed when first rendered, not all nine at every
    /// start (a run prints one or two of them), and kept for the next document.
    var folder: URL?
    private let bundledParsed = Locked<[String: MustacheTemplate]>([:])
    /// The list partials compiled, kept for the next document (a run renders HTML, then the PDF's).
    private let listsCompiled = Locked<[String: ListTemplate]>([:])

    package static let names = ["record.html", "record.md", "quarterly.html", "quarterly.md",
                               "maintenance.html", "maintenance.md", "history.html", "schedule.html", "satisfaction.html"]
    /// The bundled partials that print a form's long lists, an item each (`RenderedList`):
    /// `record.html.device`, … (`RecordView.Lists`).
    static let partials = ["record.html", "record.md"].flatMap { page in ["device", "row", "evidence-device"].map { "\(page).\($0)" } }

    /// The templates shipped with checkup.
    package static func bundled() throws(RecordError) -> TemplateSet {
        var set = TemplateSet(templates: [:])
        set.folder = try bundledFolder()
        return set
    }

    /// Replaces one template by a file; the error names the file and the parse problem.
    package mutating func replace(_ name: String, with file: URL) throws(RecordError) {
        templates[name] = try Self.load(file)
    }

    /// A template file parsed.
    private static func load(_ file: URL) throws(RecordError) -> MustacheTemplate {
        try parse(try bytes(of: file), origin: file.path)
    }

    private static func bytes(of file: URL) throws(RecordError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw RecordError("template \(file.path): cannot read the file")
        }
        return [UInt8](data)
    }

    /// A template file's text: UTF-8, else the line and byte (`UTF8Text`).
    private static func text(of file: URL) throws(RecordError) -> String {
        let bytes = try bytes(of: file)
        do { return try UTF8Text.decode(bytes, file: file.path, what: "template") } catch { throw RecordError(located: error.errors) }
    }

    /// A template's bytes as a parsed template: UTF-8 (else the line and byte), nesting within
    /// `TemplateNesting.limit` (else the line), then the engine's parse, checkup's content types
    /// registered. Errors name `origin`.
    static func parse(_ bytes: [UInt8], origin: String) throws(RecordError) -> MustacheTemplate {
        _ = ContentTypes.registered
        let text: String
        do { text = try UTF8Text.decode(bytes, file: origin, what: "template") } catch {
            throw RecordError(located: error.errors)
        }
        if let (line, depth) = TemplateNesting.tooDeep(text) {
            throw RecordError("template \(origin):\(line): sections nest \(depth) deep here, more than the \(TemplateNesting.limit) a form can need (a missing {{/…}}?)")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw RecordError("template \(origin): \(error)")
        }
    }

    /// Loads and renders `bytes` as a template with a small fixed context: what a `--template`
    /// file goes through, without a file (the fuzz targets' entry).
    package static func trial(_ bytes: [UInt8], origin: String) throws(RecordError) -> String {
        let context: [String: Any] = ["site": ["name": "支行 <b>"], "rows": [["item": "a|b", "html": "<i>"], ["item": "c"]],
                                      "a": true, "b": [["c": [["d": "x"]]]]]
        return try parse(bytes, origin: origin).render(context)
    }

    /// Replaces the template a file is for, by its extension: `.md`/`.markdown` → Markdown, else HTML.
    /// `kind` is `record`, `quarterly` or `maintenance`.
    package mutating func override(with file: URL, kind: String = "record") throws(RecordError) {
        let ext = file.pathExtension == "mustache" ? file.deletingPathExtension().pathExtension : file.pathExtension
        let isMarkdown = ["md", "markdown"].contains(ext.lowercased())
        try replace("\(kind).\(isMarkdown ? "md" : "html")", with: file)
    }

    /// True when `name` is the bundled template, not a company's file.
    func isBundled(_ name: String) -> Bool { templates[name] == nil }

    func render(_ name: String, _ context: [String: Any]) throws(RecordError) -> String {
        try template(name).render(context)
    }

    /// A template by name: the company's, else the bundled one (a partial is always bundled).
    func template(_ name: String) throws(RecordError) -> MustacheTemplate {
        if let template = templates[name] ?? bundledParsed.withLock({ $0[name] }) { return template }
        guard let folder, Self.names.contains(name) || Self.partials.contains(name) else {
            throw RecordError("no template named \(name)")
        }
        let template = try Self.load(folder.appendingPathComponent(name + ".mustache"))
        bundledParsed.withLock { $0[name] = template }
        return template
    }

    /// A bundled list partial, compiled for printing its items fast (`ListTemplate`).
    func listTemplate(_ name: String) throws(RecordError) -> ListTemplate {
        if let compiled = listsCompiled.withLock({ $0[name] }) { return compiled }
        guard Self.partials.contains(name), let folder else { throw RecordError("no list partial named \(name)") }
        let file = folder.appendingPathComponent(name + ".mustache")
        let compiled = try ListTemplate(try Self.text(of: file), origin: file.path)
        listsCompiled.withLock { $0[name] = compiled }
        return compiled
    }

    /// Where the bundled templates are. Looked up by hand, not with `Bundle.module`, whose
    /// accessor stops the process when the bundle was not installed next to the binary.
    static func bundledFolder() throws(RecordError) -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["CHECKUP_TEMPLATES"] {
            candidates.append(URL(fileURLWithPath: env))
        }
        var roots = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            roots += [exe, exe.appendingPathComponent("../share/checkup")]
        }
        for root in roots {
            let items = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for item in items.sorted() where item.hasSuffix("_InspectionRecords.resources") {
                candidates.append(root.appendingPathComponent(item).appendingPathComponent("Templates"))
            }
            candidates.append(root.appendingPathComponent("Templates"))
        }
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("record.html.mustache").path) {
            return c
        }
        throw RecordError("""
            the record templates were not found next to the program (\(roots.map(\.path).joined(separator: ", "))): \
            install the InspectionRecords resource bundle beside the binary, set CHECKUP_TEMPLATES, or pass --template
            """)
    }
}
