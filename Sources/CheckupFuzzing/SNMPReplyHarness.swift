import CheckupCore
import SNMPProbe

/// SNMP reply decoding fed arbitrary bytes: the diagnostic classifier (`SNMPReplyInspection`)
/// over the datagram, the value mapping over values built from the bytes. A wire value must
/// map to a `Value` that keeps its number exactly (no clamping, no wrap).
package enum SNMPReplyHarness: Sendable {
    package static func run(_ input: [UInt8]) -> FuzzOutcome {
        let verdict = SNMPReplyInspection.problem(in: input, version: 1, community: Array("public".utf8), requestID: 0x1234)
        if let verdict, verdict.filter(\.isLetter).count < 4 { return .violated("unexplained verdict '\(verdict)'") }
        // Values from the bytes: each 8-byte chunk as a number of each kind.
        var k = 0
        while k + 8 <= input.count {
            let raw = input[k..<k + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            k += 8
            let oid: SNMPObjectID = "1.3.6.1.2.1.1.3.0"
            switch SNMPValueMapping.value(.counter64(raw), oid: oid, hint: nil) {
            case .integer(let i) where UInt64(i) == raw: break
            case .unsigned(let u) where u == raw && raw > UInt64(Int64.max): break
            case let other: return .violated("Counter64 \(raw) mapped to \(other)")
            }
            let signed = Int64(bitPattern: raw)
            if SNMPValueMapping.value(.integer(signed), oid: oid, hint: nil) != .integer(signed) {
                return .violated("INTEGER \(signed) changed")
            }
            let text = SNMPValueMapping.value(.octets(Array(input[(k - 8)..<k])), oid: oid, hint: .date)
            if case .error(let why) = text, !why.contains(oid.description) { return .violated("date error without the OID: \(why)") }
        }
        return verdict.map { .rejected($0) } ?? .accepted("a well-formed response")
    }
}
