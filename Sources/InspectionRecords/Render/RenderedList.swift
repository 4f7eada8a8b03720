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
    let count: Int
    /// The view of item `i`, made when its chunk is printed: a 10,000-device page's 130,000 views
    /// are never all held at once.
    let item: (Int) -> any ListItemView
    /// The contexts around the list, innermost first.
    let around: [any MustacheParent]
    /// When the page goes to a file: the list prints a marker, and its text is written in its place later.
    var deferred: DeferredLists?

    init(template: ListTemplate, count: Int, around: [any MustacheParent], deferred: DeferredLists?,
         item: @escaping (Int) -> any ListItemView) {
        (self.template, self.count, self.around, self.deferred, self.item) = (template, count, around, deferred, item)
    }

    /// A list of views made already (a page whose template also reads them as `rows[]`).
    init(template: ListTemplate, items: [any ListItemView], around: [any MustacheParent], deferred: DeferredLists?) {
        self.init(template: template, count: items.count, around: around, deferred: deferred) { items[$0] }
    }

    /// Items per chunk, and chunks rendered at a time when written (two per core, so no core waits
    /// long on the slowest): what is in memory at once. 256 items, four per core held a 1,000-camera
    /// run's whole evidence list of each page at once; 64 and two: peak RSS 69 → 66–67 MB at 1,000,
    /// 250–253 → 248 MB at 10,000, in the same time (in turns).
    static let chunk = 64
    static var window: Int { 2 * ProcessInfo.processInfo.activeProcessorCount }

    var renderText: String {
        if let deferred { return deferred.marker(for: self) }
        return text(of: 0..<(count + Self.chunk - 1) / Self.chunk).map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    var isNull: Bool { false }

    /// The text's UTF-8, a few chunks on every core at a time, each handed to `sink` in order
    /// as it was printed (no string made of it): a 10,000-camera list is never one 60 MB string.
    func write(to sink: (UnsafeRawBufferPointer) -> Void) {
        let chunks = (count + Self.chunk - 1) / Self.chunk
        for start in stride(from: 0, to: chunks, by: Self.window) {
            for text in self.text(of: start..<min(chunks, start + Self.window)) { text.withUnsafeBytes(sink) }
        }
    }

    /// The UTF-8 of chunks `chunks` (of `chunk` items each), one buffer per chunk.
    private func text(of chunks: Range<Int>) -> [[UInt8]] {
        Parallel.mapChunks(chunks.count, chunk: 1) { range in
            let c = chunks.lowerBound + range.lowerBound
            var text: [UInt8] = []
            var stack = around.reversed().map(ListTemplate.Context.parent)
            for i in c * Self.chunk..<min(count, (c + 1) * Self.chunk) {
                stack.append(.item(item(i)))
                template.render(&stack, into: &text)
                stack.removeLast()
            }
            return text
        }
    }
}

/// The lists of a page printed into its file (`RenderedList.deferred`): the template prints a
/// marker for each, and `write` puts each list's text where its marker is, chunk by chunk.
/// The marker holds a random token and a NUL, which no device reply or inventory can print.
final class DeferredLists: Sendable {
    private let token = "\u{0}list-\(UInt64.random(in: 0...UInt64.max))-"
    private let lists = Locked<[RenderedList]>([])

    func marker(for list: RenderedList) -> String {
        lists.withLock { lists in
            lists.append(list)
            return "\(token)\(lists.count - 1)\u{0}"
        }
    }

    /// `page`, the template's text, to `sink` as UTF-8 in pieces, each list's text in place of its marker.
    func write(_ page: String, to sink: (UnsafeRawBufferPointer) -> Void) {
        func emit(_ piece: Substring) {
            var piece = String(piece)  // the page's own text between lists: small
            piece.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
        }
        let lists = lists.withLock { $0 }
        var rest = page[...]
        while let found = rest.firstRange(of: token) {
            let number = rest[found.upperBound...].prefix { $0 != "\u{0}" }
            guard let index = Int(number), lists.indices.contains(index),
                  let end = rest[found.upperBound...].firstIndex(of: "\u{0}") else { break }  // not reached: only `marker` prints the token
            emit(rest[..<found.lowerBound])
            lists[index].write(to: sink)
            rest = rest[rest.index(after: end)...]
        }
        emit(rest)
    }
}
