import CheckupCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The line protocol's peer: answers `GET key` from a table, on 127.0.0.1 at a free port, and
/// counts the requests it saw (so a test can prove nothing was asked).
public final class LineSimulator: Sendable {
    public let port: Int
    private let listener: Int32
    private let values: [String: String]
    private let seen = Locked(0)
    private let stopped = Locked(false)
    private let done = DispatchSemaphore(value: 0)

    public var requests: Int { seen.withLock { $0 } }

    public init(values: [String: String]) throws {
        self.values = values
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else { throw LineConnection.Failure(message: "cannot listen: \(String(cString: strerror(errno)))") }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    /// Stops serving and waits for the thread.
    public func stop() {
        guard stopped.withLock({ let was = $0; $0 = true; return !was }) else { return }
        done.wait()
        close(listener)
    }

    private func serve() {
        defer { done.signal() }
        while !stopped.withLock({ $0 }) {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            answer(client)
            close(client)
        }
    }

    private func answer(_ client: Int32) {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(client, &byte, 1) == 1 {
            guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
            seen.withLock { $0 += 1 }
            let request = String(decoding: line, as: UTF8.self)
            line = []
            let key = request.hasPrefix("GET ") ? String(request.dropFirst(4)) : ""
            let reply = values[key].map { "VALUE \($0)\n" } ?? "NONE\n"
            _ = reply.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
        }
    }
}
