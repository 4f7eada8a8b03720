import CNetSNMP

/// net-snmp's process-wide state: started once, before any thread uses it.
///
/// `init_snmp` parses configuration and MIBs and is not thread-safe, so the first use runs it
/// under Swift's lazy-global once-guard; `MIBS` is emptied first (numeric OIDs only; Debian
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
}
