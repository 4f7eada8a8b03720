import Foundation
import InspectionRecords
import Testing

/// A `--template` the engine cannot take is refused when it is loaded, with the file and the
/// line, before anything is probed; it never overflows the stack later.
struct HostileTemplateTests {
    func file(_ text: String) throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory() + "checkup-\(UUID().uuidString).html.mustache")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func nested(_ depth: Int) -> String {
        (0..<depth).map { "{{#s\($0)}}\n" }.joined() + "x" + (0..<depth).reversed().map { "{{/s\($0)}}" }.joined()
    }

    @Test func aTemplateNested700DeepIsRefusedOnLoadNamingTheFileAndLine() throws {
        let url = try file(Self.nested(700))
        var set = try TemplateSet.bundled()
        do { try set.override(with: url); Issue.record("loaded") } catch {
            #expect(error.description.contains("\(url.path):65:"), "\(error)")
            #expect(error.description.contains("nest 65 deep"))
        }
    }

    @Test func nestingWithinTheBoundLoadsAndRenders() throws {
        var set = try TemplateSet.bundled()
        try set.override(with: try file(Self.nested(64)))
        #expect(try TemplateSet.trial(Array(Self.nested(64).utf8), origin: "t").isEmpty)
    }

    /// The bundled HTML templates' `{{% CONTENT_TYPE: HTML}}` is checkup's byte-wise escaper:
    /// it must escape exactly what swift-mustache's default does.
    @Test func theBundledHTMLEscapingEscapesWhatTheDefaultDoes() throws {
        let body = "{{site.name}}|{{#rows}}{{item}}{{html}}{{/rows}}"
        let declared = try TemplateSet.trial(Array(("{{% CONTENT_TYPE: HTML}}" + body).utf8), origin: "t")
        let plain = try TemplateSet.trial(Array(body.utf8), origin: "t")
        #expect(declared == plain)
        #expect(declared == "支行 &lt;b&gt;|a|b&lt;i&gt;c")
    }

    @Test func changedDelimitersCannotHideTheNesting() {
        let text = "{{=<% %>=}}" + (0..<100).map { "<%#s\($0)%>" }.joined() + (0..<100).reversed().map { "<%/s\($0)%>" }.joined()
        #expect(throws: RecordError.self) { try TemplateSet.trial(Array(text.utf8), origin: "t") }
    }

    @Test func aNonUTF8TemplateNamesTheByte() {
        do { _ = try TemplateSet.trial(Array("<p>".utf8) + [0xB1, 0xA8], origin: "form.html"); Issue.record("loaded") } catch {
            #expect(error.description.contains("form.html:1:4") && error.description.contains("0xB1"), "\(error)")
        }
    }
}
