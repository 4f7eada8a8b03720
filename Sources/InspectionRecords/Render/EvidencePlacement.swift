/// Where the evidence (values read, exchanges) goes relative to the form the client signs.
package enum EvidencePlacement: String, Sendable, CaseIterable, Codable {
    /// After the main form, in the same document, from a new page.
    case appendix
    /// In a file of its own (`…-vN.evidence.zh.html`), next to the main form.
    case separate
    /// Main form only.
    case none
}

/// The parts of a record a rendered document holds.
enum RecordDocumentPart: Sendable {
    /// Main form, then the evidence appendix.
    case mainAndEvidence
    case mainOnly
    case evidenceOnly

    var hasMainForm: Bool { self != .evidenceOnly }
    var hasEvidence: Bool { self != .mainOnly }

    /// The documents to write for a placement, with the file-name infix of each.
    static func documents(for placement: EvidencePlacement) -> [(part: RecordDocumentPart, infix: String?)] {
        switch placement {
        case .appendix: [(.mainAndEvidence, nil)]
        case .separate: [(.mainOnly, nil), (.evidenceOnly, "evidence")]
        case .none: [(.mainOnly, nil)]
        }
    }
}
