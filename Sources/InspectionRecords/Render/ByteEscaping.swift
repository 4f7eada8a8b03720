import Mustache

/// checkup's content types, the one list of them: registered with swift-mustache once, before
/// the first template is parsed (`TemplateSet.parse`), and each compiled into list partials as
/// its concrete type's function (`ListTemplate`: called through the protocol, every byte's test
/// was a witness-table call, the 10,000-device records phase 2–10 % slower in three turns).
enum ContentTypes {
    static let escapes: [(name: String, escape: ListTemplate.Escaping)] = [
        (HTMLBytesContentType.name, HTMLBytesContentType.escape), (MarkdownContentType.name, MarkdownContentType.escape),
    ]

    static let registered: Bool = {
        MustacheContentTypes.register(HTMLBytesContentType(), named: HTMLBytesContentType.name)
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
        return true
    }()
}

/// A content type that escapes byte by byte: most values (numbers, ids, Chinese words) hold
/// nothing to escape, and are passed on as they are after one scan.
protocol ByteEscaping: MustacheContentType {
    /// What a template names it by: `{{% CONTENT_TYPE: HTML}}`.
    static var name: String { get }
    static func isSpecial(_ byte: UInt8) -> Bool
    /// `text` escaped onto the end of `out`, a byte that is not special as it is.
    static func escapeSpecial(_ utf8: String.UTF8View, into out: inout [UInt8])
}

extension ByteEscaping {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.isSpecial) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        Self.escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` escaped onto the end of `out` (a printed list's bytes, `ListTemplate`).
    static func escape(_ text: String, into out: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: isSpecial) else { return out.append(contentsOf: utf8) }
        escapeSpecial(utf8, into: &out)
    }
}

/// HTML escaping of the same five characters as swift-mustache's default, byte by byte: its
/// default looks each Character up in a dictionary, 9 % of writing a 1,000-camera record.
/// Templates select it with `{{% CONTENT_TYPE: HTML}}`, as the bundled HTML ones do.
struct HTMLBytesContentType: ByteEscaping {
    static let name = "HTML"

    static func escapeSpecial(_ utf8: String.UTF8View, into out: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
}

/// Escaping for Markdown table cells: `|` and line breaks would break the table. Markdown
/// templates select it with `{{% CONTENT_TYPE: MARKDOWN}}`. Byte by byte too: four
/// `replacingOccurrences` per value were most of writing a 1,000-camera record's Markdown.
struct MarkdownContentType: ByteEscaping {
    static let name = "MARKDOWN"

    /// `\` and `|` get a backslash, a line break (`\r\n` or `\n`) becomes `<br>`; a lone `\r` stays.
    static func escapeSpecial(_ utf8: String.UTF8View, into out: inout [UInt8]) {
        var afterCR = false
        for byte in utf8 {
            if afterCR && byte != 0x0A { out.append(0x0D) }
            afterCR = false
            switch byte {
            case 0x5C: out.append(contentsOf: #"\\"#.utf8)
            case 0x7C: out.append(contentsOf: #"\|"#.utf8)
            case 0x0A: out.append(contentsOf: "<br>".utf8)
            case 0x0D: afterCR = true
            default: out.append(byte)
            }
        }
        if afterCR { out.append(0x0D) }
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x5C || byte == 0x7C || byte == 0x0A || byte == 0x0D
    }
}
