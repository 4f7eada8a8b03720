package import CheckupCore
package import Foundation

/// The head of the form: whose system, which contract, which month, who inspected.
package struct RecordHeader: Sendable, Codable, Hashable {
    package var siteId: String
    package var client: String
    package var site: String
    package var address: String?
    package var contract: String?
    package var responseZone: String?
    /// `YYYY-MM`.
    package var period: String
    /// Days of the visit, `YYYY-MM-DD`, in the site's time zone.
    package var inspectionDates: [String]
    package var technicians: [String]
    package var startedAt: Date?
    package var finishedAt: Date?

    package init(siteId: String, client: String, site: String, address: String? = nil, contract: String? = nil,
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
package enum DeviceState: String, Sendable, Codable, CaseIterable {
    case inspected
    case unreachable
    /// Left out of the run (`--only`, interrupted): the record is incomplete.
    case notInspected = "not-inspected"

    package var title: LocalizedText {
        switch self {
        case .inspected: LocalizedText(zh: "已检", en: "Inspected")
        case .unreachable: LocalizedText(zh: "设备离线", en: "Device offline")
        case .notInspected: LocalizedText(zh: "未检", en: "Not inspected")
        }
    }
}

/// A device of the site as the record lists it. The endpoint is always the redacted form.
package struct RecordDevice: Sendable, Codable, Hashable {
    package var id: String
    package var name: String
    package var location: String?
    package var kind: DeviceKind?
    package var profile: String
    package var endpoint: String
    package var state: DeviceState
    /// The probe's own words for an offline device (English, for the evidence appendix).
    package var reason: String?
    /// Why the device is offline or not inspected, in the client's words (设备离线：30 秒内无应答, 串口总线未接入).
    package var note: LocalizedText?
    /// Day this device was last inspected this month, `YYYY-MM-DD` (a large site takes several days).
    package var inspectedOn: String?

    package init(id: String, name: String, location: String? = nil, kind: DeviceKind? = nil, profile: String,
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
package struct RecordSummary: Sendable, Codable, Hashable {
    /// Devices inspected this month (answered or offline); not the ones still 未检.
    package var devicesChecked: Int
    package var devicesOffline: Int
    /// Devices of the site not inspected this month (yet).
    package var devicesNotInspected: Int
    package var rows: Int
    package var normal: Int
    /// Rows with a warning: worth a look, not a fault.
    package var attention: Int
    package var faultsFound: Int
    package var clearedOnSite: Int
    /// Faults not cleared during the visit.
    package var pending: Int
    /// Rows nobody has judged yet.
    package var toCheck: Int
    /// Rows the unit does not support.
    package var notSupported: Int
    package var measuredRows: Int
    package var manualRows: Int

    /// Counted in one pass, copying no row: it is recounted at every renumbering of 50,000 rows.
    package init(sections: [RecordSectionTable], devices: [RecordDevice]) {
        (devicesChecked, devicesOffline, devicesNotInspected) = (0, 0, 0)
        for device in devices {
            switch device.state {
            case .notInspected: devicesNotInspected += 1
            case .unreachable: devicesOffline += 1; devicesChecked += 1
            case .inspected: devicesChecked += 1
            }
        }
        (rows, normal, attention, faultsFound, clearedOnSite, toCheck, notSupported) = (0, 0, 0, 0, 0, 0, 0)
        (measuredRows, manualRows) = (0, 0)
        for section in sections {
            for row in section.rows {
                rows += 1
                switch row.result {
                case .normal: normal += 1
                case .attention: attention += 1
                case .abnormal: faultsFound += 1; if row.clearedOnSite { clearedOnSite += 1 }
                case .toCheck: toCheck += 1
                case .notSupported: notSupported += 1
                case .notInspected: break
                }
                switch row.source {
                case .automatic: measuredRows += 1
                case .manual: manualRows += 1
                }
            }
        }
        pending = faultsFound - clearedOnSite
    }
}

/// The signature block: filled in ink on paper; the names are printed under the boxes.
package struct SignOff: Sendable, Codable, Hashable {
    package var technicians: [String]
    package var clientRepresentative: String?
    package var date: String?

    package init(technicians: [String], clientRepresentative: String? = nil, date: String? = nil) {
        self.technicians = technicians
        self.clientRepresentative = clientRepresentative
        self.date = date
    }
}

/// One entry of the evidence appendix: the values read for one check.
package struct EvidenceEntry: Sendable, Codable, Hashable {
    package var ref: String
    package var deviceId: String
    package var device: String
    package var check: LocalizedText
    package var status: CheckStatus
    /// The English lines of the result (`CheckResult.observed`, `.expected`), as the terminal showed them.
    package var observed: String
    package var expected: String
    package var lines: [String]
    package var durationMs: Double
    /// What was seen, as data: the appendix words it in the record's language. Its own copy, as
    /// a person's answer replaces the row's; nil in versions stored before it was kept. (What was
    /// expected is the row's `expectation`, which no answer changes: kept once, on the row.)
    package var finding: Finding?

    package init(ref: String, deviceId: String, device: String, check: LocalizedText, status: CheckStatus,
                observed: String, expected: String, lines: [String], durationMs: Double,
                finding: Finding? = nil) {
        self.ref = ref
        self.deviceId = deviceId
        self.device = device
        self.check = check
        self.status = status
        self.observed = observed
        self.expected = expected
        self.lines = lines
        self.durationMs = durationMs
        self.finding = finding
    }
}
