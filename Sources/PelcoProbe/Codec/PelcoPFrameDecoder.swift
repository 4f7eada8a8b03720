public import CheckupCore

/// Finds Pelco-P frames in a byte stream (the decoder's side of the line).
public struct PelcoPFrameDecoder: Sendable {
    private var scanner = FrameScanner<PelcoPFrameError>(sync: PelcoPFrame.start, length: PelcoPFrame.length) { bytes in
        PelcoPFrame(bytes: bytes) == nil ? .failure(PelcoPFrameError(bytes: bytes)) : .success(())
    }

    public init() {}

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [PelcoPFrame] {
        scanner.feed(bytes).compactMap { PelcoPFrame(bytes: $0) }
    }

    public var lastRejected: PelcoPFrameError? { scanner.lastFailure }
    public var discarded: Int { scanner.discarded }
    public mutating func reset() { scanner.reset() }
}

/// An 8-byte candidate whose ETX or XOR checksum did not match.
public struct PelcoPFrameError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    public var bytes: [UInt8]
    public var description: String { "checksum mismatch in frame \(HexBytes.format(bytes))" }
}
