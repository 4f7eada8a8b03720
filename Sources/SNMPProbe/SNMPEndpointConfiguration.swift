package import CheckupCore

/// Builds a session configuration from an endpoint and the run's context, by `SNMPEndpoints`'
/// rules (the ones the inventory was parsed by; an endpoint built in code is held to them too).
///
/// `snmp://`: the community comes from `context.credentials.community` (which the core fills
/// from the URL, the credentials file or `CHECKUP_SNMP_COMMUNITY`), then the URL, then `public`.
/// `snmpv3://`: passphrases from `context.credentials.authPassphrase` / `privPassphrase`.
package enum SNMPEndpointConfiguration: Sendable {
    package static func make(_ given: Endpoint, context: ProbeContext) throws(SNMPError) -> SNMPSessionConfiguration {
        let endpoint: Endpoint
        do { endpoint = try SNMPProbe.checked(given) } catch {
            throw .configuration("\(given): \(error.message)")
        }
        var configuration = SNMPSessionConfiguration(host: endpoint.host ?? "", port: endpoint.port ?? 161, timeout: context.timeout,
                                                     retries: max(0, context.retries))
        // The rules above checked every key and filled in the defaults: these lookups cannot miss.
        guard endpoint.scheme == SNMPEndpoints.v3.name else {
            configuration.version = endpoint.query["version"] == "1" ? .v1 : .v2c
            configuration.community = context.credentials.community ?? endpoint.community ?? Secret("public")
            return configuration
        }
        guard let user = endpoint.user, !user.isEmpty else {
            throw .configuration("\(endpoint): the security name is required, as \(SNMPEndpoints.v3.usage)")
        }
        let level = SNMPv3Security.Level.allCases.first { $0.rawValue.lowercased() == endpoint.query["level"]?.lowercased() } ?? .authPriv
        configuration.version = .v3
        configuration.security = SNMPv3Security(user: user, level: level,
                                                auth: endpoint.query["auth"].flatMap(SNMPv3Security.AuthProtocol.init(name:)) ?? .sha,
                                                priv: endpoint.query["priv"].flatMap(SNMPv3Security.PrivProtocol.init(name:)) ?? .aes,
                                                authPassphrase: context.credentials.authPassphrase,
                                                privPassphrase: context.credentials.privPassphrase,
                                                context: endpoint.query["context"])
        return configuration
    }
}
