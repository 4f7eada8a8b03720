import Foundation

/// The URL schemes checkup knows and the query parameters each accepts, as data.
enum EndpointParser {
    enum Kind { case network(defaultPort: Int), serial }

    struct Rule {
        var kind: Kind
        /// Allowed query keys with a validator returning an error message or nil.
        var keys: [String: @Sendable (String) -> String?]
        /// Query defaults filled in when absent.
        var defaults: [String: String] = [:]
        var userRequired = false
        var userAllowed = true
    }

    static let bauds: Set<Int> = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]

    static func intIn(_ range: ClosedRange<Int>) -> @Sendable (String) -> String? {
        { Int($0).map { range.contains($0) } == true ? nil : "must be a whole number in \(range.lowerBound)…\(range.upperBound)" }
    }
    static func oneOf(_ values: [String]) -> @Sendable (String) -> String? {
        { v in values.contains(where: { $0.caseInsensitiveCompare(v) == .orderedSame }) ? nil : "must be one of \(values.joined(separator: ", "))" }
    }
    static let baud: @Sendable (String) -> String? = { Int($0).map { bauds.contains($0) } == true ? nil : "must be one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200" }
    static let serialKeys: [String: @Sendable (String) -> String?] = [
        "baud": baud, "parity": oneOf(["N", "E", "O"]), "data": intIn(7...8), "stop": intIn(1...2),
    ]

    static let rules: [String: Rule] = [
        "modbus-tcp": Rule(kind: .network(defaultPort: 502), keys: ["unit": intIn(0...255)], defaults: ["unit": "1"], userAllowed: false),
        "modbus-rtu": Rule(kind: .serial, keys: serialKeys.merging(["unit": intIn(1...247), "rs485": oneOf(["true", "false"])]) { a, _ in a },
                           defaults: ["unit": "1", "baud": "9600", "parity": "N"], userAllowed: false),
        "snmp": Rule(kind: .network(defaultPort: 161), keys: ["version": oneOf(["1", "2c"])], defaults: ["version": "2c"]),
        "snmpv3": Rule(kind: .network(defaultPort: 161),
                       keys: ["level": oneOf(["noAuthNoPriv", "authNoPriv", "authPriv"]),
                              "auth": oneOf(["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"]),
                              "priv": oneOf(["DES", "AES", "AES-128", "AES-192", "AES-256"]),
                              "context": { _ in nil }],
                       defaults: ["level": "authPriv", "auth": "SHA", "priv": "AES"], userRequired: true),
        "pelco-d": Rule(kind: .serial, keys: serialKeys.merging(["address": intIn(1...255)]) { a, _ in a },
                        defaults: ["baud": "2400", "address": "1"], userAllowed: false),
        "pelco-p": Rule(kind: .serial, keys: serialKeys.merging(["address": intIn(0...255)]) { a, _ in a },
                        defaults: ["baud": "4800", "address": "1"], userAllowed: false),
    ]

    static var knownSchemes: [String] { rules.keys.sorted() }

    static func parse(_ text: String) throws(EndpointError) -> Endpoint {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let sep = trimmed.range(of: "://") else {
            throw EndpointError("'\(redacted(trimmed))' is not an endpoint URL: expected SCHEME://…, schemes: \(knownSchemes.joined(separator: ", "))")
        }
        let scheme = trimmed[..<sep.lowerBound].lowercased()
        guard let rule = rules[scheme] else {
            let hint = Suggest.closest(to: scheme, in: knownSchemes).map { " (did you mean '\($0)'?)" } ?? ""
            throw EndpointError("unknown endpoint scheme '\(scheme)'\(hint); known: \(knownSchemes.joined(separator: ", "))")
        }
        guard let components = URLComponents(string: trimmed) else {
            throw EndpointError("'\(redacted(trimmed))' is not a well-formed URL")
        }
        var endpoint = Endpoint(scheme: scheme)
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let check = rule.keys[item.name] else {
                let hint = Suggest.closest(to: item.name, in: Array(rule.keys.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                throw EndpointError("\(scheme): unknown parameter '\(item.name)'\(hint); accepted: \(rule.keys.keys.sorted().joined(separator: ", "))")
            }
            let value = item.value ?? ""
            if let problem = check(value) { throw EndpointError("\(scheme): \(item.name)=\(value) \(problem)") }
            query[item.name] = value
        }
        endpoint.query = rule.defaults.merging(query) { _, given in given }

        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }
        if components.percentEncodedPassword != nil {
            throw EndpointError("\(scheme): passwords do not belong in URLs; use the credentials file or CHECKUP_SNMP_* variables")
        }
        if let user, !user.isEmpty {
            guard rule.userAllowed else { throw EndpointError("\(scheme): a user name has no meaning here") }
            if scheme == "snmp" { endpoint.community = Secret(user) } else { endpoint.user = user }
        } else if rule.userRequired {
            throw EndpointError("\(scheme): the security name is required, as \(scheme)://USER@HOST")
        }

        switch rule.kind {
        case .network(let defaultPort):
            guard let host = components.host, !host.isEmpty else {
                throw EndpointError("\(scheme): a host is required, as \(scheme)://HOST[:PORT]")
            }
            if !components.path.isEmpty && components.path != "/" {
                throw EndpointError("\(scheme): unexpected path '\(components.path)' after the host")
            }
            // Foundation keeps an IPv6 literal's brackets in `host`; the model holds the bare
            // address, and `Endpoint.description` and the SNMP peer name add them back.
            endpoint.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            endpoint.port = components.port ?? defaultPort
            if let port = components.port, !(1...65535).contains(port) {
                throw EndpointError("\(scheme): port \(port) is outside 1…65535")
            }
        case .serial:
            if let host = components.host, !host.isEmpty {
                throw EndpointError("\(scheme): expected a device path as \(scheme):///dev/ttyUSB0 (three slashes), found host '\(host)'")
            }
            guard components.path.hasPrefix("/"), components.path.count > 1 else {
                throw EndpointError("\(scheme): a serial device path is required, as \(scheme):///dev/ttyUSB0")
            }
            endpoint.path = components.path
        }
        return endpoint
    }

    /// Hides a user-info part (a community) and the query before text goes into an error
    /// message: a malformed URL may carry anything there.
    static func redacted(_ text: String) -> String {
        var text = Substring(text)
        if let query = text.firstIndex(of: "?") { text = text[..<query] + "?…" }
        guard let sep = text.range(of: "://"), let at = text[sep.upperBound...].firstIndex(of: "@") else { return String(text) }
        return text[..<sep.upperBound] + "***" + text[at...]
    }
}
