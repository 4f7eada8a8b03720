package import CheckupCore
package import Foundation

/// The maintenance registration form (维护登记表) of one call-out, printed for the technician
/// and the client to sign: who called about what, when the technician came against the
/// deadline, what was done, and a short summary of the probe evidence.
package struct MaintenanceForm: Sendable, Codable, Hashable {
    package var entryId: Int64
    package var client: String
    package var site: String
    package var address: String?
    package var contract: String?
    /// The device's name (the log stores its id); nil when the call named no device.
    package var device: String?
    package var location: String?
    package var reported: String
    package var caller: String?
    package var calledAt: Date
    package var deadlineHours: Double?
    package var deadline: Date?
    package var arrivedAt: Date?
    package var resolvedAt: Date?
    package var verdict: DeadlineVerdict
    package var handling: String?
    package var technician: String?
    package var evidence: [EvidenceSummary]

    /// One attachment of probe results, cut to a few lines: faults first, then warnings.
    package struct EvidenceSummary: Sendable, Codable, Hashable {
        package var attachedAt: Date
        package var device: String?
        package var lines: [EvidenceLine]
        /// Checks left out of `lines`.
        package var more: Int
    }

    /// A check's title and its verdict in the form's words (正常 / 注意 / 异常 …), never raw values.
    package struct EvidenceLine: Sendable, Codable, Hashable {
        package var check: LocalizedText
        package var result: RowResult
    }

    /// Lines kept per attachment: the form is a page to sign, not the evidence dump.
    package static let evidenceLines = 5

    /// `site`: the site as the store knows it, for the client, names and the device's name.
    package init(entry: MaintenanceEntry, site: Site?, now: Date = Date()) {
        func name(_ id: String?) -> String? { id.map { id in site?.devices.first { $0.id == id }?.name ?? id } }
        entryId = entry.id ?? 0
        client = site?.client ?? ""
        self.site = site?.name ?? entry.siteId
        address = site?.address
        contract = site?.contract
        device = name(entry.device)
        location = entry.device.flatMap { id in site?.devices.first { $0.id == id }?.location }
        reported = entry.reported
        caller = entry.caller
        calledAt = entry.calledAt
        deadlineHours = entry.deadlineHours
        deadline = entry.deadline
        arrivedAt = entry.arrivedAt
        resolvedAt = entry.resolvedAt
        verdict = entry.deadlineVerdict(now: now)
        handling = entry.handling
        technician = entry.technician
        evidence = entry.evidence.map { e in
            let ranked = e.results.enumerated().sorted { a, b in
                (Self.rank(a.element.status), a.offset) < (Self.rank(b.element.status), b.offset)
            }.map(\.element)
            let kept = ranked.prefix(Self.evidenceLines).map { EvidenceLine(check: $0.title, result: RowResult($0.status)) }
            return EvidenceSummary(attachedAt: e.attachedAt, device: name(e.device ?? e.results.first?.device),
                                   lines: kept, more: ranked.count - kept.count)
        }
    }

    /// Reads the entry and its site from the store; an unknown entry is an error.
    package static func load(store: RecordStore, entry id: Int64, now: Date = Date()) throws(RecordError) -> MaintenanceForm {
        guard let entry = try store.logEntry(id) else { throw RecordError("maintenance log: no entry \(id)") }
        return MaintenanceForm(entry: entry, site: try store.site(id: entry.siteId), now: now)
    }

    /// Faults first, then warnings, then the rest.
    private static func rank(_ status: CheckStatus) -> Int {
        switch RowResult(status) {
        case .abnormal: 0
        case .attention: 1
        default: 2
        }
    }
}
