import CheckupCore

/// Why an SNMP exchange failed. Messages name the agent and the request, never a secret.
package enum SNMPError: UserFacingError, Sendable, CustomStringConvertible, Equatable {
    /// No reply within timeout × (retries + 1): a dead host, a wrong port, or (v1/v2c) a wrong
    /// community, which agents drop silently.
    case timeout(peer: String, request: String, waitedMilliseconds: Int)
    /// An ICMP error came back instead of a reply: nothing listens on the port, or the network
    /// has no way to the host. Said at once, not after every retry.
    case refused(peer: String, request: String, hostUnreachable: Bool)
    /// The v3 agent rejected our credentials (wrong passphrase, auth or privacy protocol).
    case authenticationFailure(peer: String, user: String, detail: String)
    /// The v3 user is unknown to the agent.
    case unknownUser(peer: String, user: String)
    /// The session could not be set up (bad host name, missing passphrase, unsupported protocol).
    case configuration(String)
    /// The agent answered with an error status (genErr, tooBig, authorizationError…).
    case agentError(peer: String, request: String, status: String, index: Int)
    /// Anything else the library reported.
    case library(peer: String, request: String, message: String)
    /// A reply arrived but is not a usable answer (not BER, another request id, a value of an
    /// impossible size…): net-snmp dropped it, our diagnostic request saw it.
    case malformedReply(peer: String, request: String, detail: String)

    /// True when the device should be reported as unreachable rather than as a bad answer.
    package var meansUnreachable: Bool {
        switch self {
        case .timeout, .refused, .authenticationFailure, .unknownUser, .configuration, .library: return true
        case .agentError, .malformedReply: return false
        }
    }

    package var description: String {
        switch self {
        case let .timeout(peer, request, ms):
            return EvidencePhrase.snmpTimeout.text("\(peer)", "\(request)", "\(ms)")
        case let .refused(peer, request, hostUnreachable):
            return (hostUnreachable ? EvidencePhrase.snmpHostUnreachable : .snmpPortUnreachable).text(peer, request)
        case let .authenticationFailure(peer, user, detail):
            return "SNMPv3 authentication failure at \(peer) for user \(user): \(detail) (check the passphrases and the auth/priv protocols)"
        case let .unknownUser(peer, user):
            return "SNMPv3 user \(user) is unknown to \(peer)"
        case let .configuration(message):
            return message
        case let .agentError(peer, request, status, index):
            return "\(peer) answered \(request) with \(status)\(index > 0 ? " at varbind \(index)" : "")"
        case let .library(peer, request, message):
            return "\(request) to \(peer) failed: \(message)"
        case let .malformedReply(peer, request, detail):
            return "\(peer) answered \(request), but not usably: \(detail) (a fault of the device or of something between; not a timeout)"
        }
    }
}

extension SNMPError {
    /// Classifies a net-snmp library error code (`SNMPERR_*`) and its text.
    static func fromLibrary(code: Int32, text: String, configuration: SNMPSessionConfiguration,
                            peer: String, request: String) -> SNMPError {
        let user = configuration.security?.user ?? ""
        switch code {
        case -35, -46:   // SNMPERR_AUTHENTICATION_FAILURE, SNMPERR_USM_AUTHENTICATIONFAILURE
            return .authenticationFailure(peer: peer, user: user, detail: "wrong auth passphrase or protocol (\(text))")
        case -37, -50:   // SNMPERR_DECRYPTION_ERR, SNMPERR_USM_DECRYPTIONERROR
            return .authenticationFailure(peer: peer, user: user,
                                          detail: "the agent could not decrypt the request (wrong privacy passphrase or protocol)")
        case -33, -43:   // SNMPERR_UNKNOWN_USER_NAME, SNMPERR_USM_UNKNOWNSECURITYNAME
            return .unknownUser(peer: peer, user: user)
        case -24:        // SNMPERR_TIMEOUT (also raised by v3 engine discovery)
            return .timeout(peer: peer, request: request, waitedMilliseconds: configuration.totalWaitMilliseconds)
        default:
            return .library(peer: peer, request: request, message: text)
        }
    }

    /// RFC 3416 error-status names.
    static func statusName(_ status: Int) -> String {
        let names = ["noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
                     "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation",
                     "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
                     "authorizationError", "notWritable", "inconsistentName"]
        return status >= 0 && status < names.count ? names[status] : "error status \(status)"
    }
}
