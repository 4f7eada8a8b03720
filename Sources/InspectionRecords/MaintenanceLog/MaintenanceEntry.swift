package import CheckupCore
package import Foundation

/// One fault call-out of the maintenance log (维护登记表): when the client called, what they
/// reported, when the technician arrived and when the fault was resolved, against the
/// contract's response deadline.
package struct MaintenanceEntry: Sendable, Codable, Hashable {
    /// Store id; nil before the entry is added.
    package var id: Int64?
    package var siteId: String
    package var device: String?
    package var calledAt: Date
    package var caller: String?
    /// What the client reported, in their words.
    package var reported: String
    package var responseZone: String?
    /// Hours allowed from the call to arrival; nil when the contract sets no deadline for the zone.
    package var deadlineHours: Double?
    package var arrivedAt: Date?
    package var resolvedAt: Date?
    package var handling: String?
    package var technician: String?
    /// Probe results attached as evidence (`checkup probe … --log ENTRY`).
    package var evidence: [MaintenanceEvidence]

    package init(id: Int64? = nil, siteId: String, device: String? = nil, calledAt: Date, caller: String? = nil,
                reported: String, responseZone: String? = nil, deadlineHours: Double? = nil, arrivedAt: Date? = nil,
                resolvedAt: Date? = nil, handling: String? = nil, technician: String? = nil,
                evidence: [MaintenanceEvidence] = []) {
        self.id = id
        self.siteId = siteId
        self.device = device
        self.calledAt = calledAt
        self.caller = caller
        self.reported = reported
        self.responseZone = responseZone
        self.deadlineHours = deadlineHours
        self.arrivedAt = arrivedAt
        self.resolvedAt = resolvedAt
        self.handling = handling
        self.technician = technician
        self.evidence = evidence
    }

    /// Latest acceptable arrival.
    package var deadline: Date? { deadlineHours.map { calledAt.addingTimeInterval($0 * 3600) } }

    package var isOpen: Bool { resolvedAt == nil }

    /// Arrived after the deadline, or not arrived and the deadline has passed.
    package func isOverdue(now: Date = Date()) -> Bool {
        guard let deadline else { return false }
        return (arrivedAt ?? now) > deadline
    }
}

/// Probe results attached to a log entry.
package struct MaintenanceEvidence: Sendable, Codable, Hashable {
    package var attachedAt: Date
    package var device: String?
    package var results: [CheckResult]

    package init(attachedAt: Date, device: String?, results: [CheckResult]) {
        self.attachedAt = attachedAt
        self.device = device
        self.results = results
    }
}
