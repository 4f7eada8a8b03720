import CheckupCore
package import Foundation

/// A record's files, rendered on other threads while the store seals the version.
///
/// The content hash printed on every page is not known until the canonical document is encoded,
/// a fifth of a 10,000-device record's work; the printed forms need the rest of the record only.
/// So the bundled forms are laid out at once with a stand-in for the hash, and the stand-in is
/// replaced in the finished text when the sealed record arrives (`finish`). A company's own
/// template might transform the hash in a way no stand-in survives: it is rendered after the seal.
package final class RecordDraft: Sendable {
    private let renderer: RecordRenderer
    private let lang: Language
    private let dir: URL
    private let files: [RecordRenderer.PlannedFile]
    /// Indices in `files` whose text is rendered from a template (HTML, Markdown, a PDF's HTML).
    private let textJobs: [Int]
    /// The hash printed while the record is drafted; nil when the text waits for the seal or the record was sealed.
    private let standIn: HashStandIn?
    /// A company's template on a record not sealed yet: its text is rendered in `finish`.
    private let waitsForSeal: Bool
    private let drafts = Locked<[Int: Result<Drafted, RecordError>]>([:])
    private let drafted = DispatchGroup()

    /// A drafted file: its text, or (a page of the bundled template no PDF is made from)
    /// already written into its temporary file, with where the stand-in hash was printed.
    enum Drafted: Sendable {
        case text(String)
        case written(AtomicFile.Writer, standIns: [HashStandIn.Occurrence])
    }

    init(renderer: RecordRenderer, record: MonthlyRecord, formats: [RecordFormat], lang: Language, to dir: URL) {
        (self.renderer, self.lang, self.dir) = (renderer, lang, dir)
        let planned = renderer.plan(record, formats: formats, lang: lang, in: dir)
        // A PDF is laid out from its HTML file's page when both are asked: each page rendered once.
        let htmlParts = Set(planned.filter { $0.format == .html }.map(\.part))
        let pdfParts = Set(planned.filter { $0.format == .pdf }.map(\.part))
        let jobs = planned.indices.filter { i in
            planned[i].format.isForm && !(planned[i].format == .pdf && htmlParts.contains(planned[i].part))
        }
        (files, textJobs) = (planned, jobs)
        let sealed = !record.contentHash.isEmpty
        let bundled = jobs.allSatisfy { renderer.templates.isBundled(RecordRenderer.page(planned[$0].format)) }
        standIn = !sealed && bundled ? HashStandIn() : nil
        waitsForSeal = !sealed && !bundled
        guard !waitsForSeal else { return }
        // A page no PDF needs goes straight into its file: a 10,000-device HTML page is 40 MB.
        let streamed = Set(jobs.filter { i in
            bundled && (planned[i].format == .markdown || planned[i].format == .html && !pdfParts.contains(planned[i].part))
        })
        let drafting = standIn.map { record.printed(withHash: $0.hash) } ?? record
        let (drafts, standIn) = (self.drafts, self.standIn)
        // A thread of its own, not GCD's: on Linux its pool counts the run's blocked task as busy,
        // and the draft would wait for a second thread (half a second) while the store seals.
        Parallel.detached(drafted) {
            Self.render(jobs, of: planned, drafting, streamed: streamed, standIn: standIn, renderer: renderer, lang: lang,
                        dir: dir, into: drafts)
        }
    }

    /// A draft dropped unfinished (the seal failed) leaves no temporary file behind.
    deinit {
        drafted.wait()
        for case .success(.written(let writer, _)) in drafts.withLock({ $0.values }) { writer.discard() }
    }

    /// Waits for the drafted text, prints the sealed record's hash in it, and writes every file
    /// atomically, each on its own core. `document`: the version's canonical JSON, as stored,
    /// worked out only for a JSON file (at 10,000 devices encoding it is a second and more).
    package func finish(_ sealed: MonthlyRecord, document: @autoclosure () -> StoredDocument) throws(RecordError) -> [URL] {
        drafted.wait()
        if waitsForSeal {
            Self.render(textJobs, of: files, sealed, streamed: [], standIn: nil, renderer: renderer, lang: lang, dir: dir, into: drafts)
        }
        try Self.makeFolder(dir)
        AtomicFile.removeLeftovers(in: dir)  // once, here: a page drafted into its file only makes the folder
        let pdf = files.contains { $0.format == .pdf } ? try PDFRenderer() : nil
        let pdfOfPart = Dictionary(files.filter { $0.format == .pdf }.map { ($0.part, $0.url) }, uniquingKeysWith: { a, _ in a })
        let failures = Locked<[Int: RecordError]>([:])
        let drafted = drafts.withLock { $0 }
        let (files, standIn, lang) = (self.files, self.standIn, self.lang)
        let writes = files.indices.filter { drafted[$0] != nil || !files[$0].format.isForm }
        let document = files.contains { $0.format == .json } ? document() : StoredDocument(parts: [])
        Parallel.forEach(writes.count) { w in
            let i = writes[w]
            let file = files[i]
            do throws(RecordError) {
                switch file.format {
                case .json: try AtomicFile.write(document, thenNewline: true, to: file.url)
                case .csv: try AtomicFile.write(CSVTable.render(sealed, lang: lang), to: file.url)
                case .html, .markdown, .pdf:
                    switch try drafted[i]?.get() {
                    case nil: return
                    case .written(let writer, let standIns)?:
                        for found in standIns { writer.overwrite(HashStandIn.replacement(for: found, by: sealed.contentHash), at: found.offset) }
                        try writer.commit()
                    case .text(var text)?:
                        if let standIn { text = standIn.replaced(in: text, by: sealed.contentHash) }
                        if file.format == .pdf {
                            try pdf?.write(html: text, to: file.url)
                            return
                        }
                        try AtomicFile.write(text, to: file.url)
                        if file.format == .html, let pdf, let url = pdfOfPart[file.part] { try pdf.write(html: text, to: url) }
                    }
                }
            } catch {
                failures.withLock { $0[i] = error }
            }
        }
        if let first = failures.withLock({ $0.sorted { $0.key < $1.key }.first?.value }) { throw first }
        return files.map(\.url)
    }

    private static func makeFolder(_ dir: URL) throws(RecordError) {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw RecordError("output folder \(dir.path): \(error.localizedDescription)")
        }
    }

    /// Each text on its own core (`Parallel`); a PDF's text is its HTML page. A `streamed` page
    /// is written into its temporary file as it is rendered, its stand-in hashes found on the way.
    private static func render(_ jobs: [Int], of files: [RecordRenderer.PlannedFile], _ record: MonthlyRecord,
                               streamed: Set<Int>, standIn: HashStandIn?, renderer: RecordRenderer, lang: Language,
                               dir: URL, into drafts: Locked<[Int: Result<Drafted, RecordError>]>) {
        Parallel.forEach(jobs.count) { j in
            let file = files[jobs[j]]
            let draft = Result { () throws(RecordError) -> Drafted in
                guard streamed.contains(jobs[j]) else {
                    return .text(try renderer.render(record, format: file.format == .pdf ? .html : file.format, lang: lang, part: file.part))
                }
                try makeFolder(dir)
                let writer = try AtomicFile.Writer(file.url)
                var standIns: [HashStandIn.Occurrence] = []
                try renderer.writePage(record, format: file.format, lang: lang, part: file.part) { piece in
                    if let standIn { standIns += standIn.occurrences(in: piece, from: writer.count) }
                    writer.append(piece)
                }
                return .written(writer, standIns: standIns)
            }
            drafts.withLock { $0[jobs[j]] = draft }
        }
    }
}

/// What a drafted page prints where the content hash goes: a random token, never a real hash
/// and never text a device could send, whose first characters stand in for the short hash.
struct HashStandIn: Sendable {
    /// 64 characters like the real hash; the first 12 are the short hash's stand-in.
    let hash: String

    init() {
        var random = SystemRandomNumberGenerator()
        let hex = (0..<4).map { _ in String(random.next() as UInt64, radix: 16) }.joined()
        // `~` is not hex: no real hash starts with it. 12 and 52 characters, as the real short and full hash.
        hash = String(("~" + hex + String(repeating: "~", count: 64)).prefix(64))
    }

    /// Where a piece of a page printed the stand-in: `offset` counts from the page's start.
    struct Occurrence: Sendable, Equatable {
        var offset: Int
        /// The whole hash, else its short form.
        var isFull: Bool
    }

    /// What goes where `found` is: the real hash, or its short form.
    static func replacement(for found: Occurrence, by real: String) -> [UInt8] {
        Array(real.utf8.prefix(found.isFull ? real.utf8.count : MonthlyRecord.shortHashLength))
    }

    /// The stand-ins in `text`, which begins `from` bytes into its page.
    func occurrences(in text: String, from start: Int = 0) -> [Occurrence] {
        var text = text
        return text.withUTF8 { occurrences(in: UnsafeRawBufferPointer($0), from: start) }
    }

    /// The stand-ins in a piece of a page's UTF-8 that begins `from` bytes into the page.
    func occurrences(in piece: UnsafeRawBufferPointer, from start: Int = 0) -> [Occurrence] {
        let (full, short) = (Array(hash.utf8), Array(hash.utf8.prefix(MonthlyRecord.shortHashLength)))
        let bytes = piece.assumingMemoryBound(to: UInt8.self)
        guard let base = bytes.baseAddress else { return [] }
        var found: [Occurrence] = []
        var i = 0
        // memchr for the stand-in's first byte: a 40 MB page is searched in milliseconds.
        while i < bytes.count, let hit = memchr(base + i, Int32(full[0]), bytes.count - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let rest = UnsafeBufferPointer(rebasing: bytes[at...])
            if rest.starts(with: full) {
                found.append(Occurrence(offset: start + at, isFull: true))
                i = at + full.count
            } else if rest.starts(with: short) {
                found.append(Occurrence(offset: start + at, isFull: false))
                i = at + short.count
            } else {
                i = at + 1
            }
        }
        return found
    }

    /// `text` with the real hash where the stand-in was, and its short form where that was.
    func replaced(in text: String, by real: String) -> String {
        let found = occurrences(in: text)
        guard real.utf8.count == hash.utf8.count else {  // not reached: a SHA-256 hash has 64 hex digits
            return text.replacingOccurrences(of: hash, with: real)
                .replacingOccurrences(of: String(hash.prefix(MonthlyRecord.shortHashLength)),
                                      with: String(real.prefix(MonthlyRecord.shortHashLength)))
        }
        var text = text
        return text.withUTF8 { bytes in
            // As long as the stand-in: the page is rewritten into one buffer of its own size, once.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let base = bytes.baseAddress, let into = out.baseAddress else { return 0 }
                into.initialize(from: base, count: bytes.count)
                for hit in found {
                    Self.replacement(for: hit, by: real).withUnsafeBufferPointer { (into + hit.offset).update(from: $0.baseAddress!, count: $0.count) }
                }
                return bytes.count
            }
        }
    }
}
