#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback TCP or UDP port nobody is bound to right now (the kernel picks it: bind to port 0).
/// The one free-port finder of the package: simulators, snmpd fixtures and tests use it.
public enum FreePort: Sendable {
    /// A free TCP port on 127.0.0.1.
    public static func tcp() throws(SimulatorError) -> Int { try pick(udp: false) }

    /// A free UDP port on 127.0.0.1.
    public static func udp() throws(SimulatorError) -> Int { try pick(udp: true) }

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
