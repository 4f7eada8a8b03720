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
                let key = if let given = keys?.auth { given } else {
                    try localisableKey(proto, protoLength, passphrase, what: "auth", user: security.user)
                }
                session.securityAuthKeyLen = copy(key, into: &session.securityAuthKey, capacity: USM_AUTH_KU_LEN)

                if security.level == .authPriv {
                    guard let privPassphrase = secrets.privPassphrase, !privPassphrase.isEmpty else {
                        throw .configuration("SNMPv3 user \(security.user) at authPriv needs a privacy passphrase (credentials file or CHECKUP_SNMP_PRIV_PASS)")
                    }
                    let (privProto, privLength) = try privProtocol(security.priv)
                    session.securityPrivProto = privProto
                    session.securityPrivProtoLen = privLength
                    // The privacy key is derived with the *auth* hash (RFC 3414 / net-snmp).
                    let privKey = if let given = keys?.priv { given } else {
                        try localisableKey(proto, protoLength, privPassphrase, what: "privacy", user: security.user)
                    }
                    session.securityPrivKeyLen = copy(privKey, into: &session.securityPrivKey, capacity: USM_PRIV_KU_LEN)
                }
            }
            return try openHandle(&session, configuration)
        }
    }

    /// Copies a key into one of the session's fixed-size key fields; returns the length to set.
    private static func copy<Field>(_ key: [UInt8], into field: inout Field, capacity: some BinaryInteger) -> Int {
        withUnsafeMutableBytes(of: &field) { buffer in buffer.copyBytes(from: key.prefix(buffer.count)) }
        return min(key.count, Int(capacity))
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
        let lookup: (inout Int) -> UnsafeMutablePointer<CNetSNMP.oid>? = switch proto {
        case .md5: { CNetSNMP_authMD5(&$0) }
        case .sha: { CNetSNMP_authSHA1(&$0) }
        case .sha224: { CNetSNMP_authSHA224(&$0) }
        case .sha256: { CNetSNMP_authSHA256(&$0) }
        case .sha384: { CNetSNMP_authSHA384(&$0) }
        case .sha512: { CNetSNMP_authSHA512(&$0) }
        }
        return try protocolOID(lookup, "auth protocol \(proto.rawValue)")
    }

    private static func privProtocol(_ proto: SNMPv3Security.PrivProtocol) throws(SNMPError) -> (UnsafeMutablePointer<CNetSNMP.oid>, Int) {
        let lookup: (inout Int) -> UnsafeMutablePointer<CNetSNMP.oid>? = switch proto {
        case .des: { CNetSNMP_privDES(&$0) }
        case .aes: { CNetSNMP_privAES(&$0) }
        case .aes192: { CNetSNMP_privAES192(&$0) }
        case .aes256: { CNetSNMP_privAES256(&$0) }
        }
        return try protocolOID(lookup, "privacy protocol \(proto.rawValue)")
    }

    /// net-snmp's OID of a protocol, or an error when this build of the library lacks it.
    private static func protocolOID(_ lookup: (inout Int) -> UnsafeMutablePointer<CNetSNMP.oid>?,
                                    _ name: String) throws(SNMPError) -> (UnsafeMutablePointer<CNetSNMP.oid>, Int) {
        var length = 0
        guard let pointer = lookup(&length), length > 0 else {
            throw .configuration("\(name) is not supported by this net-snmp build")
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
