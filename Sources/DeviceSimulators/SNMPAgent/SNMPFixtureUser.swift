package import SNMPProbe
import Foundation

/// An SNMPv3 user the fixture agent creates (`createUser`) and grants read access (`rouser`).
package struct SNMPFixtureUser: Sendable, Hashable {
    package var name: String
    package var level: SNMPv3Security.Level
    package var auth: SNMPv3Security.AuthProtocol
    package var authPassphrase: String
    package var priv: SNMPv3Security.PrivProtocol
    package var privPassphrase: String

    package init(name: String, level: SNMPv3Security.Level = .authPriv,
                auth: SNMPv3Security.AuthProtocol = .sha, authPassphrase: String,
                priv: SNMPv3Security.PrivProtocol = .aes, privPassphrase: String) {
        self.name = name
        self.level = level
        self.auth = auth
        self.authPassphrase = authPassphrase
        self.priv = priv
        self.privPassphrase = privPassphrase
    }

    /// `createUser` line: protocol names as snmpd spells them.
    var createUserLine: String {
        // The auth names are the probe's own (`SHA-256`); snmpd writes the AES key sizes unhyphenated.
        let authName = auth.rawValue
        let privName = priv.rawValue.replacingOccurrences(of: "-", with: "")
        switch level {
        case .noAuthNoPriv: return "createUser \(name)"
        case .authNoPriv: return "createUser \(name) \(authName) \(quoted(authPassphrase))"
        case .authPriv: return "createUser \(name) \(authName) \(quoted(authPassphrase)) \(privName) \(quoted(privPassphrase))"
        }
    }

    var rouserLine: String {
        switch level {
        case .noAuthNoPriv: return "rouser \(name) noauth"
        case .authNoPriv: return "rouser \(name) auth"
        case .authPriv: return "rouser \(name) priv"
        }
    }

    private func quoted(_ s: String) -> String { "\"\(s)\"" }
}
