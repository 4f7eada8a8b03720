import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One blocking TCP connection speaking lines (IPv4 literals and `localhost`); call it on a
/// `BlockingIO` thread only.
struct LineConnection {
    struct Failure: Error { var message: String }
    private let socket: Int32

    init(host: String, port: Int, timeout: Double) throws(Failure) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
            throw Failure(message: "'\(host)' is not an IPv4 address")
        }
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(message: "socket: \(String(cString: strerror(errno)))") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(socket)
            throw Failure(message: "connect: \(reason)")
        }
    }

    /// Sends one line and reads one back; nil on silence or a closed connection.
    func ask(_ line: String) -> String? {
        let bytes = Array((line + "\n").utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { return nil }
        var reply: [UInt8] = []
        var byte: UInt8 = 0
        while read(socket, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: reply, as: UTF8.self) }
            reply.append(byte)
        }
        return nil
    }

    func close() { Glibc.close(socket) }
}
