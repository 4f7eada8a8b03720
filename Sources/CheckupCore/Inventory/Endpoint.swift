import Foundation

/// Where and how to reach a device, parsed from an endpoint URL by its scheme's rules
/// (`EndpointScheme`, declared by the probe that answers it: each probe's README lists its own).
///
/// A community in the URL is a secret: it is kept in `community` and never printed.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    /// Host for network schemes.
    public var host: String?
    public var port: Int?
    /// Device path for serial schemes (`/dev/ttyUSB0`).
    public var path: String?
    /// A user name that is not secret (the SNMPv3 security name).
    public var user: String?
    /// Query parameters, checked by the scheme's rules, its defaults filled in.
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

    /// Splits an endpoint URL as written, applying no probe's rules: for text that was checked
    /// before (a stored site, a capture). Inventories and command lines go through
    /// `ProbeRegistry.endpoint(parsing:)`, which applies the scheme's own.
    public init(splitting text: String) throws(EndpointError) {
        self = try EndpointURL.split(text)
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
