/// One 7-byte Pelco-D frame on the wire: `FF addr cmd1 cmd2 data1 data2 cksum`.
///
/// The checksum is the low 8 bits of the sum of bytes 2–6, the sync byte excluded
/// (docs/reference.md §2.1). This type only frames bytes; `PelcoDCommand` gives them meaning.
public struct PelcoDFrame: Sendable, Hashable, CustomStringConvertible {
    /// The sync byte every Pelco-D frame starts with.
    public static let sync: UInt8 = 0xFF
    public static let length = 7

    public var address: UInt8
    public var command1: UInt8
    public var command2: UInt8
    public var data1: UInt8
    public var data2: UInt8

    public init(address: UInt8, command1: UInt8, command2: UInt8, data1: UInt8, data2: UInt8) {
        self.address = address
        self.command1 = command1
        self.command2 = command2
        self.data1 = data1
        self.data2 = data2
    }

    /// The checksum this frame carries on the wire.
    public var checksum: UInt8 {
        Self.checksum([address, command1, command2, data1, data2])
    }

    /// The frame as sent, checksum included.
    public var bytes: [UInt8] {
        [Self.sync, address, command1, command2, data1, data2, checksum]
    }

    /// Parses exactly 7 bytes; nil when the sync byte or the checksum is wrong.
    public init?(bytes: some Collection<UInt8>) {
        let b = Array(bytes)
        guard b.count == Self.length, b[0] == Self.sync,
              Self.checksum(b[1...5]) == b[6] else { return nil }
        self.init(address: b[1], command1: b[2], command2: b[3], data1: b[4], data2: b[5])
    }

    /// Low 8 bits of the sum of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(UInt8(0)) { $0 &+ $1 }
    }

    public var description: String { HexBytes.format(bytes) }
}

