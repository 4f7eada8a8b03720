public import CheckupCore
public import Foundation

/// One fault call-out of the maintenance log (维护登记表): when the client called, what they
/// reported, when the technician arrived and when the fault was resolved, against the
/// contract's response deadline.
public struct MaintenanceEntry: Sendable, Codable, Hashable {
    /// Store id; nil before the entry is added.
    public var id: Int64?
    public var siteId: String
    public var device: String?
    public var calledAt: Date
    public var caller: String?
    /// What the client reported, in their words.
    public var reported: String
    public var responseZone: String?
    /// Hours allowed from the call to arrival; nil when the contract sets no deadline for the zone.
    public var deadlineHours: Double?
    public var arrivedAt: Date?
    public var resolvedAt: Date?
    public var handling: String?
    public var technician: String?
    /// Probe results attached as evidence (`checkup probe … --log ENTRY`).
    public var evidence: [MaintenanceEvidence]

    public init(id: Int64? = nil, siteId: String, device: String? = nil, calledAt: Date, caller: String? = nil,
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
    public var deadline: Date? { deadlineHours.map { calledAt.addingTimeInterval($0 * 3600) } }

    public var isOpen: Bool { resolvedAt == nil }

    /// Arrived after the deadline, or not arrived and the deadline has passed.
    public func isOverdue(now: Date = Date()) -> Bool {
        guard let deadline else { return false }
        return (arrivedAt ?? now) > deadline
    }
}

/// Probe results attached to a log entry.
public struct MaintenanceEvidence: Sendable, Codable, Hashable {
    public var attachedAt: Date
    public var device: String?
    public var results: [CheckResult]

    public init(attachedAt: Date, device: String?, results: [CheckResult]) {
        self.attachedAt = attachedAt
        self.device = device
        self.results = results
    }
}
