public import CheckupCore

/// Builds a session configuration from an endpoint URL and the run's context.
///
/// `snmp://[COMMUNITY@]HOST[:PORT]?version=1|2c`: the community comes from
/// `context.credentials.community` (which the core fills from the URL, the credentials file or
/// `CHECKUP_SNMP_COMMUNITY`), then the URL, then `public`.
/// `snmpv3://USER@HOST[:PORT]?level=…&auth=…&priv=…&context=…`: passphrases from
/// `context.credentials.authPassphrase` / `privPassphrase`.
public enum SNMPEndpointConfiguration: Sendable {
    public static func make(_ endpoint: Endpoint, context: ProbeContext) throws(SNMPError) -> SNMPSessionConfiguration {
        guard let host = endpoint.host, !host.isEmpty else {
            throw .configuration("\(endpoint): a host is required")
        }
        let port = endpoint.port ?? 161
        var configuration = SNMPSessionConfiguration(host: host, port: port, timeout: context.timeout,
                                                     retries: max(0, context.retries))
        switch endpoint.scheme {
        case "snmp":
            switch endpoint.query["version"] ?? "2c" {
            case "1": configuration.version = .v1
            case "2c", "2": configuration.version = .v2c
            case let other: throw .configuration("\(endpoint): version=\(other) is not 1 or 2c (use snmpv3:// for v3)")
            }
            configuration.community = context.credentials.community ?? endpoint.community ?? Secret("public")
        case "snmpv3":
            guard let user = endpoint.user, !user.isEmpty else {
                throw .configuration("\(endpoint): SNMPv3 needs a user, as snmpv3://USER@HOST")
            }
            let levelName = endpoint.query["level"] ?? "authPriv"
            guard let level = SNMPv3Security.Level.allCases.first(where: { $0.rawValue.lowercased() == levelName.lowercased() }) else {
                throw .configuration("\(endpoint): level=\(levelName) is not noAuthNoPriv, authNoPriv or authPriv")
            }
            let authName = endpoint.query["auth"] ?? "SHA"
            guard let auth = SNMPv3Security.AuthProtocol(name: authName) else {
                throw .configuration("\(endpoint): auth=\(authName) is not one of MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512")
            }
            let privName = endpoint.query["priv"] ?? "AES"
            guard let priv = SNMPv3Security.PrivProtocol(name: privName) else {
                throw .configuration("\(endpoint): priv=\(privName) is not one of DES, AES, AES-192, AES-256")
            }
            configuration.version = .v3
            configuration.security = SNMPv3Security(user: user, level: level, auth: auth, priv: priv,
                                                    authPassphrase: context.credentials.authPassphrase,
                                                    privPassphrase: context.credentials.privPassphrase,
                                                    context: endpoint.query["context"])
        default:
            throw .configuration("the SNMP probe does not handle \(endpoint.scheme):// endpoints")
        }
        return configuration
    }
}
