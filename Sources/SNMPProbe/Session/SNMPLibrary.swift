import CNetSNMP

/// net-snmp's process-wide state: started once, before any thread uses it.
///
/// `init_snmp` parses configuration and MIBs and is not thread-safe, so the first use runs it
/// under Swift's lazy-global once-guard; `MIBS` and `MIBDIRS` are emptied first (numeric OIDs only; Debian
/// ships no IETF MIB files and would print hundreds of "Cannot find module" lines).
///
/// The C-touching code is this file, `SNMPSessionOpener`, `SNMPRequestExchange` and
/// `SNMPVarBindDecoder`; everything else is plain Swift. (CNetSNMP's shim includes the system
/// headers before net-snmp's config, so it agrees with Glibc on `fd_set` and may sit next to
/// Foundation; keeping the C in few files is still what keeps the wrapper readable.)
enum SNMPLibrary {
    private static let started: Bool = {
        CNetSNMP_initialise("checkup")
        return true
    }()

    /// Starts the library if nobody has yet. Cheap after the first call.
    static func start() { _ = started }

    static func close(_ handle: UnsafeMutableRawPointer) { snmp_sess_close(handle) }

    /// The UDP socket net-snmp sends on for this session, for a late reply read between calls.
    static func socket(_ handle: UnsafeMutableRawPointer) -> Int32? {
        snmp_sess_transport(handle).map { $0.pointee.sock }
    }

    /// The engine ID a v3 session discovered, as bytes (empty for v1/v2c).
    static func engineID(_ handle: UnsafeMutableRawPointer) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = CNetSNMP_engineID(handle, &buffer, buffer.count)
        return Array(buffer.prefix(length))
    }

    static func hasUser(engineID: [UInt8], name: String) -> Bool {
        CNetSNMP_hasUser(engineID, engineID.count, name) != 0
    }

    /// Drops net-snmp's cached USM user for (engine, name); see `CNetSNMP_forgetUser`.
    static func forgetUser(engineID: [UInt8], name: String) {
        _ = CNetSNMP_forgetUser(engineID, engineID.count, name)
    }
}
