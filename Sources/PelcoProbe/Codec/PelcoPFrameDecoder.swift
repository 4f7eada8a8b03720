import CheckupCore

/// Finds Pelco-P frames in a byte stream (the decoder's side of the line).
package struct PelcoPFrameDecoder: Sendable {
    private var scanner = FrameScanner<PelcoPFrameError>(sync: PelcoPFrame.start, length: PelcoPFrame.length) { bytes in
        PelcoPFrame(bytes: bytes) == nil ? .failure(PelcoPFrameError(bytes: bytes)) : .success(())
    }

    package init() {}

    package mutating func feed(_ bytes: some Sequence<UInt8>) -> [PelcoPFrame] {
        scanner.feed(bytes).compactMap { PelcoPFrame(bytes: $0) }
    }

    package var lastRejected: PelcoPFrameError? { scanner.lastFailure }
    package var discarded: Int { scanner.discarded }
    package mutating func reset() { scanner.reset() }
}

/// An 8-byte candidate whose ETX or XOR checksum did not match.
package struct PelcoPFrameError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    package var bytes: [UInt8]
    package var description: String { "checksum mismatch in frame \(HexBytes.format(bytes))" }
}
