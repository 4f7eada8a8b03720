public import CheckupCore
import Foundation

/// A trivial protocol, to prove that a probe is one folder and one registration line: a text
/// line per point over TCP, `GET key` answered `VALUE text` or `NONE`.
///
/// It owns everything the core asks of a probe: the `line://` scheme, the point address, the
/// skeleton `profile new` writes. Its peer is `LineSimulator`, in this folder.
public struct LineProbe: DeviceProbe {
    /// A point names a key: `{key: greeting}`.
    public struct Address: Decodable, Sendable, Hashable {
        public var key: String
    }

    public static let protocolName = "line"
    /// `line://HOST[:PORT]`: port 7070, no query keys, no user part.
    public static let schemes = [EndpointScheme("line", .network(defaultPort: 7070), usage: "line://HOST[:PORT]")]
    public static let addressKeys = ["key"]

    public init() {}

    public static func validate(_ address: Address) -> String? {
        address.key.contains(where: \.isWhitespace) ? "a key has no spaces: '\(address.key)'" : nil
    }

    public static func profileSkeleton(vendor: String) -> String {
        """
        # No identify: a line device does not say what it is; sites name the profile.

        points:
          greeting: {key: greeting}

        checks:
          - id: greets
            title: {zh: 应答, en: Greets}
            point: greeting
            regex: "."
        """
    }

    public func read(_ points: [Point<Address>], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        guard let host = endpoint.host, let port = endpoint.port else { return .unreachable("\(endpoint): no host") }
        let timeout = context.timeoutSeconds
        let now = context.now
        return await context.io.run { () -> Readings in
            let connection: LineConnection
            do throws(LineConnection.Failure) { connection = try LineConnection(host: host, port: port, timeout: timeout) } catch {
                return .unreachable("\(endpoint): \(error.message)")
            }
            defer { connection.close() }
            var readings = Readings()
            for point in points {
                let request = "GET \(point.address.key)"
                guard let reply = connection.ask(request) else {
                    return .unreachable("\(endpoint): no reply to '\(request)' within \(timeout) s", exchanges: readings.exchanges)
                }
                readings.exchanges += [Exchange(.sent, request, at: now()), Exchange(.received, reply, at: now())]
                readings[point.id] = Reading(Self.value(reply), unit: point.unit, at: now(), evidence: "\(request) → \(reply)")
            }
            return readings
        }
    }

    static func value(_ reply: String) -> Value {
        guard reply.hasPrefix("VALUE ") else { return reply == "NONE" ? .absent("no such key") : .error("unexpected reply '\(reply)'") }
        let text = String(reply.dropFirst(6))
        if let integer = Int64(text) { return .integer(integer) }
        if let number = Double(text) { return .number(number) }
        return .text(text)
    }
}
