#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CheckupCore

/// A loopback TCP or UDP port nobody is bound to right now (the kernel picks it: bind to port 0).
/// The one free-port finder of the package: simulators, snmpd fixtures and tests use it.
package enum FreePort: Sendable {
    /// A free TCP port on 127.0.0.1.
    package static func tcp() throws(SimulatorError) -> Int { try unique(udp: false) }

    /// A free UDP port on 127.0.0.1.
    package static func udp() throws(SimulatorError) -> Int { try unique(udp: true) }

    /// Ports already handed out by this process. The kernel may pick a port again once it is
    /// closed, and tests start agents in parallel: two snmpd given one port made the second
    /// test read the first one's fixture (a healthy camera read as another variant).
    private static let handedOut = Locked<Set<Int>>([])

    private static func unique(udp: Bool) throws(SimulatorError) -> Int {
        for _ in 0..<64 {
            let port = try pick(udp: udp)
            if handedOut.withLock({ $0.insert(port).inserted }) { return port }
        }
        throw SimulatorError("no fresh \(udp ? "UDP" : "TCP") port on 127.0.0.1 after 64 tries")
    }

    private static func pick(udp: Bool) throws(SimulatorError) -> Int {
        let kind = udp ? "UDP" : "TCP"
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SimulatorError("cannot open a \(kind) socket to pick a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw SimulatorError("cannot bind a \(kind) socket on 127.0.0.1 to pick a free port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw SimulatorError("cannot read back the picked \(kind) port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
