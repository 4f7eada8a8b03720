import CheckupCore
import Foundation
import Mustache

/// A long list of a form printed by its own small template (a bundled partial, one item each),
/// its items split in chunks rendered on every core, worked out only when a template prints it
/// (`{{{rowsHTML}}}`). swift-mustache renders one value after another on one thread, about 2 µs
/// a value: the rows, devices and evidence of a 10,000-device record are 1.8 million values.
///
/// Each item sees its own keys first, then those of the contexts around it (`labels.*`), as
/// inside a `{{#list}}` section; the text is the same as that section's, byte for byte.
struct RenderedList: MustacheCustomRenderable, @unchecked Sendable {
    // @unchecked: the items and contexts are read-only views and dictionaries, only read while rendering.
    let template: MustacheTemplate
    let items: [any MustacheParent]
    /// The contexts around the list, innermost first.
    let around: [any MustacheParent]

    static let chunk = 256

    var renderText: String {
        let chunks = (items.count + Self.chunk - 1) / Self.chunk
        let parts = Locked<[Int: String]>([:])
        Parallel.forEach(chunks) { c in
            var text = ""
            for item in items[(c * Self.chunk)..<min(items.count, (c + 1) * Self.chunk)] {
                text += template.render(InContext(item: item, around: around))
            }
            parts.withLock { $0[c] = text }
        }
        let texts = parts.withLock { $0 }
        return (0..<chunks).map { texts[$0] ?? "" }.joined()
    }

    var isNull: Bool { false }

    /// One item with the contexts around it: what a section's stack of contexts is.
    private struct InContext: MustacheParent {
        let item: any MustacheParent
        let around: [any MustacheParent]

        func child(named name: String) -> Any? {
            guard let value = item.child(named: name) ?? around.lazy.compactMap({ $0.child(named: name) }).first else { return nil }
            return (value as? String).map(Text.init) ?? value
        }
    }

    /// A string as the engine prints it at once: a plain String goes through its optional
    /// check and `String(describing:)` first, about a tenth of the time a value takes.
    private struct Text: MustacheCustomRenderable, MustacheTransformable {
        let renderText: String
        var isNull: Bool { false }
        func transform(_ name: String) -> Any? { renderText.transform(name) }
    }
}
