import InspectionRecords

/// The record templates fed arbitrary text: loading refuses what the engine cannot take
/// (too deep, unbalanced, not UTF-8) with the file named, and what loads renders.
package enum TemplateHarness: Sendable {
    package static let seeds = [
        "<h1>{{site.name}}</h1>{{#rows}}<tr><td>{{item}}</td><td>{{{html}}}</td></tr>{{/rows}}{{^rows}}none{{/rows}}",
        "{{=<% %>=}}<%#a%><%b%><%/a%><%={{ }}=%>{{c}}",
        "{{% CONTENT_TYPE: MARKDOWN}}| {{a}} |\n{{#b}}{{#c}}{{d}}{{/c}}{{/b}}",
    ]

    package static func run(_ input: [UInt8]) -> FuzzOutcome {
        do {
            let rendered = try TemplateSet.trial(input, origin: "fuzz.mustache")
            return .accepted("\(rendered.count) characters")
        } catch {
            let message = error.description
            return message.contains("fuzz.mustache") ? .rejection(message, from: "template")
                                                     : .violated("a template error that does not name the file: \(message)")
        }
    }
}
