public import CheckupCore
import Foundation

/// A probe whose devices follow a script: values, delays, hangs, silence. For testing the
/// pipeline, the evaluator and the CLI with no hardware (the swift-log test-kit habit).
///
/// Devices are keyed by endpoint host (or path + `unit`). The probe records how many reads
/// were in flight at once, overall and per bus, so tests can assert the pipeline's limits.
public struct ScriptedProbe: DeviceProbe {
    public struct Address: Decodable, Sendable, Hashable {
        /// Key of the value in the device's script.
        public var key: String
    }

    /// How one scripted device behaves.
    public struct Device: Sendable {
        public var values: [String: Value]
        public var delay: Duration
        public var unreachable: String?
        public init(values: [String: Value] = [:], delay: Duration = .zero, unreachable: String? = nil) {
            self.values = values
            self.delay = delay
            self.unreachable = unreachable
        }
        /// Never answers within any sane deadline.
        public static func hung(_ values: [String: Value] = [:]) -> Device { Device(values: values, delay: .seconds(3600)) }
    }

    public static let protocolName = "scripted"
    /// `scripted://HOST`; tests build serial-bus endpoints (`path` + `unit`) in code.
    public static let schemes = [EndpointScheme("scripted", .network(defaultPort: 0), keys: ["unit": .integer(0...255)],
                                                user: .secret, usage: "scripted://HOST")]

    public static let addressKeys = ["key"]

    public static func profileSkeleton(vendor: String) -> String {
        "points:\n  value: {key: value}\n\nchecks:\n  - {id: value, title: Value, point: value, equals: 1}\n"
    }

    public let devices: [String: Device]
    public let stats: Stats

    public init(devices: [String: Device], stats: Stats = Stats()) {
        self.devices = devices
        self.stats = stats
    }

    public static func key(_ endpoint: Endpoint) -> String {
        endpoint.host ?? "\(endpoint.path ?? "")#\(endpoint.query["unit"] ?? "")"
    }

    public func read(_ points: [Point<Address>], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        let key = Self.key(endpoint)
        stats.enter(bus: Self.busKey(endpoint))
        defer { stats.leave(bus: Self.busKey(endpoint), device: key) }
        guard let device = devices[key] else { return .unreachable("no such scripted device '\(key)'") }
        if device.delay > .zero { try? await Task.sleep(for: device.delay) }
        if let reason = device.unreachable { return .unreachable(reason) }
        var readings = Readings()
        for point in points {
            readings[point.id] = Reading(device.values[point.address.key] ?? .absent("not scripted"), unit: point.unit,
                                         at: context.now(), evidence: "scripted \(point.address.key)")
        }
        readings.exchanges = [Exchange(.sent, "read \(points.count) points of \(key)", at: context.now())]
        return readings
    }

    /// Concurrency observed by a `ScriptedProbe`.
    public final class Stats: Sendable {
        private struct State {
            var inFlight = 0
            var maxInFlight = 0
            var busInFlight: [String: Int] = [:]
            var maxBusInFlight: [String: Int] = [:]
            var completed: [String] = []
        }
        private let state = Locked(State())
        public init() {}

        func enter(bus: String?) {
            state.withLock { s in
                s.inFlight += 1
                s.maxInFlight = max(s.maxInFlight, s.inFlight)
                if let bus {
                    s.busInFlight[bus, default: 0] += 1
                    s.maxBusInFlight[bus] = max(s.maxBusInFlight[bus] ?? 0, s.busInFlight[bus]!)
                }
            }
        }

        func leave(bus: String?, device: String) {
            state.withLock { s in
                s.inFlight -= 1
                if let bus { s.busInFlight[bus, default: 1] -= 1 }
                s.completed.append(device)
            }
        }

        public var maxInFlight: Int { state.withLock { $0.maxInFlight } }
        public func maxInFlight(onBus bus: String) -> Int { state.withLock { $0.maxBusInFlight[bus] ?? 0 } }
        public var completed: [String] { state.withLock { $0.completed } }
    }
}

extension ProbeRegistry {
    /// A registry holding only `probe`, for tests.
    public static func with<P: DeviceProbe>(_ probe: P) -> ProbeRegistry {
        ProbeRegistry { $0.register(probe) }
    }
}
