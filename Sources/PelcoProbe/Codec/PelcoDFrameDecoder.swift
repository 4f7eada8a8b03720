public import CheckupCore

/// Finds Pelco-D command frames in a byte stream (the decoder's side of the line).
public struct PelcoDFrameDecoder: Sendable {
    private var scanner = FrameScanner<PelcoDFrameError>(sync: PelcoDFrame.sync, length: PelcoDFrame.length) { bytes in
        PelcoDFrame(bytes: bytes) == nil ? .failure(PelcoDFrameError(bytes: bytes)) : .success(())
    }

    public init() {}

    /// Adds bytes; returns the valid frames they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [PelcoDFrame] {
        scanner.feed(bytes).compactMap { PelcoDFrame(bytes: $0) }
    }

    /// Candidates rejected so far are counted in `discarded`; the last one is kept here.
    public var lastRejected: PelcoDFrameError? { scanner.lastFailure }
    public var discarded: Int { scanner.discarded }
    public var isInsideFrame: Bool { scanner.isInsideFrame }
    public mutating func reset() { scanner.reset() }
}

/// A 7-byte candidate whose checksum did not match.
public struct PelcoDFrameError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    public var bytes: [UInt8]
    public var description: String { "checksum mismatch in frame \(HexBytes.format(bytes))" }
}
