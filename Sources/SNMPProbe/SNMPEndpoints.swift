package import CheckupCore

/// The SNMP URL schemes, the one place their keys and defaults are decided; the v3 names are
/// the ones `SNMPv3Security` accepts.
package enum SNMPEndpoints: Sendable {
    package static let v1v2c = EndpointScheme("snmp", .network(defaultPort: 161),
                                             keys: ["version": .oneOf(["1", "2c"])], defaults: ["version": "2c"],
                                             user: .secret, usage: "snmp://[COMMUNITY@]HOST[:PORT]?version=2c")
    package static let v3 = EndpointScheme("snmpv3", .network(defaultPort: 161),
                                          keys: ["level": .oneOf(SNMPv3Security.Level.allCases.map(\.rawValue)),
                                                 "auth": named(SNMPv3Security.AuthProtocol.allCases.map(\.rawValue)) { SNMPv3Security.AuthProtocol(name: $0) != nil },
                                                 "priv": named(SNMPv3Security.PrivProtocol.allCases.map(\.rawValue)) { SNMPv3Security.PrivProtocol(name: $0) != nil },
                                                 "context": .text],
                                          defaults: ["level": "authPriv", "auth": "SHA", "priv": "AES"],
                                          user: .name(required: true), usage: "snmpv3://USER@HOST[:PORT]?level=authPriv&auth=SHA&priv=AES")

    /// A key whose values are the names a library type accepts (spellings such as `sha256` included).
    static func named(_ names: [String], accepts: @escaping @Sendable (String) -> Bool) -> EndpointScheme.Key {
        EndpointScheme.Key { accepts($0) ? nil : "must be one of \(names.joined(separator: ", "))" }
    }
}
