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
    private let texts = Locked<[Int: Result<String, RecordError>]>([:])
    private let drafted = DispatchGroup()

    init(renderer: RecordRenderer, record: MonthlyRecord, formats: [RecordFormat], lang: Language, to dir: URL) {
        (self.renderer, self.lang, self.dir) = (renderer, lang, dir)
        let planned = renderer.plan(record, formats: formats, lang: lang, in: dir)
        // A PDF is laid out from its HTML file's page when both are asked: each page rendered once.
        let htmlParts = Set(planned.filter { $0.format == .html }.map(\.part))
        let jobs = planned.indices.filter { i in
            planned[i].format.isForm && !(planned[i].format == .pdf && htmlParts.contains(planned[i].part))
        }
        (files, textJobs) = (planned, jobs)
        let sealed = !record.contentHash.isEmpty
        let bundled = jobs.allSatisfy { renderer.templates.isBundled(Self.template(planned[$0].format)) }
        standIn = !sealed && bundled ? HashStandIn() : nil
        waitsForSeal = !sealed && !bundled
        guard !waitsForSeal else { return }
        let drafting = standIn.map { record.printed(withHash: $0.hash) } ?? record
        let texts = self.texts
        // A thread of its own, not GCD's: on Linux its pool counts the run's blocked task as busy,
        // and the draft would wait for a second thread (half a second) while the store seals.
        Parallel.detached(drafted) {
            Self.render(jobs, of: planned, drafting, renderer: renderer, lang: lang, into: texts)
        }
    }

    /// Waits for the drafted text, prints the sealed record's hash in it, and writes every file
    /// atomically, each on its own core. `document`: the version's canonical JSON, as stored,
    /// worked out only for a JSON file (at 10,000 devices encoding it is a second and more).
    package func finish(_ sealed: MonthlyRecord, document: @autoclosure () -> Data) throws(RecordError) -> [URL] {
        drafted.wait()
        if waitsForSeal {
            Self.render(textJobs, of: files, sealed, renderer: renderer, lang: lang, into: texts)
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw RecordError("output folder \(dir.path): \(error.localizedDescription)")
        }
        let pdf = files.contains { $0.format == .pdf } ? try PDFRenderer() : nil
        let pdfOfPart = Dictionary(files.filter { $0.format == .pdf }.map { ($0.part, $0.url) }, uniquingKeysWith: { a, _ in a })
        let failures = Locked<[Int: RecordError]>([:])
        let drafted = texts.withLock { $0 }
        let (files, standIn, lang) = (self.files, self.standIn, self.lang)
        let writes = files.indices.filter { drafted[$0] != nil || !files[$0].format.isForm }
        let document = files.contains { $0.format == .json } ? document() : Data()
        Parallel.forEach(writes.count) { w in
            let i = writes[w]
            let file = files[i]
            do throws(RecordError) {
                switch file.format {
                case .json: try AtomicFile.write(document, thenNewline: true, to: file.url)
                case .csv: try AtomicFile.write(CSVTable.render(sealed, lang: lang), to: file.url)
                case .html, .markdown, .pdf:
                    guard let drafted = drafted[i] else { return }
                    var text = try drafted.get()
                    if let standIn { text = standIn.replaced(in: text, by: sealed.contentHash) }
                    if file.format == .pdf {
                        try pdf?.write(html: text, to: file.url)
                        return
                    }
                    try AtomicFile.write(text, to: file.url)
                    if file.format == .html, let pdf, let url = pdfOfPart[file.part] { try pdf.write(html: text, to: url) }
                }
            } catch {
                failures.withLock { $0[i] = error }
            }
        }
        if let first = failures.withLock({ $0.sorted { $0.key < $1.key }.first?.value }) { throw first }
        return files.map(\.url)
    }

    private static func template(_ format: RecordFormat) -> String {
        format == .markdown ? "record.md" : "record.html"
    }

    /// Each text on its own core (`Parallel`); a PDF's text is its HTML page.
    private static func render(_ jobs: [Int], of files: [RecordRenderer.PlannedFile], _ record: MonthlyRecord,
                               renderer: RecordRenderer, lang: Language, into texts: Locked<[Int: Result<String, RecordError>]>) {
        Parallel.forEach(jobs.count) { j in
            let file = files[jobs[j]]
            let text = Result { () throws(RecordError) -> String in
                try renderer.render(record, format: file.format == .pdf ? .html : file.format, lang: lang, part: file.part)
            }
            texts.withLock { $0[jobs[j]] = text }
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

    /// `text` with the real hash where the stand-in was, and its short form where that was.
    func replaced(in text: String, by real: String) -> String {
        let (full, short) = (Array(hash.utf8), Array(hash.utf8.prefix(12)))
        let (realFull, realShort) = (Array(real.utf8), Array(real.utf8.prefix(12)))
        guard realFull.count == full.count else {  // not reached: a SHA-256 hash has 64 hex digits
            return text.replacingOccurrences(of: hash, with: real)
                .replacingOccurrences(of: String(hash.prefix(12)), with: String(real.prefix(12)))
        }
        var text = text
        return text.withUTF8 { bytes in
            // As long as the stand-in: the page is rewritten into one buffer of its own size, once
            // (fresh pages of memory are what a 40 MB page costs on a busy machine).
            String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let base = bytes.baseAddress, let into = out.baseAddress else { return 0 }
                var i = 0
                // memchr for the stand-in's first byte: a 40 MB page is searched in milliseconds.
                while i < bytes.count, let found = memchr(base + i, Int32(full[0]), bytes.count - i) {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    (into + i).initialize(from: base + i, count: at - i)
                    let replacement = bytes[at...].starts(with: full) ? realFull
                        : bytes[at...].starts(with: short) ? realShort : [full[0]]
                    replacement.withUnsafeBufferPointer { (into + at).initialize(from: $0.baseAddress!, count: $0.count) }
                    i = at + replacement.count
                }
                (into + i).initialize(from: base + i, count: bytes.count - i)
                return bytes.count
            }
        }
    }
}
