import Foundation
import Mustache
import Testing
@testable import InspectionRecords

/// `ListTemplate` prints what swift-mustache prints for the part of Mustache it knows, and
/// refuses the rest with the file and line.
@Suite struct ListTemplateTests {
    let context: [String: Any] = [
        "name": #"<b class="x">Tom's & Jerry's</b>"#, "plain": "摄像机 01", "number": 7, "yes": true, "no": false,
        "labels": ["colon": "：", "endpoint": "地址 <x>"], "lines": ["a < b", "", "c & d"], "none": [String](),
        "entries": [["ref": "E1", "ok": true], ["ref": "E2", "ok": false, "name": "inner"]],
        "one": ["ref": "only"],
    ]

    static let templates = [
        "{{name}}|{{{name}}}|{{& name}}|{{ plain }}|{{number}}|{{yes}}|{{missing}}|{{labels.colon}}{{labels.endpoint}}|{{labels.none}}",
        "{{% CONTENT_TYPE: HTML}}\n<p>{{name}}</p>\n",
        "<ul>\n  {{#entries}}\n  <li id=\"{{ref}}\">{{name}}{{#ok}} ok{{/ok}}</li>\n  {{/entries}}\n</ul>\n",
        "<pre>{{#lines}}{{.}}\n{{/lines}}{{#none}}never{{/none}}</pre>{{#no}}never{{/no}}{{#yes}}{{plain}}{{/yes}}\n",
        "{{! a comment }}\n{{#one}}{{ref}}/{{name}}{{/one}}\r\n  {{#yes}}  \r\nindented\r\n  {{/yes}}\r\nlast line without a newline {{number}}",
        "{{#entries}}{{#one}}{{ref}}{{/one}}{{/entries}}\n\n",
        "{{^no}}shown{{/no}}{{^yes}}never{{/yes}}{{^missing}}{{plain}}{{/missing}}{{^none}}empty{{/none}}{{^lines}}never{{/lines}}\n"
            + "  {{^no}}\n{{#entries}}{{ref}}{{^ok}}!{{/ok}}{{/entries}}\n  {{/no}}\n",
    ]

    @Test(arguments: Self.templates)
    func printsWhatTheEngineDoes(text: String) throws {
        _ = ContentTypes.registered
        let engine = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}\n" + text).render(context)
        let compiled = try ListTemplate("{{% CONTENT_TYPE: HTML}}\n" + text, origin: "test")
        var stack = [ListTemplate.Context.parent(context)]
        var out = ""
        compiled.render(&stack, into: &out)
        #expect(out == engine)
        #expect(!out.isEmpty)
    }

    @Test(arguments: [("{{> other}}", 1), ("ok\n{{$block}}x{{/block}}", 2), ("{{=<% %>=}}", 1), ("{{#a}}\n{{/b}}", 2),
                      ("{{#a}}", 1), ("{{ upper(name) }}", 1), ("a\n\n{{name", 3), ("{{% CONTENT_TYPE: TEXT}}", 1)])
    func refusesWhatItDoesNotKnow(text: String, line: Int) throws {
        #expect {
            try ListTemplate(text, origin: "partial.mustache")
        } throws: { error in
            let message = "\(error)"
            return message.contains("partial.mustache") && (text == "{{#a}}" || message.contains("partial.mustache:\(line)"))
        }
    }

    /// A Markdown partial escapes as the engine's Markdown content type: `|`, `\\` and line breaks.
    @Test func escapesMarkdownAsTheEngineDoes() throws {
        _ = ContentTypes.registered
        let text = "{{% CONTENT_TYPE: MARKDOWN}}\n| {{cell}} | {{{cell}}} | {{^no}}{{plain}}{{/no}} |\n"
        for cell in [#"a|b \ c"#, "line 1\nline 2\r\nline 3\rstill 3\r\r\n", "摄像机 <01> & 'x'", "", "\r"] {
            let context: [String: Any] = ["cell": cell, "plain": "p|q", "no": false]
            let engine = try MustacheTemplate(string: text).render(context)
            var stack = [ListTemplate.Context.parent(context)]
            var out = ""
            try ListTemplate(text, origin: "test").render(&stack, into: &out)
            #expect(out == engine)
            #expect(out.contains(#"p\|q"#))
            // The escaping checkup had before it went byte by byte: the same text for these. (That
            // chain compared Characters, so a `|` carrying a combining mark was left unescaped;
            // byte by byte it is escaped, as a Markdown reader sees a pipe there.)
            let before = cell.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
            #expect(MarkdownContentType().escapeText(cell) == before)
        }
    }

    @Test func theBundledPartialsCompile() throws {
        let set = try TemplateSet.bundled()
        for name in TemplateSet.partials { _ = try set.listTemplate(name) }
    }
}
