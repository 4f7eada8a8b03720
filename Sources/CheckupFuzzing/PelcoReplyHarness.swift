import PelcoProbe

/// The Pelco-D reply decoder fed arbitrary bytes as the answer to a pan, tilt or zoom query,
/// or a part-number query. A reply it accepts must re-encode to a frame of the stream (part
/// numbers excepted: their text is trimmed), and a pan or tilt word outside 0–35999 must be
/// refused by `PelcoAngles.outOfRange`.
package enum PelcoReplyHarness: Sendable {
    static let queries: [PelcoDCommand] = [.queryPan, .queryTilt, .queryZoom, .query]

    package static func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let first = input.first else { return .rejected("empty input, nothing to decode") }
        let request = queries[Int(first) % queries.count].frame(to: input.count > 1 ? input[1] : 1)
        var decoder = PelcoDReplyDecoder(for: request)
        let stream = Array(input.dropFirst(2))
        guard let reply = decoder.feed(stream) else {
            if decoder.pending.count > 18 { return .violated("the decoder buffers \(decoder.pending.count) bytes") }
            return .rejection(decoder.lastError?.description ?? "no reply frame in \(stream.count) bytes", from: "pelco")
        }
        let bytes = reply.bytes(requestChecksum: request.checksum)
        if case .partNumber = reply { return .accepted("\(reply)") }
        guard stream.count >= bytes.count, (0...(stream.count - bytes.count)).contains(where: { stream[$0..<$0 + bytes.count].elementsEqual(bytes) }) else {
            return .violated("accepted \(reply), whose bytes are not in the stream")
        }
        if case .extended(_, let opcode, let word) = reply, opcode == 0x59 || opcode == 0x5B {
            let refused = PelcoAngles.outOfRange(word, axis: "pan") != nil
            if refused != (word > 35999) { return .violated("word \(word): out-of-range check said \(refused)") }
            if refused { return .rejected(PelcoAngles.outOfRange(word, axis: "pan") ?? "") }
        }
        return .accepted("\(reply)")
    }
}
