import Foundation

/// Where and how to reach a device, parsed from an endpoint URL.
///
/// ```
/// modbus-tcp://HOST[:PORT]?unit=N
/// modbus-rtu:///dev/ttyUSB0?baud=9600&parity=N&unit=N
/// snmp://[COMMUNITY@]HOST[:PORT]?version=2c
/// snmpv3://USER@HOST[:PORT]?level=authPriv&auth=SHA&priv=AES
/// pelco-d:///dev/ttyS0?baud=2400&address=N     pelco-p:///dev/ttyS0?baud=4800&address=N
/// ```
/// A community in the URL is a secret: it is kept in `credentials` and never printed.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    /// Host for network schemes.
    public var host: String?
    public var port: Int?
    /// Device path for serial schemes (`/dev/ttyUSB0`).
    public var path: String?
    /// A user name that is not secret (the SNMPv3 security name).
    public var user: String?
    /// Query parameters, validated against the scheme's rules.
    public var query: [String: String]
    /// A community given in the URL (`snmp://public@host`); redacted everywhere.
    public var community: Secret?

    public init(scheme: String, host: String? = nil, port: Int? = nil, path: String? = nil,
                user: String? = nil, query: [String: String] = [:], community: Secret? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.user = user
        self.query = query
        self.community = community
    }

    /// Parses and validates an endpoint URL; the error says what is wrong and what was expected.
    public init(parsing text: String) throws(EndpointError) {
        self = try EndpointParser.parse(text)
    }

    /// Key of the physical bus the device sits on: one transaction at a time per key.
    /// Serial ports and Modbus TCP gateways are buses; SNMP agents are not.
    public var busKey: String? {
        if let path { return "serial:\(path)" }
        if scheme == "modbus-tcp", let host { return "tcp:\(host):\(port ?? 502)" }
        return nil
    }

    /// Integer query parameter, e.g. `endpoint.int("unit")`.
    public func int(_ key: String) -> Int? { query[key].flatMap { Int($0) } }

    /// The URL with any secret replaced by `***`: safe for logs, records and errors.
    public var description: String {
        var s = "\(scheme)://"
        if community != nil { s += "***@" } else if let user { s += "\(user)@" }
        if let host { s += host.contains(":") ? "[\(host)]" : host }
        if let port { s += ":\(port)" }
        if let path { s += path }
        if !query.isEmpty {
            s += "?" + query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
        }
        return s
    }
}

/// What is wrong with an endpoint URL.
public struct EndpointError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
