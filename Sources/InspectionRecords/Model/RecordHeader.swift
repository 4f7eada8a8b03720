public import CheckupCore
public import Foundation

/// The head of the form: whose system, which contract, which month, who inspected.
public struct RecordHeader: Sendable, Codable, Hashable {
    public var siteId: String
    public var client: String
    public var site: String
    public var address: String?
    public var contract: String?
    public var responseZone: String?
    /// `YYYY-MM`.
    public var period: String
    /// Days of the visit, `YYYY-MM-DD`, in the site's time zone.
    public var inspectionDates: [String]
    public var technicians: [String]
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(siteId: String, client: String, site: String, address: String? = nil, contract: String? = nil,
                responseZone: String? = nil, period: String, inspectionDates: [String] = [],
                technicians: [String] = [], startedAt: Date? = nil, finishedAt: Date? = nil) {
        self.siteId = siteId
        self.client = client
        self.site = site
        self.address = address
        self.contract = contract
        self.responseZone = responseZone
        self.period = period
        self.inspectionDates = inspectionDates
        self.technicians = technicians
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// What happened to one inventory device in the run.
public enum DeviceState: String, Sendable, Codable, CaseIterable {
    case inspected
    case unreachable
    /// Left out of the run (`--only`, interrupted): the record is incomplete.
    case notInspected = "not-inspected"

    public var title: LocalizedText {
        switch self {
        case .inspected: LocalizedText(zh: "已检", en: "Inspected")
        case .unreachable: LocalizedText(zh: "设备离线", en: "Device offline")
        case .notInspected: LocalizedText(zh: "未检", en: "Not inspected")
        }
    }
}

/// A device of the site as the record lists it. The endpoint is always the redacted form.
public struct RecordDevice: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var location: String?
    public var kind: DeviceKind?
    public var profile: String
    public var endpoint: String
    public var state: DeviceState
    /// The probe's own words for an offline device (English, for the evidence appendix).
    public var reason: String?
    /// Why the device is offline or not inspected, in the client's words (设备离线：30 秒内无应答, 串口总线未接入).
    public var note: LocalizedText?
    /// Day this device was last inspected this month, `YYYY-MM-DD` (a large site takes several days).
    public var inspectedOn: String?

    public init(id: String, name: String, location: String? = nil, kind: DeviceKind? = nil, profile: String,
                endpoint: String, state: DeviceState, reason: String? = nil, note: LocalizedText? = nil,
                inspectedOn: String? = nil) {
        self.id = id
        self.name = name
        self.location = location
        self.kind = kind
        self.profile = profile
        self.endpoint = endpoint
        self.state = state
        self.reason = reason
        self.note = note
        self.inspectedOn = inspectedOn
    }
}

/// The totals at the foot of the form. Warnings (注意) are counted apart from faults (异常).
public struct RecordSummary: Sendable, Codable, Hashable {
    /// Devices inspected this month (answered or offline); not the ones still 未检.
    public var devicesChecked: Int
    public var devicesOffline: Int
    /// Devices of the site not inspected this month (yet).
    public var devicesNotInspected: Int
    public var rows: Int
    public var normal: Int
    /// Rows with a warning: worth a look, not a fault.
    public var attention: Int
    public var faultsFound: Int
    public var clearedOnSite: Int
    /// Faults not cleared during the visit.
    public var pending: Int
    /// Rows nobody has judged yet.
    public var toCheck: Int
    /// Rows the unit does not support.
    public var notSupported: Int
    public var measuredRows: Int
    public var manualRows: Int

    public init(sections: [RecordSectionTable], devices: [RecordDevice]) {
        let rows = sections.flatMap(\.rows)
        devicesChecked = devices.filter { $0.state != .notInspected }.count
        devicesOffline = devices.filter { $0.state == .unreachable }.count
        devicesNotInspected = devices.filter { $0.state == .notInspected }.count
        self.rows = rows.count
        normal = rows.filter { $0.result == .normal }.count
        attention = rows.filter { $0.result == .attention }.count
        faultsFound = rows.filter { $0.result == .abnormal }.count
        clearedOnSite = rows.filter { $0.result == .abnormal && $0.clearedOnSite }.count
        pending = faultsFound - clearedOnSite
        toCheck = rows.filter { $0.result == .toCheck }.count
        notSupported = rows.filter { $0.result == .notSupported }.count
        measuredRows = rows.filter { $0.source == .automatic }.count
        manualRows = rows.filter { $0.source == .manual }.count
    }
}

/// The signature block: filled in ink on paper; the names are printed under the boxes.
public struct SignOff: Sendable, Codable, Hashable {
    public var technicians: [String]
    public var clientRepresentative: String?
    public var date: String?

    public init(technicians: [String], clientRepresentative: String? = nil, date: String? = nil) {
        self.technicians = technicians
        self.clientRepresentative = clientRepresentative
        self.date = date
    }
}

/// One entry of the evidence appendix: the values read for one check.
public struct EvidenceEntry: Sendable, Codable, Hashable {
    public var ref: String
    public var deviceId: String
    public var device: String
    public var check: LocalizedText
    public var status: CheckStatus
    public var observed: String
    public var expected: String
    public var lines: [String]
    public var durationMs: Double

    public init(ref: String, deviceId: String, device: String, check: LocalizedText, status: CheckStatus,
                observed: String, expected: String, lines: [String], durationMs: Double) {
        self.ref = ref
        self.deviceId = deviceId
        self.device = device
        self.check = check
        self.status = status
        self.observed = observed
        self.expected = expected
        self.lines = lines
        self.durationMs = durationMs
    }
}
