import CNetSNMP
import CheckupCore

/// The kinds of read request the session sends (no SET: checkup is read-only).
enum SNMPRequestKind: Sendable {
    case get, getNext
    case getBulk(nonRepeaters: Int, maxRepetitions: Int)

    var name: String {
        switch self {
        case .get: return "GET"
        case .getNext: return "GETNEXT"
        case .getBulk: return "GETBULK"
        }
    }
}

/// One PDU out, one response in, through `snmp_sess_synch_response`. The caller serialises
/// calls per handle; different handles may run on different threads at once.
enum SNMPRequestExchange {
    static func perform(_ handle: UnsafeMutableRawPointer, _ kind: SNMPRequestKind, _ oids: [SNMPObjectID],
                        _ configuration: SNMPSessionConfiguration, sentRequestID: inout Int) -> Result<[SNMPVarBind], SNMPError> {
        let peer = configuration.hostPort
        let requestLabel = oids.count == 1 ? "\(kind.name) \(oids[0])" : EvidencePhrase.snmpRequest.text(kind.name, "\(oids.count)")
        let type: Int32
        switch kind {
        case .get: type = CNetSNMP_MSG_GET()
        case .getNext: type = CNetSNMP_MSG_GETNEXT()
        case .getBulk: type = CNetSNMP_MSG_GETBULK()
        }
        guard let pdu = snmp_pdu_create(type) else {
            return .failure(.library(peer: peer, request: requestLabel, message: "could not create a PDU"))
        }
        if case .getBulk(let nonRepeaters, let maxRepetitions) = kind {
            pdu.pointee.errstat = nonRepeaters      // non_repeaters is a macro alias of errstat
            pdu.pointee.errindex = maxRepetitions   // max_repetitions aliases errindex
        }
        for object in oids {
            var arcs = object.arcs.map { CNetSNMP.oid($0) }
            _ = snmp_add_null_var(pdu, &arcs, arcs.count)
        }
        var response: UnsafeMutablePointer<netsnmp_pdu>? = nil
        sentRequestID = Int(pdu.pointee.reqid)   // set by snmp_pdu_create; every retry reuses it
        let status = snmp_sess_synch_response(handle, pdu, &response)   // consumes `pdu`
        defer { if let response { snmp_free_pdu(response) } }

        if status == STAT_TIMEOUT {
            return .failure(.timeout(peer: peer, request: requestLabel, waitedMilliseconds: configuration.totalWaitMilliseconds))
        }
        if status != STAT_SUCCESS {
            return .failure(libraryError(handle, configuration, peer: peer, request: requestLabel))
        }
        guard let response else {
            return .failure(.library(peer: peer, request: requestLabel, message: "no response PDU"))
        }
        let errstat = response.pointee.errstat
        if errstat != 0 {
            return .failure(.agentError(peer: peer, request: requestLabel, status: SNMPError.statusName(errstat),
                                        index: response.pointee.errindex))
        }
        var binds: [SNMPVarBind] = []
        var cursor = response.pointee.variables
        while let variable = cursor {
            binds.append(SNMPVarBindDecoder.decode(variable))
            cursor = variable.pointee.next_variable
        }
        return .success(binds)
    }

    /// Turns the session's last library error into an `SNMPError`.
    private static func libraryError(_ handle: UnsafeMutableRawPointer, _ configuration: SNMPSessionConfiguration,
                                     peer: String, request: String) -> SNMPError {
        var libError: Int32 = 0
        var sysError: Int32 = 0
        var message: UnsafeMutablePointer<CChar>? = nil
        snmp_sess_error(handle, &sysError, &libError, &message)
        let text = message.map { String(cString: $0) } ?? "unknown error"
        CNetSNMP_free(message)
        return SNMPError.fromLibrary(code: libError, text: text, configuration: configuration, peer: peer, request: request)
    }
}
