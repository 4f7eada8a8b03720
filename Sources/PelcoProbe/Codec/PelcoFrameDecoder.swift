import CheckupCore

/// Finds a dialect's frames in a byte stream (the decoder's side of the line).
package struct PelcoFrameDecoder<Frame: PelcoFrame>: Sendable {
    private var scanner = FrameScanner<PelcoFrameError>(sync: Frame.start, length: Frame.length) { bytes in
        Frame(bytes: bytes) == nil ? .failure(PelcoFrameError(bytes: bytes)) : .success(())
    }

    package init() {}

    /// Adds bytes; returns the valid frames they complete.
    package mutating func feed(_ bytes: some Sequence<UInt8>) -> [Frame] {
        scanner.feed(bytes).compactMap { Frame(bytes: $0) }
    }

    /// Candidates rejected so far are counted in `discarded`; the last one is kept here.
    package var lastRejected: PelcoFrameError? { scanner.lastFailure }
    package var discarded: Int { scanner.discarded }
    package var isInsideFrame: Bool { scanner.isInsideFrame }
    package mutating func reset() { scanner.reset() }
}

package typealias PelcoDFrameDecoder = PelcoFrameDecoder<PelcoDFrame>
package typealias PelcoPFrameDecoder = PelcoFrameDecoder<PelcoPFrame>

/// A candidate whose checksum (or, in Pelco-P, end byte) did not match.
package struct PelcoFrameError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    package var bytes: [UInt8]
    package var description: String { "checksum mismatch in frame \(Exchange.hex(bytes))" }
}
