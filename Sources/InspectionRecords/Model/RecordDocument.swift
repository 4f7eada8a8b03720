import CheckupCore
package import Foundation

/// The canonical JSON of a record (`RecordCoding`: sorted snake_case keys, compact), written
/// part by part: each device, row and evidence entry is encoded on its own, in chunks on every
/// core, and the chunks are never joined. The bytes are exactly what encoding the whole record
/// gives (a test holds them to it), but no 10,000-device value tree or 50 MB string is made:
/// the hash is fed the chunks, the store writes them in place, the JSON file is written from them.
struct RecordDocument {
    /// Top-level members of the hashed content, by JSON key (`HashedContent`'s fields), each as its chunks.
    private var content: [(key: String, json: [Data])] = []

    init(_ record: MonthlyRecord) {
        func one(_ value: some Encodable) -> [Data] { [RecordCoding.canonicalData(value)] }
        // Four sections, each an object around its rows.
        var sections = [Data("[".utf8)]
        for (i, table) in record.sections.enumerated() {
            if i > 0 { sections.append(Data(",".utf8)) }
            sections += Self.object([("rows", Self.array(table.rows)), ("section", one(table.section)), ("title", one(table.title))])
        }
        sections.append(Data("]".utf8))
        content = [
            ("devices", Self.array(record.devices)),
            ("evidence", Self.array(record.evidence)),
            ("format", one(MonthlyRecord.format)),
            ("format_version", one(MonthlyRecord.formatVersion)),
            ("header", one(record.header)),
            ("incomplete", one(record.incomplete)),
            ("sections", sections),
            ("sign_off", one(record.signOff)),
            ("summary", one(record.summary)),
        ]
        // Synthesised Encodable leaves a nil optional out: the hashed content has no edited_by then.
        if let editedBy = record.editedBy { content.append(("edited_by", one(editedBy))) }
    }

    /// The bytes the content hash is computed over.
    var hashedBytes: Data { Self.object(content).reduce(Data(), +) }

    /// SHA-256 of `hashedBytes`, fed chunk by chunk.
    var contentHash: String { SHA256.hex(parts: Self.object(content)) }

    /// The document the store keeps and `records export` reads back: the content plus the hash,
    /// the version and the signature (`MonthlyRecord.encode(to:)`'s members).
    func stored(contentHash: String, version: Int?, signature: ClientSignature?) -> StoredDocument {
        func one(_ value: some Encodable) -> [Data] { [RecordCoding.canonicalData(value)] }
        var members = content.filter { $0.key != "edited_by" }
        members.append(("edited_by", content.first { $0.key == "edited_by" }?.json ?? [Data("null".utf8)]))
        members.append(("content_hash", one(contentHash)))
        members.append(("version", version.map { one($0) } ?? [Data("null".utf8)]))
        if let signature { members.append(("signature", one(signature))) }
        return StoredDocument(parts: Self.object(members))
    }

    /// `[…,…]` of canonical elements, encoded in chunks on every core: the parts are independent,
    /// and at 10,000 devices the encoding was a fifth of the records phase on one core.
    private static func array<T: Encodable & Sendable>(_ values: [T]) -> [Data] {
        let parts = Parallel.mapChunks(values.count, chunk: 512) { range in
            var out = Data()
            for i in range {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(RecordCoding.canonicalData(values[i]))
            }
            return out
        }
        return [Data("[".utf8)] + parts + [Data("]".utf8)]
    }

    /// Rows and entries written straight into each chunk's bytes (`CanonicalJSONWritable`).
    private static func array<T: CanonicalJSONWritable & Encodable & Sendable>(_ values: [T]) -> [Data] {
        let parts = Parallel.mapChunks(values.count, chunk: 512) { range in
            var out: [UInt8] = []
            for i in range {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if !values[i].writeCanonical(into: &out) {
                    out += (try? RecordCoding.encode(values[i], pretty: false)) ?? Data()
                }
            }
            return Data(out)
        }
        return [Data("[".utf8)] + parts + [Data("]".utf8)]
    }

    /// `{"a":…,"b":…}` with the keys sorted as `.sortedKeys` sorts them, as the parts to join.
    private static func object(_ members: [(key: String, json: [Data])]) -> [Data] {
        var out = [Data("{".utf8)]
        for (i, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            out.append(Data(((i > 0 ? "," : "") + "\"\(member.key)\":").utf8))
            out += member.json
        }
        out.append(Data("}".utf8))
        return out
    }
}

/// A version's canonical document as the store keeps it and its JSON file holds it, in the
/// chunks it was encoded in: written from them (a 10,000-device document is 50 MB), joined into
/// one text only where a caller needs one (`text`).
package struct StoredDocument: Sendable {
    package let parts: [Data]

    package var count: Int { parts.reduce(0) { $0 + $1.count } }

    /// The whole document as one string.
    package var text: String {
        String(unsafeUninitializedCapacity: count) { out in
            var at = 0
            for part in parts {
                part.withUnsafeBytes { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: out[at..<at + bytes.count]).initialize(from: bytes)
                }
                at += part.count
            }
            return at
        }
    }
}
