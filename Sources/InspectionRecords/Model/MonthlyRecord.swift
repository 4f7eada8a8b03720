package import CheckupCore
import Foundation

/// The monthly inspection record (安防工程维护工作检测记录表) of one site.
///
/// Its JSON form (see `RecordCoding`, Templates/README.md) is the stable export and the stored
/// form. `contentHash` covers everything except `version`, so a printed copy can be matched to
/// the stored version it came from, and two versions with the same content have the same hash.
package struct MonthlyRecord: Sendable, Hashable {
    /// Name of the JSON format, for readers that receive the file alone.
    package static let format = "checkup.monthly-record"
    /// Bumped on any incompatible change of the JSON layout.
    package static let formatVersion = 2

    package var header: RecordHeader
    /// Every device of the site, inspected or not.
    package var devices: [RecordDevice]
    /// The four sections, always all four, in the form's order.
    package var sections: [RecordSectionTable]
    package var summary: RecordSummary
    package var signOff: SignOff
    package var evidence: [EvidenceEntry]
    /// True when the run was interrupted or devices were left out: the form says so in its head.
    package var incomplete: Bool
    /// Set when a person completed or corrected rows (`records fill`).
    package var editedBy: String?
    /// Version in the record store; nil until saved. Not part of the content hash.
    package var version: Int?
    /// SHA-256 (hex) of the canonical JSON of the content (sorted keys; no version, no signature).
    /// Computed once, by `seal()`, when a version is made (the store seals every version it keeps)
    /// — not on every read or edit: at 10,000 devices one encoding of the record takes seconds.
    package private(set) var contentHash: String = ""
    /// Set when the client signed this version (`records sign`). Not part of the content hash.
    package var signature: ClientSignature?

    package init(header: RecordHeader, devices: [RecordDevice], sections: [RecordSectionTable],
                signOff: SignOff, evidence: [EvidenceEntry], incomplete: Bool, editedBy: String? = nil,
                version: Int? = nil) {
        self.header = header
        self.devices = devices
        self.sections = Self.allSections(sections)
        self.summary = RecordSummary(sections: self.sections, devices: devices)
        self.signOff = signOff
        self.evidence = evidence
        self.incomplete = incomplete
        self.editedBy = editedBy
        self.version = version
    }

    /// The table of one section.
    package subscript(section: RecordSection) -> RecordSectionTable {
        sections.first { $0.section == section } ?? RecordSectionTable(section: section)
    }

    /// Every row, section by section.
    package var rows: [RecordRow] { sections.flatMap(\.rows) }

    /// Numbers rows 1… within each section and recounts the summary; call after editing rows.
    package mutating func renumber() {
        for s in sections.indices {
            // Written only where it changes: the rows a draft page holds (`RecordDraft`) share
            // their storage with this record, and one write would copy all 60,000 of them.
            for r in sections[s].rows.indices where sections[s].rows[r].number != r + 1 { sections[s].rows[r].number = r + 1 }
        }
        summary = RecordSummary(sections: sections, devices: devices)
    }

    /// Renumbers and computes the content hash: the record as it will be kept and printed.
    /// Returns the canonical document the store keeps, from the same encoding of the parts.
    @discardableResult
    package mutating func seal() -> StoredDocument {
        renumber()
        let document = RecordDocument(self)
        contentHash = document.contentHash
        return document.stored(contentHash: contentHash, version: version, signature: signature)
    }

    /// The canonical document of the record as it is: what the store keeps, and the JSON file
    /// byte for byte (so a file's hash can be checked against its `content_hash`).
    package var document: String { storedDocument.text }

    /// `document` in the chunks it is encoded in, for writing it out.
    package var storedDocument: StoredDocument {
        RecordDocument(self).stored(contentHash: contentHash, version: version, signature: signature)
    }

    /// The record as a draft page prints it before the seal: with a stand-in for its hash (`RecordDraft`).
    func printed(withHash standIn: String) -> MonthlyRecord {
        var draft = self
        draft.contentHash = standIn
        return draft
    }

    /// First 12 hex digits of the hash, short enough to print on every page.
    package var shortHash: String { String(contentHash.prefix(Self.shortHashLength)) }
    static let shortHashLength = 12

    /// Always the four sections in form order, keeping the rows given.
    static func allSections(_ given: [RecordSectionTable]) -> [RecordSectionTable] {
        RecordSection.allCases.map { section in
            let tables = given.filter { $0.section == section }
            // One table of a section (a record as composed) keeps its rows: 60,000 are not copied.
            return RecordSectionTable(section: section, rows: tables.count == 1 ? tables[0].rows : tables.flatMap(\.rows))
        }
    }
}

extension MonthlyRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case format, formatVersion, version, contentHash, header, incomplete, editedBy, summary
        case devices, sections, signOff, evidence, signature
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == Self.format else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c,
                                                   debugDescription: "expected \(Self.format), found \(format)")
        }
        self.init(header: try c.decode(RecordHeader.self, forKey: .header),
                  devices: try c.decode([RecordDevice].self, forKey: .devices),
                  sections: try c.decode([RecordSectionTable].self, forKey: .sections),
                  signOff: try c.decode(SignOff.self, forKey: .signOff),
                  evidence: try c.decode([EvidenceEntry].self, forKey: .evidence),
                  incomplete: try c.decode(Bool.self, forKey: .incomplete),
                  editedBy: try c.decodeIfPresent(String.self, forKey: .editedBy),
                  version: try c.decodeIfPresent(Int.self, forKey: .version))
        // The hash the version was sealed with: kept as stored, never recomputed on a read.
        contentHash = try c.decode(String.self, forKey: .contentHash)
        signature = try c.decodeIfPresent(ClientSignature.self, forKey: .signature)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.format, forKey: .format)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(version, forKey: .version)
        try c.encode(contentHash, forKey: .contentHash)
        try c.encode(header, forKey: .header)
        try c.encode(incomplete, forKey: .incomplete)
        try c.encode(editedBy, forKey: .editedBy)
        try c.encode(summary, forKey: .summary)
        try c.encode(devices, forKey: .devices)
        try c.encode(sections, forKey: .sections)
        try c.encode(signOff, forKey: .signOff)
        try c.encode(evidence, forKey: .evidence)
        try c.encodeIfPresent(signature, forKey: .signature)
    }
}

/// Who signed a version for the client, and when.
package struct ClientSignature: Sendable, Codable, Hashable {
    package var signedBy: String
    /// `YYYY-MM-DD`.
    package var signedOn: String
    package var scan: String?

    package init(signedBy: String, signedOn: String, scan: String? = nil) {
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.scan = scan
    }
}

/// The part of a record its hash covers, by definition: `RecordDocument` writes the same bytes
/// part by part (HashTests compares them).
struct HashedContent: Encodable {
    let format = MonthlyRecord.format
    let formatVersion = MonthlyRecord.formatVersion
    let header: RecordHeader
    let devices: [RecordDevice]
    let sections: [RecordSectionTable]
    let summary: RecordSummary
    let signOff: SignOff
    let evidence: [EvidenceEntry]
    let incomplete: Bool
    let editedBy: String?

    init(_ r: MonthlyRecord) {
        header = r.header
        devices = r.devices
        sections = r.sections
        summary = r.summary
        signOff = r.signOff
        evidence = r.evidence
        incomplete = r.incomplete
        editedBy = r.editedBy
    }
}
