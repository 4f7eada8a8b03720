import CheckupCore
import Foundation
import Mustache

/// A long list of a form printed by its own small template (a bundled partial, one item each,
/// compiled as a `ListTemplate`), its items split in chunks rendered on every core, worked out
/// only when a template prints it (`{{{rowsHTML}}}`): the rows, devices and evidence of a
/// 10,000-device record are 1.8 million values.
///
/// Each item sees its own keys first, then those of the contexts around it (`labels.*`), as
/// inside a `{{#list}}` section; the text is the same as that section's, byte for byte.
struct RenderedList: MustacheCustomRenderable, @unchecked Sendable {
    // @unchecked: the items and contexts are read-only views and dictionaries, only read while rendering.
    let template: ListTemplate
    let items: [any MustacheParent]
    /// The contexts around the list, innermost first.
    let around: [any MustacheParent]

    static let chunk = 256

    var renderText: String {
        Parallel.mapChunks(items.count, chunk: Self.chunk) { range in
            var text = ""
            var stack = around.reversed().map(ListTemplate.Context.parent)
            for item in items[range] {
                stack.append(.parent(item))
                template.render(&stack, into: &text)
                stack.removeLast()
            }
            return text
        }.joined()
    }

    var isNull: Bool { false }
}
