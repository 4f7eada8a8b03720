package import CheckupCore
import Foundation

/// Everything needed to open a session to one agent. Secrets stay `Secret`s until the
/// C session struct is filled, and the struct's `description` never shows them.
package struct SNMPSessionConfiguration: Sendable, CustomStringConvertible {
    package enum Version: String, Sendable { case v1 = "1", v2c = "2c", v3 = "3" }

    package var host: String
    package var port: Int
    package var version: Version
    /// v1/v2c community.
    package var community: Secret
    /// v3 user-based security; required when `version == .v3`.
    package var security: SNMPv3Security?
    /// Reply timeout of one request (net-snmp retries on its own `retries` times).
    package var timeout: Duration
    package var retries: Int
    /// Repetitions per GETBULK while walking (v2c/v3).
    package var maxRepetitions: Int = 25
    /// Varbinds per GET PDU; larger requests are split (and halved again on tooBig).
    package var maxVarBindsPerRequest: Int = 32

    package init(host: String, port: Int = 161, version: Version = .v2c, community: Secret = Secret("public"),
                security: SNMPv3Security? = nil, timeout: Duration = .seconds(1), retries: Int = 1) {
        self.host = host
        self.port = port
        self.version = version
        self.community = community
        self.security = security
        self.timeout = timeout
        self.retries = retries
    }

    /// `udp:HOST:PORT`, with IPv6 hosts bracketed, as net-snmp's transport parser expects.
    package var peerName: String {
        host.contains(":") ? "udp6:[\(host)]:\(port)" : "udp:\(host):\(port)"
    }

    /// `HOST:PORT` for messages, `[::1]:161` for an IPv6 host.
    package var hostPort: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The per-request timeout, 1 ms…1 h: a larger one would overflow the arithmetic below and
    /// net-snmp's and poll's `int`s.
    var timeoutMicroseconds: Int {
        let c = timeout.components
        guard c.seconds >= 0 else { return 1_000 }
        guard c.seconds < 3600 else { return 3_600_000_000 }
        return max(1_000, Int(c.seconds) * 1_000_000 + Int(c.attoseconds / 1_000_000_000_000))
    }

    /// Retries, 0…100 (the run's `--retries` is trusted no more than a profile).
    var boundedRetries: Int { min(max(0, retries), 100) }

    /// What a dead agent costs: timeout × (retries + 1), in milliseconds.
    var totalWaitMilliseconds: Int { timeoutMicroseconds / 1000 * (boundedRetries + 1) }

    package var description: String {
        var s = "SNMP v\(version.rawValue) \(hostPort)"
        if let security { s += " \(security)" }
        return s
    }
}

/// SNMPv3 user-based security parameters.
package struct SNMPv3Security: Sendable, CustomStringConvertible {
    package enum Level: String, Sendable, CaseIterable {
        case noAuthNoPriv, authNoPriv, authPriv
    }
    package enum AuthProtocol: String, Sendable, CaseIterable {
        case md5 = "MD5", sha = "SHA", sha224 = "SHA-224", sha256 = "SHA-256", sha384 = "SHA-384", sha512 = "SHA-512"
        /// Accepts the URL spellings (`SHA`, `SHA-256`, `sha256`, `SHA1`).
        package init?(name: String) {
            let key = name.uppercased().replacingOccurrences(of: "-", with: "")
            switch key {
            case "MD5": self = .md5
            case "SHA", "SHA1": self = .sha
            case "SHA224": self = .sha224
            case "SHA256": self = .sha256
            case "SHA384": self = .sha384
            case "SHA512": self = .sha512
            default: return nil
            }
        }
    }
    package enum PrivProtocol: String, Sendable, CaseIterable {
        case des = "DES", aes = "AES", aes192 = "AES-192", aes256 = "AES-256"
        /// Accepts `DES`, `AES`, `AES-128`, `AES128`, `AES-192`, `AES-256`.
        package init?(name: String) {
            let key = name.uppercased().replacingOccurrences(of: "-", with: "")
            switch key {
            case "DES": self = .des
            case "AES", "AES128": self = .aes
            case "AES192": self = .aes192
            case "AES256": self = .aes256
            default: return nil
            }
        }
    }

    package var user: String
    package var level: Level
    package var auth: AuthProtocol
    package var priv: PrivProtocol
    package var authPassphrase: Secret?
    package var privPassphrase: Secret?
    package var context: String?
    /// The agent's engine ID when known (discovered before, or configured); nil lets net-snmp
    /// discover it on the first request.
    package var engineID: [UInt8]?

    package init(user: String, level: Level = .authPriv, auth: AuthProtocol = .sha, priv: PrivProtocol = .aes,
                authPassphrase: Secret? = nil, privPassphrase: Secret? = nil, context: String? = nil) {
        self.user = user
        self.level = level
        self.auth = auth
        self.priv = priv
        self.authPassphrase = authPassphrase
        self.privPassphrase = privPassphrase
        self.context = context
    }

    package var description: String {
        switch level {
        case .noAuthNoPriv: return "user \(user) noAuthNoPriv"
        case .authNoPriv: return "user \(user) authNoPriv auth \(auth.rawValue)"
        case .authPriv: return "user \(user) authPriv auth \(auth.rawValue) priv \(priv.rawValue)"
        }
    }
}

/// The secrets of a session, revealed only to be copied into net-snmp's session struct.
struct SNMPRevealedSecrets {
    var community: String
    var authPassphrase: String?
    var privPassphrase: String?

    init(_ configuration: SNMPSessionConfiguration) {
        community = configuration.community.reveal()
        authPassphrase = configuration.security?.authPassphrase?.reveal()
        privPassphrase = configuration.security?.privPassphrase?.reveal()
    }
}

extension SNMPRevealedSecrets {
    /// The v3 passphrases the level needs are there and long enough (RFC 3414: 8 characters),
    /// checked before any packet leaves.
    func check(_ configuration: SNMPSessionConfiguration) throws(SNMPError) {
        guard configuration.version == .v3, let security = configuration.security else { return }
        let user = security.user
        if security.level != .noAuthNoPriv {
            guard let auth = authPassphrase, !auth.isEmpty else {
                throw .configuration("SNMPv3 user \(user) at \(security.level.rawValue) needs an auth passphrase (credentials file or CHECKUP_SNMP_AUTH_PASS)")
            }
            guard auth.utf8.count >= 8 else {
                throw .configuration("the SNMPv3 auth passphrase of user \(user) is shorter than 8 characters (RFC 3414 minimum)")
            }
        }
        if security.level == .authPriv {
            guard let priv = privPassphrase, !priv.isEmpty else {
                throw .configuration("SNMPv3 user \(user) at authPriv needs a privacy passphrase (credentials file or CHECKUP_SNMP_PRIV_PASS)")
            }
            guard priv.utf8.count >= 8 else {
                throw .configuration("the SNMPv3 privacy passphrase of user \(user) is shorter than 8 characters (RFC 3414 minimum)")
            }
        }
    }
}

/// Localisable keys (Ku) derived from the passphrases, handed to the session opener.
struct SNMPDerivedKeys {
    var auth: [UInt8]
    var priv: [UInt8]?
}
