import CheckupCore

/// Finds Pelco-D command frames in a byte stream (the decoder's side of the line).
package struct PelcoDFrameDecoder: Sendable {
    private var scanner = FrameScanner<PelcoDFrameError>(sync: PelcoDFrame.sync, length: PelcoDFrame.length) { bytes in
        PelcoDFrame(bytes: bytes) == nil ? .failure(PelcoDFrameError(bytes: bytes)) : .success(())
    }

    package init() {}

    /// Adds bytes; returns the valid frames they complete.
    package mutating func feed(_ bytes: some Sequence<UInt8>) -> [PelcoDFrame] {
        scanner.feed(bytes).compactMap { PelcoDFrame(bytes: $0) }
    }

    /// Candidates rejected so far are counted in `discarded`; the last one is kept here.
    package var lastRejected: PelcoDFrameError? { scanner.lastFailure }
    package var discarded: Int { scanner.discarded }
    package var isInsideFrame: Bool { scanner.isInsideFrame }
    package mutating func reset() { scanner.reset() }
}

/// A 7-byte candidate whose checksum did not match.
package struct PelcoDFrameError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    package var bytes: [UInt8]
    package var description: String { "checksum mismatch in frame \(HexBytes.format(bytes))" }
}
