#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CheckupCore

/// After net-snmp reports a timeout (v1/v2c): one request of our own, classified.
///
/// net-snmp's synchronous API drops a reply it cannot parse, or whose request id or community
/// is not its own, and reports only "Timeout": a technician then looks for a dead host or a
/// wrong community when the agent is answering garbage. This sends the same request once
/// from a plain UDP socket (the caller is on a `BlockingIO` thread, as for every net-snmp
/// call) and says what came back. The session gives net-snmp one attempt fewer, so a dead
/// device still costs timeout × (retries + 1); and as net-snmp's own retry would, the wait
/// also takes a late reply to net-snmp's request off net-snmp's socket, so a slow agent
/// still answers.
enum SNMPReplyDiagnosis {
    enum Finding: Sendable, Equatable {
        /// Nothing came back.
        case nothing
        /// An ICMP error came back: port unreachable, or (`hostUnreachable`) no way to the host.
        case refused(hostUnreachable: Bool)
        /// A well-formed response: the varbinds, decoded here.
        case answered([SNMPVarBind])
        /// A well-formed response with an error status (status, index).
        case errorStatus(Int, Int)
        /// A reply that is not a usable response; why, in words.
        case malformed(String)
    }

    /// Sends `kind` of `oids` once and waits one timeout. `exchanges` are for the transcript:
    /// the bytes both ways in hex, the community masked.
    /// `librarySocket` and `libraryRequestID` are net-snmp's socket and the request id it sent:
    /// a late reply there counts as the answer too.
    static func run(_ configuration: SNMPSessionConfiguration, community: String, kind: SNMPRequestKind,
                    oids: [SNMPObjectID], librarySocket: Int32?, libraryRequestID: Int) -> (finding: Finding, exchanges: [Exchange]) {
        guard let fd = SNMPEngineDiscovery.connectedSocket(host: configuration.host, port: configuration.port) else {
            return (.nothing, [])
        }
        defer { close(fd) }
        let requestID = Int.random(in: 1...0x7FFF_FFFF)
        let version = configuration.version == .v1 ? 0 : 1
        let mask = Array(community.utf8)
        let request = message(version: version, community: mask, kind: kind, requestID: requestID, oids: oids)
        var exchanges = [Exchange(.sent, EvidencePhrase.diagnosticSent.text(kind.name, masked(request, mask)))]
        _ = request.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
        var sockets = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        if let librarySocket, librarySocket >= 0 { sockets.append(pollfd(fd: librarySocket, events: Int16(POLLIN), revents: 0)) }
        let wait = min(configuration.timeoutMicroseconds / 1000, Int(Int32.max))
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(wait)
        var malformed: Finding?
        waiting: while clock.now < deadline {
            let left = Int32(max(1, (deadline - clock.now).components.seconds * 1000
                                     + (deadline - clock.now).components.attoseconds / 1_000_000_000_000_000))
            for k in sockets.indices { sockets[k].revents = 0 }
            var ready: Int32
            repeat { ready = poll(&sockets, nfds_t(sockets.count), left) } while ready < 0 && errno == EINTR
            guard ready > 0 else { break }
            // An error on a socket (ICMP port unreachable) is reported by poll until it is read:
            // read it, and stop watching that socket, or poll returns at once and the wait spins.
            let failing = sockets.indices.filter {
                sockets[$0].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 && sockets[$0].revents & Int16(POLLIN) == 0
            }
            if !failing.isEmpty {
                // Reading SO_ERROR clears it. Ours is connected: its error is the ICMP for our datagram.
                let codes = failing.map { (index: $0, code: Self.pendingError(sockets[$0].fd)) }
                if let own = codes.first(where: { $0.index == 0 })?.code {
                    switch own {
                    case ECONNREFUSED:
                        exchanges.append(Exchange(.note, EvidencePhrase.diagnosticRefused.text()))
                        return (malformed ?? .refused(hostUnreachable: false), exchanges)
                    case EHOSTUNREACH, ENETUNREACH, EHOSTDOWN:
                        exchanges.append(Exchange(.note, EvidencePhrase.diagnosticHostUnreachable.text()))
                        return (malformed ?? .refused(hostUnreachable: true), exchanges)
                    default:
                        exchanges.append(Exchange(.note, "diagnostic: the socket reported \(String(cString: strerror(own)))"))
                        break waiting
                    }
                }
                let failedFDs = failing.map { sockets[$0].fd }  // only net-snmp's socket (index 1) gets here
                sockets.removeAll { failedFDs.contains($0.fd) }
                continue
            }
            for k in sockets.indices where sockets[k].revents & Int16(POLLIN) != 0 {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let count = buffer.withUnsafeMutableBytes { recv(sockets[k].fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { continue }   // ICMP port unreachable surfaces as an error
                let reply = Array(buffer.prefix(count))
                let late = k == 1
                let phrase = late ? EvidencePhrase.diagnosticLateReply : .diagnosticReply
                exchanges.append(Exchange(.received, phrase.text("\(count)", masked(reply, mask))))
                let finding = classify(reply, version: version, community: mask, requestID: late ? libraryRequestID : requestID)
                if case .malformed(let why) = finding {
                    exchanges.append(Exchange(.note, "diagnostic: \(why)"))
                    malformed = malformed ?? finding   // a good reply may still follow
                    continue
                }
                return (finding, exchanges)
            }
        }
        if let malformed { return (malformed, exchanges) }
        exchanges.append(Exchange(.note, EvidencePhrase.diagnosticSilent.text("\(wait)")))
        return (.nothing, exchanges)
    }

    /// The error a socket holds (an ICMP error that came back), cleared by reading it.
    private static func pendingError(_ fd: Int32) -> Int32 {
        var code: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &size)
        return code
    }

    // MARK: Classifying a reply

    /// What is wrong with `reply` as the answer to our request, or `.wellFormed`.
    static func classify(_ reply: [UInt8], version: Int, community: [UInt8], requestID: Int) -> Finding {
        var top = BERReader(reply)
        guard let message = top.next(), message.tag == 0x30 else {
            return .malformed("\(reply.count) bytes that are not an SNMP message (not BER)")
        }
        if top.consumed < reply.count { return .malformed("\(reply.count - top.consumed) bytes after the SNMP message") }
        var fields = BERReader(message.value)
        guard let v = fields.next(), v.tag == 0x02, let got = SNMPEngineDiscovery.integerValue(v.value) else {
            return .malformed("no version field (not BER SNMP)")
        }
        guard got == version else {
            return .malformed("a reply in SNMP \(got == 0 ? "v1" : got == 1 ? "v2c" : got == 3 ? "v3" : "version \(got)"), not the session's")
        }
        guard let c = fields.next(), c.tag == 0x04 else { return .malformed("no community field") }
        guard c.value == community else {
            return .malformed("a reply with another community than ours (v1/v2c agents normally drop a wrong community silently)")
        }
        guard let pdu = fields.next() else { return .malformed("no PDU after the community") }
        guard pdu.tag == 0xA2 else { return .malformed("a PDU of type 0x\(hexByte(pdu.tag)), not a response (0xA2)") }
        var header = BERReader(pdu.value)
        guard let id = header.next(), id.tag == 0x02, let replyID = SNMPEngineDiscovery.integerValue(id.value),
              let status = header.next(), status.tag == 0x02, let errorStatus = SNMPEngineDiscovery.integerValue(status.value),
              let index = header.next(), index.tag == 0x02, let errorIndex = SNMPEngineDiscovery.integerValue(index.value),
              let list = header.next(), list.tag == 0x30 else {
            return .malformed("a response PDU whose request id, error status, error index or varbind list does not parse")
        }
        guard replyID == requestID else { return .malformed("a reply to another request (request id \(replyID), ours \(requestID))") }
        var binds = BERReader(list.value)
        var decoded: [SNMPVarBind] = []
        var position = 0
        while let bind = binds.next() {
            position += 1
            guard bind.tag == 0x30 else { return .malformed("varbind \(position) is not a sequence (tag 0x\(hexByte(bind.tag)))") }
            var parts = BERReader(bind.value)
            guard let name = parts.next(), name.tag == 0x06, !name.value.isEmpty else {
                return .malformed("varbind \(position) has no object identifier")
            }
            guard let value = parts.next() else { return .malformed("varbind \(position) has no value") }
            if let problem = valueProblem(tag: value.tag, length: value.value.count) {
                return .malformed("varbind \(position): \(problem)")
            }
            let arcs = objectArcs(name.value)
            guard let arcs else { return .malformed("varbind \(position): an object identifier that does not parse") }
            let decodedValue = decodeValue(tag: value.tag, value.value)
            if case .unusable(let why) = decodedValue { return .malformed("varbind \(position): \(why)") }
            decoded.append(SNMPVarBind(SNMPObjectID(arcs), decodedValue))
        }
        if binds.consumed < list.value.count { return .malformed("the varbind list does not parse after varbind \(position)") }
        return errorStatus != 0 ? .errorStatus(errorStatus, errorIndex) : .answered(decoded)
    }

    /// A value whose type and size `valueProblem` accepted, as net-snmp would hand it over,
    /// or `.unusable` for a number outside its type.
    static func decodeValue(tag: UInt8, _ bytes: [UInt8]) -> SNMPValue {
        func unsigned(_ name: String, max: UInt64) -> SNMPValue? {
            let trimmed = bytes.drop { $0 == 0 }
            guard trimmed.count <= 8 else { return .unusable("\(name) wider than 64 bits") }
            let n = trimmed.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return n <= max ? nil : .unusable("\(name) \(n) is outside 0…\(max), what the type can carry")
        }
        let n = bytes.drop { $0 == 0 }.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        switch tag {
        case 0x02:
            let v = bytes.dropFirst().reduce(Int64(Int8(bitPattern: bytes.first ?? 0))) { $0 << 8 | Int64($1) }
            return .integer(v)
        case 0x04: return .octets(bytes)
        case 0x05: return .null
        case 0x06: return objectArcs(bytes).map { .objectID(SNMPObjectID($0)) } ?? .unusable("an object identifier that does not parse")
        case 0x40: return .ipAddress(bytes)
        case 0x41: return unsigned("Counter32", max: UInt64(UInt32.max)) ?? .counter32(n)
        case 0x42: return unsigned("Gauge32", max: UInt64(UInt32.max)) ?? .gauge(n)
        case 0x43: return unsigned("TimeTicks", max: UInt64(UInt32.max)) ?? .timeTicks(n)
        case 0x46: return unsigned("Counter64", max: UInt64.max) ?? .counter64(n)
        case 0x80: return .noSuchObject
        case 0x81: return .noSuchInstance
        case 0x82: return .endOfMibView
        default: return .opaque(bytes)
        }
    }

    /// The arcs of a BER OBJECT IDENTIFIER, or nil for one cut inside an arc or too wide.
    static func objectArcs(_ bytes: [UInt8]) -> [UInt]? {
        guard let first = bytes.first else { return nil }
        var arcs: [UInt] = first < 80 ? [UInt(first / 40), UInt(first % 40)] : [2, UInt(first) - 80]
        var value: UInt = 0, width = 0
        for b in bytes.dropFirst() {
            value = value << 7 | UInt(b & 0x7F)
            width += 7
            guard width <= 63 else { return nil }
            if b & 0x80 == 0 { arcs.append(value); value = 0; width = 0 }
        }
        return width == 0 ? arcs : nil
    }

    /// Why a value of this type cannot have this length (RFC 2578 sizes), or nil.
    static func valueProblem(tag: UInt8, length: Int) -> String? {
        let sizes: [UInt8: (String, ClosedRange<Int>)] = [
            0x02: ("INTEGER", 1...4), 0x04: ("OCTET STRING", 0...65_535), 0x05: ("NULL", 0...0),
            0x06: ("OBJECT IDENTIFIER", 1...1_024), 0x40: ("IpAddress", 4...4), 0x41: ("Counter32", 1...5),
            0x42: ("Gauge32", 1...5), 0x43: ("TimeTicks", 1...5), 0x44: ("Opaque", 0...65_535),
            0x46: ("Counter64", 1...9), 0x80: ("noSuchObject", 0...0), 0x81: ("noSuchInstance", 0...0),
            0x82: ("endOfMibView", 0...0),
        ]
        guard let (name, allowed) = sizes[tag] else { return "unknown value type 0x\(hexByte(tag))" }
        return allowed.contains(length) ? nil : "\(name) of \(length) bytes (\(allowed.lowerBound)…\(allowed.upperBound) allowed)"
    }

    // MARK: Encoding our request

    static func message(version: Int, community: [UInt8], kind: SNMPRequestKind, requestID: Int, oids: [SNMPObjectID]) -> [UInt8] {
        typealias BER = SNMPEngineDiscovery
        let tag: UInt8
        var second = 0, third = 0
        switch kind {
        case .get: tag = 0xA0
        case .getNext: tag = 0xA1
        case .getBulk(let nonRepeaters, let maxRepetitions): tag = 0xA5; second = nonRepeaters; third = maxRepetitions
        }
        let binds = oids.map { BER.sequence(objectID($0) + [0x05, 0x00]) }.reduce([], +)
        let pdu = BER.tlv(tag, BER.integer(requestID) + BER.integer(second) + BER.integer(third) + BER.sequence(binds))
        return BER.sequence(BER.integer(version) + BER.octets(community) + pdu)
    }

    /// BER OBJECT IDENTIFIER: the first two arcs as 40·a + b, then base-128 arcs.
    static func objectID(_ oid: SNMPObjectID) -> [UInt8] {
        let arcs = oid.arcs
        var bytes: [UInt8] = []
        let head = arcs.count >= 2 ? [arcs[0] &* 40 &+ arcs[1]] + arcs.dropFirst(2) : (arcs.isEmpty ? [0] : [arcs[0] &* 40])
        for arc in head {
            var chunk: [UInt8] = [UInt8(arc & 0x7F)]
            var rest = arc >> 7
            while rest > 0 { chunk.insert(UInt8(rest & 0x7F) | 0x80, at: 0); rest >>= 7 }
            bytes += chunk
        }
        return SNMPEngineDiscovery.tlv(0x06, bytes)
    }

    /// Hex of a datagram with every occurrence of the community shown as `**` bytes.
    static func masked(_ bytes: [UInt8], _ community: [UInt8]) -> String {
        var parts: [String] = []
        var i = 0
        while i < bytes.count {
            if !community.isEmpty, i + community.count <= bytes.count, bytes[i..<i + community.count].elementsEqual(community) {
                parts += Array(repeating: "**", count: community.count)
                i += community.count
            } else {
                parts.append(hexByte(bytes[i]))
                i += 1
            }
        }
        return parts.joined(separator: " ")
    }
}

/// The diagnostic classifier as a public, pure entry: what is wrong with a datagram as the
/// v1/v2c response to request `requestID`, or nil when it is a well-formed answer.
package enum SNMPReplyInspection: Sendable {
    package static func problem(in datagram: [UInt8], version: Int, community: [UInt8], requestID: Int) -> String? {
        // A well-formed reply with an error status, or answered, is not a problem here.
        if case .malformed(let why) = SNMPReplyDiagnosis.classify(datagram, version: version, community: community, requestID: requestID) {
            return why
        }
        return nil
    }
}
