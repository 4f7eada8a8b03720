import CheckupCore

/// What a Pelco-D and a Pelco-P frame have in common on the wire: a fixed length, a start
/// byte to synchronise on, and a check (checksum, end byte) that tells a frame from noise.
/// The framing is each dialect's own (docs/reference.md §2.1); finding frames in a byte
/// stream is shared (`PelcoFrameDecoder`).
package protocol PelcoFrame: Sendable, Hashable, CustomStringConvertible {
    /// The byte every frame starts with.
    static var start: UInt8 { get }
    /// The frame's length on the wire, checksum included.
    static var length: Int { get }
    /// The address of the decoder the frame is for.
    var address: UInt8 { get }
    /// The frame as sent, checksum included.
    var bytes: [UInt8] { get }
    /// Parses exactly `length` bytes; nil when they are not a valid frame.
    init?(bytes: some Collection<UInt8>)
}

extension PelcoFrame {
    package var description: String { Exchange.hex(bytes) }
}
