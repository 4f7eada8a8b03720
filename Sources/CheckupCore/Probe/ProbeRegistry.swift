import Foundation
import Yams

/// The probes a run can use, keyed by URL scheme and protocol name. The CLI registers the
/// built-in ones; tests register scripted ones. Adding a protocol is one `register` line.
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

    public func probe(forScheme scheme: String) -> AnyProbe? {
        probes.first { $0.schemes.contains(scheme) }
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
    private let decodeAddress: @Sendable (Node) throws -> any Sendable
    private let validateAddress: @Sendable (any Sendable) -> String?
    private let readPoints: @Sendable ([PointSpec], Endpoint, ProbeContext) async -> Readings
    private let identifyDevice: (@Sendable (Endpoint, ProbeContext) async -> DeviceIdentity?)?

    init<P: DeviceProbe>(_ probe: P) {
        protocolName = P.protocolName
        schemes = P.schemes
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
    public func read(_ points: [PointSpec], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        await AlternativeAddresses.read(points) { await readPoints($0, endpoint, context) }
    }

    public var canIdentify: Bool { identifyDevice != nil }

    public func identify(_ endpoint: Endpoint, context: ProbeContext) async -> DeviceIdentity? {
        await identifyDevice?(endpoint, context)
    }
}
