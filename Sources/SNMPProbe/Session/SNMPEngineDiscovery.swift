#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SNMPv3 engine ID discovery (RFC 3414 §4), done here rather than by net-snmp.
///
/// net-snmp discovers lazily, on a session's first request, and then adds the user to its one
/// global USM list, which has no lock in Debian's (non-reentrant) build: two devices answering
/// at the same moment on two threads could corrupt it. Discovering first, with a plain UDP
/// exchange that touches no net-snmp state, lets the session open with the engine ID known,
/// so net-snmp creates the user inside `snmp_sess_open`, which `SNMPSession` serialises. A dead
/// device costs timeout × attempts here, in parallel with the others.
enum SNMPEngineDiscovery {
    /// The agent's authoritative engine ID.
    static func discover(host: String, port: Int, timeoutMilliseconds: Int, attempts: Int) throws(SNMPError) -> [UInt8] {
        let peer = "\(host):\(port)"
        let label = "SNMPv3 engine discovery"
        guard let fd = connectedSocket(host: host, port: port) else {
            throw .library(peer: peer, request: label, message: "cannot resolve or reach \(host)")
        }
        defer { close(fd) }
        for attempt in 0..<max(1, attempts) {
            let messageID = Int.random(in: 1...0x7FFF_FFFF)
            let request = probe(messageID: messageID, requestID: messageID ^ attempt)
            _ = request.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
            var deadline = timeoutMilliseconds
            while deadline > 0 {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let started = monotonicMilliseconds()
                let ready = poll(&poller, 1, Int32(deadline))
                deadline -= max(1, monotonicMilliseconds() - started)
                guard ready > 0 else { break }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { continue }   // ICMP port unreachable surfaces as an error: keep waiting
                if let engineID = engineID(in: Array(buffer.prefix(count)), messageID: messageID), !engineID.isEmpty {
                    return engineID
                }
            }
        }
        throw .timeout(peer: peer, request: label, waitedMilliseconds: timeoutMilliseconds * max(1, attempts))
    }

    // MARK: BER

    /// GET with no varbinds, noAuthNoPriv, reportable, empty engine ID and user: the agent
    /// answers with a Report (usmStatsUnknownEngineIDs) carrying its engine ID.
    static func probe(messageID: Int, requestID: Int) -> [UInt8] {
        let header = sequence(integer(messageID) + integer(65507) + octets([0x04]) + integer(3))
        let security = octets(sequence(octets([]) + integer(0) + integer(0) + octets([]) + octets([]) + octets([])))
        let pdu = tlv(0xA0, integer(requestID) + integer(0) + integer(0) + sequence([]))
        let scoped = sequence(octets([]) + octets([]) + pdu)
        return sequence(integer(3) + header + security + scoped)
    }

    /// The msgAuthoritativeEngineID of a reply to `messageID`, or nil for anything else.
    static func engineID(in message: [UInt8], messageID: Int) -> [UInt8]? {
        var outer = BERReader(message)
        guard let top = outer.next(), top.tag == 0x30 else { return nil }
        var fields = BERReader(top.value)
        guard let version = fields.next(), version.tag == 0x02, integerValue(version.value) == 3,
              let header = fields.next(), header.tag == 0x30,
              let securityParameters = fields.next(), securityParameters.tag == 0x04 else { return nil }
        var headerFields = BERReader(header.value)
        guard let id = headerFields.next(), id.tag == 0x02, integerValue(id.value) == messageID else { return nil }
        var inner = BERReader(securityParameters.value)
        guard let usm = inner.next(), usm.tag == 0x30 else { return nil }
        var usmFields = BERReader(usm.value)
        guard let engine = usmFields.next(), engine.tag == 0x04 else { return nil }
        return engine.value
    }

    static func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        var length: [UInt8]
        if value.count < 0x80 {
            length = [UInt8(value.count)]
        } else {
            var n = value.count
            var bytes: [UInt8] = []
            while n > 0 { bytes.insert(UInt8(n & 0xFF), at: 0); n >>= 8 }
            length = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + length + value
    }

    static func sequence(_ value: [UInt8]) -> [UInt8] { tlv(0x30, value) }
    static func octets(_ value: [UInt8]) -> [UInt8] { tlv(0x04, value) }

    /// A non-negative INTEGER in the fewest bytes (a leading 0 keeps the sign bit clear).
    static func integer(_ value: Int) -> [UInt8] {
        var n = UInt64(max(0, value))
        var bytes: [UInt8] = []
        repeat { bytes.insert(UInt8(n & 0xFF), at: 0); n >>= 8 } while n > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return tlv(0x02, bytes)
    }

    static func integerValue(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var n = bytes[0] & 0x80 != 0 ? -1 : 0
        for b in bytes { n = (n << 8) | Int(b) }
        return n
    }

    // MARK: Socket

    static func connectedSocket(host: String, port: Int) -> Int32? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        #else
        hints.ai_socktype = SOCK_DGRAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else { return nil }
        defer { freeaddrinfo(result) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                close(fd)
            }
            cursor = info.pointee.ai_next
        }
        return nil
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}

/// Walks the TLVs of one BER level (definite lengths only, which SNMP always uses).
struct BERReader {
    private let bytes: [UInt8]
    private var offset = 0
    /// Bytes read so far: less than the input's count when something follows the last TLV.
    var consumed: Int { offset }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> (tag: UInt8, value: [UInt8])? {
        guard offset + 2 <= bytes.count else { return nil }
        let tag = bytes[offset]
        var length = Int(bytes[offset + 1])
        var start = offset + 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count > 0, count <= 4, start + count <= bytes.count else { return nil }
            length = bytes[start..<start + count].reduce(0) { $0 << 8 | Int($1) }
            start += count
        }
        guard length >= 0, start + length <= bytes.count else { return nil }
        offset = start + length
        return (tag, Array(bytes[start..<start + length]))
    }
}
