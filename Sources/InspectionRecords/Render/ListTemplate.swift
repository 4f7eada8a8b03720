import Mustache

/// A bundled list partial (`record.html.row`, `record.md.row`, …) compiled for printing one item
/// after another. It knows the part of Mustache those partials use: text, `{{name}}`, `{{{name}}}`,
/// dotted names, `{{.}}`, sections and inverted sections over a Bool or a list, comments and the
/// HTML and Markdown content types, with the spec's standalone lines. swift-mustache splits a
/// name at every lookup and tries a dozen protocol casts on each value (2 µs a value, 60 % of
/// writing a 1,000-camera record); here a name is split once and the contexts are known parents.
/// The text is the engine's, byte for byte (`RendererTests.aPrintedListIsTheSectionItStandsFor`);
/// a partial using anything else does not compile, so nothing is printed differently by surprise.
/// (swift-mustache takes some tags for standalone that the spec does not, as on a line
/// `{{{x}}}{{/a}}`; no bundled partial or page has such a line, and this follows the spec.)
struct ListTemplate: Sendable {
    indirect enum Part: Sendable {
        /// UTF-8: an item is printed into bytes, which take text without String's bookkeeping.
        case text([UInt8])
        /// `path` empty: `{{.}}`.
        case value(path: [Name], escaped: Bool)
        /// `inverted`: `{{^name}}`, printed when the value is missing, false or an empty list.
        case section(path: [Name], body: [Part], inverted: Bool)
    }

    /// A part of a printed name, with the `ListName` an item view answers it by, found once.
    struct Name: Sendable, Equatable {
        let text: String
        let known: ListName?

        init(_ text: Substring) {
            self.text = String(text)
            known = ListName.byText[self.text]
        }
    }

    let parts: [Part]
    /// How `{{name}}` is escaped: the partial's content type (HTML unless it names another).
    typealias Escaping = @Sendable (String, inout [UInt8]) -> Void
    let escaping: Escaping

    /// A context of the stack: an item or a parent answers names; any other value (a line of a list) only `{{.}}`.
    enum Context {
        case item(any ListItemView)
        case parent(any MustacheParent)
        case value(Any)
    }

    init(_ text: String, origin: String) throws(RecordError) {
        var open: [(path: [Name], inverted: Bool, parts: [Part])] = [([], false, [])]
        var escaping: Escaping = HTMLBytesContentType.escape
        func add(_ part: Part) {
            if case .text(let t) = part {
                guard !t.isEmpty else { return }
                if case .text(let before)? = open[open.count - 1].parts.last {
                    open[open.count - 1].parts[open[open.count - 1].parts.count - 1] = .text(before + t)
                    return
                }
            }
            open[open.count - 1].parts.append(part)
        }
        func tag(_ raw: Substring, line: Int) throws(RecordError) {
            let body = raw.trimmingSpaces
            func path(_ name: Substring) throws(RecordError) -> [Name] { try Self.path(name, raw: raw, origin: origin, line: line) }
            switch body.first {
            case "#": open.append((try path(body.dropFirst()), false, []))
            case "^": open.append((try path(body.dropFirst()), true, []))
            case "/":
                let closed = try path(body.dropFirst())
                guard open.count > 1, open[open.count - 1].path == closed else {
                    throw RecordError("template \(origin):\(line): `{{\(raw)}}` closes no open section")
                }
                let section = open.removeLast()
                add(.section(path: section.path, body: section.parts, inverted: section.inverted))
            case "!": break
            case "%":
                let pragma = body.dropFirst().trimmingSpaces
                guard let type = ContentTypes.escapes.first(where: { pragma == "CONTENT_TYPE: \($0.name)" }) else {
                    let known = ContentTypes.escapes.map { "`{{% CONTENT_TYPE: \($0.name)}}`" }.joined(separator: ", ")
                    throw RecordError("template \(origin):\(line): list partials are HTML or Markdown (\(known))")
                }
                escaping = type.escape
            case "&": add(.value(path: try path(body.dropFirst()), escaped: false))
            case ">", "<", "$", "=":
                throw RecordError("template \(origin):\(line): `{{\(raw)}}`: list partials use names and sections only")
            default: add(.value(path: try path(body), escaped: true))
            }
        }
        // "\r\n" is one Character: lines end at either.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = index + 1
            let ending = line.endIndex == text.endIndex ? "" : String(text[line.endIndex])
            // A line holding only a section, comment or pragma tag leaves no trace (the spec's standalone tags).
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), !trimmed.hasPrefix("{{{"),
               trimmed.ranges(of: "{{").count == 1, let kind = trimmed.dropFirst(2).trimmingSpaces.first, "#/!%^".contains(kind) {
                try tag(trimmed.dropFirst(2).dropLast(2), line: number)
                continue
            }
            var rest = line[...]
            while let start = rest.firstRange(of: "{{") {
                add(.text(Array(rest[..<start.lowerBound].utf8)))
                if rest[start.upperBound...].hasPrefix("{") {
                    guard let end = rest[start.upperBound...].firstRange(of: "}}}") else {
                        throw RecordError("template \(origin):\(number): `{{{` is not closed on its line")
                    }
                    let name = rest[rest.index(after: start.upperBound)..<end.lowerBound]
                    add(.value(path: try Self.path(name, raw: "{\(name)}", origin: origin, line: number), escaped: false))
                    rest = rest[end.upperBound...]
                } else {
                    guard let end = rest[start.upperBound...].firstRange(of: "}}") else {
                        throw RecordError("template \(origin):\(number): `{{` is not closed on its line")
                    }
                    try tag(rest[start.upperBound..<end.lowerBound], line: number)
                    rest = rest[end.upperBound...]
                }
            }
            add(.text(Array((rest + ending).utf8)))
        }
        guard open.count == 1 else { throw RecordError("template \(origin): `{{#\(open[open.count - 1].path.map(\.text).joined(separator: "."))}}` is not closed") }
        parts = open[0].parts
        self.escaping = escaping
    }

    /// A name as its parts, `{{.}}` as none; anything but a plain name is refused.
    private static func path(_ name: Substring, raw: Substring, origin: String, line: Int) throws(RecordError) -> [Name] {
        let name = name.trimmingSpaces
        if name == "." { return [] }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }) else {
            throw RecordError("template \(origin):\(line): `{{\(raw)}}` is not a plain name (list partials print names only)")
        }
        return name.split(separator: ".").map(Name.init)
    }

    /// Appends the item's text; `stack` holds the contexts around it, innermost last.
    func render(_ stack: inout [Context], into out: inout [UInt8]) {
        Self.render(parts, escaping, &stack, &out)
    }

    /// The item's text appended to a string (tests compare it with the engine's).
    func render(_ stack: inout [Context], into out: inout String) {
        var bytes: [UInt8] = []
        render(&stack, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    private static func render(_ parts: [Part], _ escaping: Escaping, _ stack: inout [Context], _ out: inout [UInt8]) {
        for part in parts {
            switch part {
            case .text(let text): out.append(contentsOf: text)
            case .value(let path, let escaped):
                guard let value = lookup(path, stack) else { continue }
                let text = (value as? String) ?? (value as? any MustacheCustomRenderable)?.renderText ?? String(describing: value)
                if escaped { escaping(text, &out) } else { out.append(contentsOf: text.utf8) }
            case .section(let path, let body, inverted: true):
                if isEmpty(lookup(path, stack)) { render(body, escaping, &stack, &out) }
            case .section(let path, let body, inverted: false):
                switch lookup(path, stack) {
                case nil: continue
                case let flag as Bool: if flag { render(body, escaping, &stack, &out) }
                // The lists our views give, before the general cast (which converts every element).
                case let lines as [String]: each(lines.lazy.map(Context.value), body, escaping, &stack, &out)
                case let items as [any ListItemView]: each(items.lazy.map(Context.item), body, escaping, &stack, &out)
                case let parents as [any MustacheParent]: each(parents.lazy.map(Context.parent), body, escaping, &stack, &out)
                case let list as [Any]: each(list.lazy.map(context), body, escaping, &stack, &out)
                case let null as any MustacheCustomRenderable where null.isNull: continue
                case let value?:
                    stack.append(context(value))
                    render(body, escaping, &stack, &out)
                    stack.removeLast()
                }
            }
        }
    }

    /// What an inverted section prints for, as the engine: nothing, false, an empty list, null.
    private static func isEmpty(_ value: Any?) -> Bool {
        switch value {
        case nil: true
        case let flag as Bool: !flag
        case let list as [Any]: list.isEmpty
        case let null as any MustacheCustomRenderable: null.isNull
        default: false
        }
    }

    /// `body` once per item of a list, the item innermost.
    private static func each(_ items: some Sequence<Context>, _ body: [Part], _ escaping: Escaping,
                             _ stack: inout [Context], _ out: inout [UInt8]) {
        for item in items {
            stack.append(item)
            render(body, escaping, &stack, &out)
            stack.removeLast()
        }
    }

    static func context(_ value: Any) -> Context {
        if let item = value as? any ListItemView { return .item(item) }
        return (value as? any MustacheParent).map(Context.parent) ?? .value(value)
    }

    /// The engine's lookup: the first name up the stack, the rest inside what it found.
    private static func lookup(_ path: [Name], _ stack: [Context]) -> Any? {
        guard let first = path.first else {
            switch stack.last {
            case .item(let item)?: return item
            case .parent(let parent)?: return parent
            case .value(let value)?: return value
            case nil: return nil
            }
        }
        var found: Any?
        search: for context in stack.reversed() {
            switch context {
            // An item answers only the names it knows, all of them a `ListName`.
            case .item(let item): if let name = first.known, let child = item.child(name) { found = child; break search }
            case .parent(let parent): if let child = parent.child(named: first.text) { found = child; break search }
            case .value: continue
            }
        }
        for name in path.dropFirst() {
            // `labels.*`: a dictionary of words, read without the protocol cast.
            if let words = found as? [String: String] { found = words[name.text]; continue }
            if let item = found as? any ListItemView { found = name.known.flatMap(item.child); continue }
            guard let parent = found as? any MustacheParent else { return nil }
            found = parent.child(named: name.text)
        }
        return found
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
