import Foundation

/// One URL scheme a probe answers, as data: where the device is (a host or a serial path), the
/// query keys with their ranges and defaults, and what the URL's user part means.
///
/// The probe declares it (its `schemes`); the core applies it to every inventory endpoint while
/// planning, so a bad URL is a `file:line:col` error before any device is contacted, and the
/// probe reads an endpoint whose keys are already checked and whose defaults are filled in.
public struct EndpointScheme: Sendable {
    /// Where the device sits.
    public enum Location: Sendable {
        /// `scheme://HOST[:PORT]`.
        case network(defaultPort: Int)
        /// `scheme:///dev/ttyUSB0` (three slashes).
        case serial
    }

    /// What the URL's user part (`scheme://USER@HOST`) means.
    public enum UserPart: Sendable {
        /// Not allowed.
        case none
        /// A secret (an SNMP community): kept in `Endpoint.community`, never printed.
        case secret
        /// A name that is not secret (an SNMPv3 security name), required or optional.
        case name(required: Bool)
    }

    /// One query key: its check (an error message, or nil when the value is fine).
    public struct Key: Sendable {
        public var check: @Sendable (String) -> String?
        public init(_ check: @escaping @Sendable (String) -> String?) { self.check = check }

        /// A whole number in `range`.
        public static func integer(_ range: ClosedRange<Int>) -> Key {
            Key { Int($0).map { range.contains($0) } == true ? nil : "must be a whole number in \(range.lowerBound)…\(range.upperBound)" }
        }
        /// One of `values`, ignoring case.
        public static func oneOf(_ values: [String]) -> Key {
            Key { v in values.contains { $0.caseInsensitiveCompare(v) == .orderedSame } ? nil : "must be one of \(values.joined(separator: ", "))" }
        }
        /// One of `values`, as whole numbers.
        public static func oneOf(_ values: [Int]) -> Key {
            Key { v in Int(v).map(values.contains) == true ? nil : "must be one of \(values.map(String.init).joined(separator: ", "))" }
        }
        /// Any text.
        public static let text = Key { _ in nil }
    }

    public var name: String
    public var location: Location
    public var keys: [String: Key]
    /// Filled in when the URL leaves them out, so a probe reads one decided value.
    public var defaults: [String: String]
    public var user: UserPart
    /// The URL's shape for documentation and messages, e.g. `modbus-tcp://HOST[:PORT]?unit=N`.
    public var usage: String

    public init(_ name: String, _ location: Location, keys: [String: Key] = [:], defaults: [String: String] = [:],
                user: UserPart = .none, usage: String) {
        self.name = name
        self.location = location
        self.keys = keys
        self.defaults = defaults
        self.user = user
        self.usage = usage
    }

    /// The keys of a serial line (`baud`, `parity`, `data`, `stop`), for schemes on RS-485/RS-232.
    public static func serialLineKeys(bauds: [Int]) -> [String: Key] {
        ["baud": .oneOf(bauds), "parity": .oneOf(["N", "E", "O"]), "data": .integer(7...8), "stop": .integer(1...2)]
    }

    /// Parses `text` by this scheme's rules. The message says what is wrong and what was expected;
    /// a user part or query never appears in it (a malformed URL may carry a secret anywhere).
    public func parse(_ text: String) throws(EndpointError) -> Endpoint {
        let trimmed = text.trimmingBlanks
        guard let components = URLComponents(string: trimmed) else {
            throw EndpointError("'\(EndpointURL.redacted(trimmed))' is not a well-formed URL")
        }
        var endpoint = Endpoint(scheme: name)
        endpoint.query = try checkedQuery((components.queryItems ?? []).map { ($0.name, $0.value ?? "") })

        if components.percentEncodedPassword != nil {
            throw EndpointError("\(name): passwords do not belong in URLs; use the credentials file or CHECKUP_SNMP_* variables")
        }
        let userText = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        switch (user, userText) {
        case (.none, .some): throw EndpointError("\(name): a user name has no meaning here")
        case (.secret, .some(let secret)): endpoint.community = Secret(secret)
        case (.name, .some(let given)): endpoint.user = given
        case (.name(required: true), .none): throw EndpointError("\(name): the security name is required, as \(usage)")
        default: break
        }

        switch location {
        case .network(let defaultPort):
            guard let host = components.host, !host.isEmpty else {
                throw EndpointError("\(name): a host is required, as \(usage)")
            }
            if !components.path.isEmpty && components.path != "/" {
                throw EndpointError("\(name): unexpected path '\(components.path)' after the host")
            }
            if let port = components.port, !(1...65535).contains(port) {
                throw EndpointError("\(name): port \(port) is outside 1…65535")
            }
            // Foundation keeps an IPv6 literal's brackets in `host`; the model holds the bare
            // address, and `Endpoint.description` and the SNMP peer name add them back.
            endpoint.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            endpoint.port = components.port ?? defaultPort
        case .serial:
            if let host = components.host, !host.isEmpty {
                throw EndpointError("\(name): expected a device path as \(usage) (three slashes), found host '\(host)'")
            }
            guard components.path.hasPrefix("/"), components.path.count > 1 else {
                throw EndpointError("\(name): a serial device path is required, as \(usage)")
            }
            endpoint.path = components.path
        }
        return endpoint
    }

    /// An endpoint built in code, held to the same rules as a parsed one: its query keys
    /// checked, the defaults filled in, its host or path present.
    public func checked(_ endpoint: Endpoint) throws(EndpointError) -> Endpoint {
        guard endpoint.scheme == name else { throw EndpointError("\(endpoint.scheme):// is not \(name)://, as \(usage)") }
        var endpoint = endpoint
        endpoint.query = try checkedQuery(endpoint.query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        switch location {
        case .network: if endpoint.host?.isEmpty != false { throw EndpointError("\(name): a host is required, as \(usage)") }
        case .serial: if endpoint.path?.isEmpty != false { throw EndpointError("\(name): a serial device path is required, as \(usage)") }
        }
        return endpoint
    }

    /// The query after this scheme's keys: each value checked, the defaults filled in.
    private func checkedQuery(_ items: [(name: String, value: String)]) throws(EndpointError) -> [String: String] {
        var query: [String: String] = [:]
        for (keyName, value) in items {
            guard let key = keys[keyName] else {
                let hint = Suggest.closest(to: keyName, in: Array(keys.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                let accepted = keys.isEmpty ? "it takes none" : "accepted: \(keys.keys.sorted().joined(separator: ", "))"
                throw EndpointError("\(name): unknown parameter '\(keyName)'\(hint); \(accepted)")
            }
            if let problem = key.check(value) { throw EndpointError("\(name): \(keyName)=\(value) \(problem)") }
            query[keyName] = value
        }
        return defaults.merging(query) { _, given in given }
    }
}
