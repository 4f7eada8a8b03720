/// Decodes the reply to one Pelco-D request from a byte stream, skipping noise.
///
/// The reply layout depends on the request (general, extended or part number) and two of the
/// three checksums include the request's checksum, so a decoder is made per request.
package struct PelcoDReplyDecoder: Sendable {
    package let kind: PelcoDReplyKind
    package let requestChecksum: UInt8
    private var scanner: FrameScanner<PelcoDReplyError>

    package init(for request: PelcoDFrame) {
        self.init(kind: PelcoDCommand(frame: request).expectedReply, requestChecksum: request.checksum)
    }

    package init(kind: PelcoDReplyKind, requestChecksum: UInt8) {
        self.kind = kind
        self.requestChecksum = requestChecksum
        scanner = FrameScanner(sync: PelcoDFrame.start, length: kind.length) { bytes in
            PelcoDResponse.parse(bytes, kind: kind, requestChecksum: requestChecksum).map { _ in () }
        }
    }

    /// Adds bytes; returns the first valid reply they complete.
    package mutating func feed(_ bytes: some Sequence<UInt8>) -> PelcoDResponse? {
        for frame in scanner.feed(bytes) {
            if case .success(let reply) = PelcoDResponse.parse(frame, kind: kind, requestChecksum: requestChecksum) {
                return reply
            }
        }
        return nil
    }

    /// The last reply candidate that was rejected (checksum mismatch, wrong opcode).
    package var lastError: PelcoDReplyError? { scanner.lastFailure }
    /// True while part of a candidate reply is buffered.
    package var isInsideFrame: Bool { scanner.isInsideFrame }
    /// Bytes that were not part of a valid reply.
    package var discarded: Int { scanner.discarded }
    package var pending: [UInt8] { scanner.pending }
}
