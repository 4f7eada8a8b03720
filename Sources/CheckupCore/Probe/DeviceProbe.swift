public import Foundation

/// A protocol plug-in: turns a profile's points into readings. It never judges pass or fail.
///
/// The probe owns its protocol: its URL schemes (`EndpointScheme`: keys, ranges, defaults),
/// the bus a device sits on, its point addresses, and the skeleton `profile new` writes.
/// Adding one is a folder plus one `register` line in `Sources/CheckupCLI/Support/BuiltInProbes.swift`
/// (the article: `Sources/CheckupCore/CheckupCore.docc/WritingAProbe.md`).
public protocol DeviceProbe: Sendable {
    /// How this protocol's points are addressed in a profile (OID, register, Pelco query…),
    /// decoded from the point's YAML mapping minus the shared keys (`title`, `unit`, `active`…).
    associatedtype Address: Decodable & Sendable

    /// The protocol name profiles use in `protocol:`, e.g. `modbus`, `snmp`, `pelco`.
    static var protocolName: String { get }
    /// The URL schemes this probe answers, with their rules: the one parser of its endpoints.
    static var schemes: [EndpointScheme] { get }

    /// Key of the physical bus the device sits on: the pipeline runs one device at a time per
    /// key. The default is the serial port; nil (no bus) for a network device.
    static func busKey(_ endpoint: Endpoint) -> String?

    /// The keys a point's address may have (`oid`, `table`…), beside the shared ones: the
    /// probe's part of the profile JSON Schema (`checkup profile schema`).
    static var addressKeys: [String] { get }

    /// What `checkup profile new --protocol NAME` writes below the header: `identify:` (or a
    /// comment saying why there is none), then `points:` and `checks:`, valid as written.
    static func profileSkeleton(vendor: String) -> String

    /// Reads the points. A device that does not answer is a result (`Readings.unreachable`),
    /// not a thrown error. Blocking C calls must go through `context.io`, never run inline.
    func read(_ points: [Point<Address>], from endpoint: Endpoint, context: ProbeContext) async -> Readings

    /// Checks an address beyond what decoding checks (e.g. a register range); returns a message
    /// for the profile author, or nil when the address is fine.
    static func validate(_ address: Address) -> String?
}

extension DeviceProbe {
    public static func validate(_ address: Address) -> String? { nil }

    public static func busKey(_ endpoint: Endpoint) -> String? { endpoint.path.map { "serial:\($0)" } }

    /// Parses an endpoint URL by this probe's own schemes (tests, tools that know the protocol).
    public static func endpoint(parsing text: String) throws(EndpointError) -> Endpoint {
        try scheme(named: EndpointURL.scheme(of: text, known: schemes.map(\.name))).parse(text)
    }

    /// An endpoint held to this probe's scheme rules, defaults filled in: how a probe reads
    /// one built in code as surely as one the registry parsed.
    public static func checked(_ endpoint: Endpoint) throws(EndpointError) -> Endpoint {
        try scheme(named: endpoint.scheme).checked(endpoint)
    }

    private static func scheme(named name: String) throws(EndpointError) -> EndpointScheme {
        guard let rule = schemes.first(where: { $0.name == name }) else {
            throw EndpointError("\(protocolName) endpoints are \(schemes.map(\.usage).joined(separator: " or ")), not \(name)://")
        }
        return rule
    }
}

/// A probe that can tell what a device is, so `checkup probe URL` can pick a profile itself.
public protocol IdentifyingProbe: DeviceProbe {
    func identify(_ endpoint: Endpoint, context: ProbeContext) async -> DeviceIdentity?
}

/// What a device says about itself; matched against profiles' `identify:` sections.
public struct DeviceIdentity: Sendable, Hashable, Codable {
    public var objectID: String?
    public var description: String?
    public var model: String?
    public var vendor: String?
    /// Answers to the profiles' `identify: object:` addresses, by address text (an OID).
    public var objects: [String: Value]
    public init(objectID: String? = nil, description: String? = nil, model: String? = nil, vendor: String? = nil,
                objects: [String: Value] = [:]) {
        self.objectID = objectID
        self.description = description
        self.model = model
        self.vendor = vendor
        self.objects = objects
    }
}

/// One point of a profile as a probe sees it: the id, the decoded address and shared metadata.
public struct Point<Address: Sendable>: Sendable {
    public var id: String
    public var address: Address
    /// The point changes device state (a write, a PTZ move). Only passed to a probe with `--allow-active`.
    public var active: Bool
    public var unit: String?
    public init(id: String, address: Address, active: Bool = false, unit: String? = nil) {
        self.id = id
        self.address = address
        self.active = active
        self.unit = unit
    }
}

/// Everything a probe needs from the run, besides the endpoint.
public struct ProbeContext: Sendable {
    /// Reply timeout of one exchange, handed to the protocol library.
    public var timeout: Duration
    /// Retries of one exchange, handed to the protocol library (SNMP retries, Modbus re-reads).
    public var retries: Int
    /// Secrets for this device (community, v3 passphrases); never printed.
    public var credentials: Credentials
    /// True when the user passed `--allow-active`; active points are only sent then.
    public var allowActive: Bool
    /// Record raw exchanges (`--trace`); a probe may always record them, this asks for detail.
    public var trace: Bool
    /// Keep the image of what was read, by address (`Readings.wire`): `checkup capture` asks for
    /// it; a run does not, and an SNMP probe then makes no captured object of each reply.
    public var keepsWire: Bool
    /// Where blocking C calls run: dedicated threads, never the cooperative pool.
    public var io: BlockingIO
    /// Serialises transactions on one physical bus (a serial port, a Modbus gateway).
    public var buses: BusRegistry
    /// The checking machine's clock (tests pin it).
    public var now: @Sendable () -> Date

    public init(timeout: Duration = .seconds(1), retries: Int = 1, credentials: Credentials = Credentials(),
                allowActive: Bool = false, trace: Bool = false, keepsWire: Bool = false, io: BlockingIO = .shared,
                buses: BusRegistry = BusRegistry(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.timeout = timeout
        self.retries = retries
        self.credentials = credentials
        self.allowActive = allowActive
        self.trace = trace
        self.keepsWire = keepsWire
        self.io = io
        self.buses = buses
        self.now = now
    }

    /// The timeout in seconds, for C APIs.
    public var timeoutSeconds: Double {
        let c = timeout.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
