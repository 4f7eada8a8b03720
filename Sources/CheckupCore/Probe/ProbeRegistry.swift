import Foundation
import Yams

/// The probes a run can use, keyed by URL scheme and protocol name. The CLI registers the
/// built-in ones; tests register scripted ones. Adding a protocol is one `register` line.
/// It is also the one parser of endpoint URLs: each scheme by the rules its probe declares.
public struct ProbeRegistry: Sendable {
    public private(set) var probes: [AnyProbe] = []

    public init() {}

    public init(_ build: (inout ProbeRegistry) -> Void) {
        build(&self)
    }

    public mutating func register<P: DeviceProbe>(_ probe: P) {
        probes.removeAll { $0.protocolName == P.protocolName }
        probes.append(AnyProbe(probe))
    }

    /// The registry with one more probe: how a build or a test adds its own to the built-ins.
    public func registering<P: DeviceProbe>(_ probe: P) -> ProbeRegistry {
        var copy = self
        copy.register(probe)
        return copy
    }

    public func probe(forScheme scheme: String) -> AnyProbe? {
        probes.first { $0.schemes.contains(scheme) }
    }

    /// Parses an endpoint URL by the rules of the probe that answers its scheme. The message
    /// names what is wrong and what was expected, and never a user part or query as given.
    public func endpoint(parsing text: String) throws(EndpointError) -> Endpoint {
        let scheme = try EndpointURL.scheme(of: text, known: schemes)
        guard let rule = probes.lazy.compactMap({ $0.scheme(named: scheme) }).first else {
            let hint = Suggest.closest(to: scheme, in: schemes).map { " (did you mean '\($0)'?)" } ?? ""
            throw EndpointError("unknown endpoint scheme '\(scheme)'\(hint); known: \(schemes.joined(separator: ", "))")
        }
        return try rule.parse(text)
    }

    public func probe(forProtocol name: String) -> AnyProbe? {
        probes.first { $0.protocolName == name }
    }

    public var protocolNames: [String] { probes.map(\.protocolName).sorted() }
    public var schemes: [String] { probes.flatMap(\.schemes).sorted() }
}

/// A type-erased `DeviceProbe`: decodes its addresses and reads untyped `PointSpec`s.
public struct AnyProbe: Sendable {
    public let protocolName: String
    public let schemes: [String]
    /// The schemes with their rules, as the probe declares them.
    public let endpointSchemes: [EndpointScheme]
    /// The keys a point's address may have (see `DeviceProbe.addressKeys`).
    public let addressKeys: [String]
    private let bus: @Sendable (Endpoint) -> String?
    private let skeleton: @Sendable (String) -> String
    private let decodeAddress: @Sendable (Node) throws -> any Sendable
    private let validateAddress: @Sendable (any Sendable) -> String?
    private let readPoints: @Sendable ([PointSpec], Endpoint, ProbeContext) async -> Readings
    private let identifyDevice: (@Sendable (Endpoint, ProbeContext) async -> DeviceIdentity?)?

    init<P: DeviceProbe>(_ probe: P) {
        protocolName = P.protocolName
        endpointSchemes = P.schemes
        schemes = P.schemes.map(\.name)
        addressKeys = P.addressKeys
        bus = { P.busKey($0) }
        skeleton = { P.profileSkeleton(vendor: $0) }
        decodeAddress = { node in try YAMLDecoder().decode(P.Address.self, from: node) }
        validateAddress = { address in (address as? P.Address).flatMap { P.validate($0) } }
        readPoints = { specs, endpoint, context in
            let points = specs.compactMap { spec in
                (spec.address as? P.Address).map { Point(id: spec.id, address: $0, active: spec.active, unit: spec.unit) }
            }
            return await probe.read(points, from: endpoint, context: context)
        }
        if let identifying = probe as? any IdentifyingProbe {
            identifyDevice = { endpoint, context in await identifying.identify(endpoint, context: context) }
        } else {
            identifyDevice = nil
        }
    }

    /// Decodes a point's address (the point's mapping minus the shared keys).
    func decode(_ node: Node) throws -> any Sendable { try decodeAddress(node) }
    func validate(_ address: any Sendable) -> String? { validateAddress(address) }

    /// Reads the points; a point the unit lacks is read again at each of its `alternatives`,
    /// in order, until one answers (see `AlternativeAddresses`).
    package func read(_ points: [PointSpec], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        await AlternativeAddresses.read(points) { await readPoints($0, endpoint, context) }
    }

    public func scheme(named name: String) -> EndpointScheme? { endpointSchemes.first { $0.name == name } }

    /// The bus the device at `endpoint` sits on (see `DeviceProbe.busKey`).
    public func busKey(_ endpoint: Endpoint) -> String? { bus(endpoint) }

    /// The `identify:`, `points:` and `checks:` part of a new profile (`checkup profile new`).
    public func profileSkeleton(vendor: String) -> String { skeleton(vendor) }

    public var canIdentify: Bool { identifyDevice != nil }

    public func identify(_ endpoint: Endpoint, context: ProbeContext) async -> DeviceIdentity? {
        await identifyDevice?(endpoint, context)
    }
}
