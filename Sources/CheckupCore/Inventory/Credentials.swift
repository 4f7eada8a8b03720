public import Foundation

/// A secret string. Printing, interpolating or encoding it yields `***`; `reveal()` is the
/// only way out, and only probes call it, to hand the value to a protocol library.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, Encodable {
    private let value: String
    public init(_ value: String) { self.value = value }
    public func reveal() -> String { value }
    public var description: String { "***" }
    public var debugDescription: String { "***" }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode("***")
    }
}

/// The secrets of one device. Sources, in order: the credentials file entry the inventory
/// names, the endpoint URL (an SNMP community), then environment variables
/// `CHECKUP_SNMP_COMMUNITY`, `CHECKUP_SNMP_AUTH_PASS`, `CHECKUP_SNMP_PRIV_PASS`.
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
    public var community: Secret?
    public var authPassphrase: Secret?
    public var privPassphrase: Secret?
    /// A record store's password (an entry named by the office store, docs/store.md).
    public var password: Secret?

    public init(community: Secret? = nil, authPassphrase: Secret? = nil, privPassphrase: Secret? = nil,
                password: Secret? = nil) {
        self.community = community
        self.authPassphrase = authPassphrase
        self.privPassphrase = privPassphrase
        self.password = password
    }

    /// Fills what is missing from `other`.
    public func filling(from other: Credentials) -> Credentials {
        Credentials(community: community ?? other.community,
                    authPassphrase: authPassphrase ?? other.authPassphrase,
                    privPassphrase: privPassphrase ?? other.privPassphrase, password: password ?? other.password)
    }

    /// Credentials from the environment (`CHECKUP_SNMP_*`).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Credentials {
        Credentials(community: env["CHECKUP_SNMP_COMMUNITY"].map(Secret.init),
                    authPassphrase: env["CHECKUP_SNMP_AUTH_PASS"].map(Secret.init),
                    privPassphrase: env["CHECKUP_SNMP_PRIV_PASS"].map(Secret.init))
    }

    /// Every secret value, so outputs can be scrubbed as a last line of defence.
    public var secretValues: [String] {
        [community, authPassphrase, privPassphrase, password].compactMap { $0?.reveal() }.filter { !$0.isEmpty }
    }

    public var description: String {
        "Credentials(community: \(community == nil ? "none" : "***"), auth: \(authPassphrase == nil ? "none" : "***"), priv: \(privPassphrase == nil ? "none" : "***"), password: \(password == nil ? "none" : "***"))"
    }
}
