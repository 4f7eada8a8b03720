import Foundation

/// A client's site: who, where, under which contract, and its devices (the site inventory YAML).
package struct Site: Sendable, Codable, Hashable {
    package var id: String
    package var client: String
    package var name: String
    package var address: String?
    package var contract: String?
    /// Response-deadline zone of the maintenance contract (`ring-2`, `city`, `neighbouring`…).
    package var responseZone: String?
    /// Extra rows for a person, replacing the default checklist when given (see InspectionRecords).
    package var manualChecklist: [ManualItem]?
    /// When the site is due (the contract's visit cycle); nil = monthly.
    package var visits: VisitPlan?
    /// Who is assigned to the site.
    package var technician: Technician?
    /// Which inventory file the store's copy came from (`checkup sites import`).
    package var origin: SiteOrigin?
    package var devices: [Device]

    package init(id: String, client: String, name: String, address: String? = nil, contract: String? = nil,
                responseZone: String? = nil, manualChecklist: [ManualItem]? = nil, devices: [Device] = []) {
        self.id = id
        self.client = client
        self.name = name
        self.address = address
        self.contract = contract
        self.responseZone = responseZone
        self.manualChecklist = manualChecklist
        self.devices = devices
    }

    enum CodingKeys: String, CodingKey {
        case id, client, name, address, contract
        case responseZone = "response-zone"
        case manualChecklist = "manual-checklist"
        case visits, technician, origin, devices
    }

    /// The devices still expected in `month`: a device retired from a month on is not 未检 after it.
    package func devices(expectedIn month: String) -> [Device] {
        devices.filter { device in device.retiredFrom.map { month < $0 } ?? true }
    }
}

/// One device of a site inventory.
package struct Device: Sendable, Codable, Hashable {
    package var id: String
    package var name: String
    package var location: String?
    package var kind: DeviceKind
    /// Profile id (`hikvision-nvr`).
    package var profile: String
    /// Endpoint URL as written, secrets redacted when printed (see `Endpoint.description`).
    package var endpoint: Endpoint
    /// Name of the credentials-file entry holding this device's secrets.
    package var credentials: String?
    /// First month (`YYYY-MM`) the device is no longer there: retired or replaced.
    package var retiredFrom: String?
    /// Id of the device this one replaces, for the device's history.
    package var replaces: String?

    package init(id: String, name: String, location: String? = nil, kind: DeviceKind, profile: String,
                endpoint: Endpoint, credentials: String? = nil) {
        self.id = id
        self.name = name
        self.location = location
        self.kind = kind
        self.profile = profile
        self.endpoint = endpoint
        self.credentials = credentials
    }
}

/// What a device is, as the monthly form groups them.
package enum DeviceKind: String, Sendable, Codable, CaseIterable {
    case alarmHost = "alarm-host"
    case detector
    case camera
    case recorder
    case ptzDecoder = "ptz-decoder"
    case matrix
    case monitor
    case power

    package var title: LocalizedText {
        switch self {
        case .alarmHost: LocalizedText(zh: "报警主机", en: "Alarm host")
        case .detector: LocalizedText(zh: "入侵探测器", en: "Intrusion detector")
        case .camera: LocalizedText(zh: "摄像机", en: "Camera")
        case .recorder: LocalizedText(zh: "图象处理和记录设备", en: "Recorder")
        case .ptzDecoder: LocalizedText(zh: "云台解码器", en: "PTZ decoder")
        case .matrix: LocalizedText(zh: "矩阵切换主机", en: "Matrix switcher")
        case .monitor: LocalizedText(zh: "监视器", en: "Monitor")
        case .power: LocalizedText(zh: "电源设备", en: "Power supply")
        }
    }
}

/// A row of the record only a person can fill (cabling, grounding, lens cleanliness…).
package struct ManualItem: Sendable, Codable, Hashable {
    package var id: String
    package var section: RecordSection
    package var item: LocalizedText
    package var instruction: LocalizedText?
    package init(id: String, section: RecordSection, item: LocalizedText, instruction: LocalizedText? = nil) {
        self.id = id
        self.section = section
        self.item = item
        self.instruction = instruction
    }
}

extension Endpoint: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try Endpoint(splitting: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
    /// Encodes the redacted form: a community never reaches a file.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
