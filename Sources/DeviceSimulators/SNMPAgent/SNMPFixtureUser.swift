package import SNMPProbe

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
        let authName: String
        switch auth {
        case .md5: authName = "MD5"
        case .sha: authName = "SHA"
        case .sha224: authName = "SHA-224"
        case .sha256: authName = "SHA-256"
        case .sha384: authName = "SHA-384"
        case .sha512: authName = "SHA-512"
        }
        let privName: String
        switch priv {
        case .des: privName = "DES"
        case .aes: privName = "AES"
        case .aes192: privName = "AES192"
        case .aes256: privName = "AES256"
        }
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
