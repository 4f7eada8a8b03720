/// The deepest section nesting of a Mustache template, measured before the template is parsed.
///
/// The template engine parses and renders sections recursively: a file nested some hundreds
/// deep overflows the stack (SIGSEGV) instead of failing. A form never needs more than a
/// handful of levels, so a `--template` deeper than `limit` is refused when it is loaded,
/// before any device is contacted.
enum TemplateNesting {
    /// Far beyond any real form (the bundled ones use 4), far below what overflows the stack.
    static let limit = 64

    /// Nil when the template nests at most `limit` deep; else the line where it went deeper.
    static func tooDeep(_ text: String, limit: Int = limit) -> (line: Int, depth: Int)? {
        let chars = Array(text.utf8)
        var open: [UInt8] = Array("{{".utf8), close: [UInt8] = Array("}}".utf8)
        var depth = 0, line = 1, i = 0
        func matches(_ tag: [UInt8], at k: Int) -> Bool {
            k + tag.count <= chars.count && chars[k..<k + tag.count].elementsEqual(tag)
        }
        while i < chars.count {
            if chars[i] == 0x0A { line += 1 }
            guard matches(open, at: i) else { i += 1; continue }
            var start = i + open.count
            if start < chars.count, chars[start] == UInt8(ascii: "{") { start += 1 }   // {{{raw}}}
            var end = start
            while end < chars.count, !matches(close, at: end) {
                if chars[end] == 0x0A { line += 1 }
                end += 1
            }
            guard end < chars.count else { return nil }   // unclosed tag: the parser says so
            let body = Array(chars[start..<end]).drop(while: { $0 == 0x20 })
            switch body.first {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > limit { return (line, depth) }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                // {{=<% %>=}}: the new delimiters, separated by spaces, before the closing "=".
                let inner = body.dropFirst().prefix { $0 != UInt8(ascii: "=") }
                let parts = inner.split(separator: 0x20)
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            default:
                break
            }
            i = end + close.count
            if end + close.count < chars.count, close == Array("}}".utf8), chars[end + close.count] == UInt8(ascii: "}") { i += 1 }
        }
        return nil
    }
}
