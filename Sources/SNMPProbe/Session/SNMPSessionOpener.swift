import CNetSNMP

/// Fills net-snmp's session struct from a configuration and opens it.
///
/// Passphrases become localisable keys here (`generate_Ku`) and nowhere else. Keys are
/// generated into temporaries and then copied into the struct's fixed arrays: passing
/// `&s.securityAuthKey` and `&s.securityAuthKeyLen` to one call is an exclusivity violation.
enum SNMPSessionOpener {
    /// `secrets` are the revealed community / passphrases: they go into the C struct and nowhere else.
    /// `keys` are the Ku derived beforehand (`deriveKey`), outside any lock; without them the
    /// keys are derived here.
    static func open(_ configuration: SNMPSessionConfiguration, secrets: SNMPRevealedSecrets,
                     keys: SNMPDerivedKeys? = nil) throws(SNMPError) -> UnsafeMutableRawPointer {
        var session = netsnmp_session()
        snmp_sess_init(&session)
        session.timeout = configuration.timeoutMicroseconds
        // v1/v2c: the last attempt is `SNMPReplyDiagnosis`'s own request, which can see a
        // reply net-snmp would drop; v3 replies cannot be checked without USM, so net-snmp keeps all.
        session.retries = Int32(configuration.version == .v3 ? configuration.boundedRetries : max(0, configuration.boundedRetries - 1))

        // Everything the C strings point to lives until snmp_sess_open has copied it.
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { CNetSNMP_free($0) } }
        func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
            let pointer = strdup(text)!
            owned.append(pointer)
            return pointer
        }
        session.peername = cString(configuration.peerName)

        switch configuration.version {
        case .v1, .v2c:
            session.version = configuration.version == .v1 ? Int(SNMP_VERSION_1) : Int(SNMP_VERSION_2c)
            let community = secrets.community
            let pointer = cString(community)
            session.community = UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            session.community_len = community.utf8.count
            return try openHandle(&session, configuration)
        case .v3:
            guard let security = configuration.security else {
                throw .configuration("SNMPv3 needs a user (snmpv3://USER@HOST)")
            }
            session.version = Int(SNMP_VERSION_3)
            session.securityName = cString(security.user)
            session.securityNameLen = security.user.utf8.count
            var engineCopy: UnsafeMutablePointer<UInt8>?
            if let engineID = security.engineID, !engineID.isEmpty {
                let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: engineID.count)
                pointer.initialize(from: engineID, count: engineID.count)
                engineCopy = pointer
                session.securityEngineID = pointer
                session.securityEngineIDLen = engineID.count
            }
            defer { engineCopy?.deallocate() }
            if let context = security.context {
                session.contextName = cString(context)
                session.contextNameLen = context.utf8.count
            }
            switch security.level {
            case .noAuthNoPriv: session.securityLevel = Int32(SNMP_SEC_LEVEL_NOAUTH)
            case .authNoPriv: session.securityLevel = Int32(SNMP_SEC_LEVEL_AUTHNOPRIV)
            case .authPriv: session.securityLevel = Int32(SNMP_SEC_LEVEL_AUTHPRIV)
            }
            if security.level != .noAuthNoPriv {
                guard let passphrase = secrets.authPassphrase, !passphrase.isEmpty else {
                    throw .configuration("SNMPv3 user \(security.user) at \(security.level.rawValue) needs an auth passphrase (credentials file or CHECKUP_SNMP_AUTH_PASS)")
                }
                let (proto, protoLength) = try authProtocol(security.auth)
                session.securityAuthProto = proto
                session.securityAuthProtoLen = protoLength
                let key: [UInt8]
                if let given = keys?.auth { key = given } else {
                    key = try localisableKey(proto, protoLength, passphrase, what: "auth", user: security.user)
                }
                withUnsafeMutableBytes(of: &session.securityAuthKey) { buffer in
                    buffer.copyBytes(from: key.prefix(buffer.count))
                }
                session.securityAuthKeyLen = min(key.count, Int(USM_AUTH_KU_LEN))

                if security.level == .authPriv {
                    guard let privPassphrase = secrets.privPassphrase, !privPassphrase.isEmpty else {
                        throw .configuration("SNMPv3 user \(security.user) at authPriv needs a privacy passphrase (credentials file or CHECKUP_SNMP_PRIV_PASS)")
                    }
                    let (privProto, privLength) = try privProtocol(security.priv)
                    session.securityPrivProto = privProto
                    session.securityPrivProtoLen = privLength
                    // The privacy key is derived with the *auth* hash (RFC 3414 / net-snmp).
                    let privKey: [UInt8]
                    if let given = keys?.priv { privKey = given } else {
                        privKey = try localisableKey(proto, protoLength, privPassphrase, what: "privacy", user: security.user)
                    }
                    withUnsafeMutableBytes(of: &session.securityPrivKey) { buffer in
                        buffer.copyBytes(from: privKey.prefix(buffer.count))
                    }
                    session.securityPrivKeyLen = min(privKey.count, Int(USM_PRIV_KU_LEN))
                }
            }
            return try openHandle(&session, configuration)
        }
    }

    private static func openHandle(_ session: inout netsnmp_session,
                                   _ configuration: SNMPSessionConfiguration) throws(SNMPError) -> UnsafeMutableRawPointer {
        if let handle = snmp_sess_open(&session) { return handle }
        var libError: Int32 = 0
        var sysError: Int32 = 0
        var message: UnsafeMutablePointer<CChar>? = nil
        snmp_error(&session, &sysError, &libError, &message)
        let text = message.map { String(cString: $0) } ?? "unknown error"
        CNetSNMP_free(message)
        let peer = "\(configuration.host):\(configuration.port)"
        throw SNMPError.fromLibrary(code: libError, text: text, configuration: configuration,
                                    peer: peer, request: "session open")
    }

    private static func authProtocol(_ proto: SNMPv3Security.AuthProtocol) throws(SNMPError) -> (UnsafeMutablePointer<CNetSNMP.oid>, Int) {
        var length = 0
        let pointer: UnsafeMutablePointer<CNetSNMP.oid>?
        switch proto {
        case .md5: pointer = CNetSNMP_authMD5(&length)
        case .sha: pointer = CNetSNMP_authSHA1(&length)
        case .sha224: pointer = CNetSNMP_authSHA224(&length)
        case .sha256: pointer = CNetSNMP_authSHA256(&length)
        case .sha384: pointer = CNetSNMP_authSHA384(&length)
        case .sha512: pointer = CNetSNMP_authSHA512(&length)
        }
        guard let pointer, length > 0 else {
            throw .configuration("auth protocol \(proto.rawValue) is not supported by this net-snmp build")
        }
        return (pointer, length)
    }

    private static func privProtocol(_ proto: SNMPv3Security.PrivProtocol) throws(SNMPError) -> (UnsafeMutablePointer<CNetSNMP.oid>, Int) {
        var length = 0
        let pointer: UnsafeMutablePointer<CNetSNMP.oid>?
        switch proto {
        case .des: pointer = CNetSNMP_privDES(&length)
        case .aes: pointer = CNetSNMP_privAES(&length)
        case .aes192: pointer = CNetSNMP_privAES192(&length)
        case .aes256: pointer = CNetSNMP_privAES256(&length)
        }
        guard let pointer, length > 0 else {
            throw .configuration("privacy protocol \(proto.rawValue) is not supported by this net-snmp build")
        }
        return (pointer, length)
    }

    /// Ku of `passphrase` with the hash of `auth` (RFC 3414 A.2: a megabyte of hashing, so
    /// callers derive it once, outside locks).
    static func deriveKey(_ auth: SNMPv3Security.AuthProtocol, _ passphrase: String, what: String,
                          user: String) throws(SNMPError) -> [UInt8] {
        let (proto, length) = try authProtocol(auth)
        return try localisableKey(proto, length, passphrase, what: what, user: user)
    }

    /// Ku from a passphrase (RFC 3414 A.2), into a temporary buffer.
    private static func localisableKey(_ proto: UnsafeMutablePointer<CNetSNMP.oid>, _ protoLength: Int,
                                       _ passphrase: String, what: String, user: String) throws(SNMPError) -> [UInt8] {
        guard passphrase.utf8.count >= 8 else {
            throw .configuration("the SNMPv3 \(what) passphrase of user \(user) is shorter than 8 characters (RFC 3414 minimum)")
        }
        var key = [UInt8](repeating: 0, count: Int(USM_AUTH_KU_LEN))
        var keyLength = key.count
        let bytes = Array(passphrase.utf8)
        let status = generate_Ku(proto, UInt32(protoLength), bytes, bytes.count, &key, &keyLength)
        guard status == SNMPERR_SUCCESS else {
            throw .configuration("could not derive the SNMPv3 \(what) key of user \(user) (net-snmp error \(status))")
        }
        return Array(key.prefix(keyLength))
    }
}
