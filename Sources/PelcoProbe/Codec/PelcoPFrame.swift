/// One 8-byte Pelco-P frame: `A0 addr data1 data2 data3 data4 AF cksum`.
///
/// The checksum is the XOR of bytes 1–7, STX (0xA0) and ETX (0xAF) included
/// (docs/reference.md §2.1, §2.5). Pelco-P has no query: decoders never answer.
public struct PelcoPFrame: Sendable, Hashable, CustomStringConvertible {
    public static let start: UInt8 = 0xA0
    public static let end: UInt8 = 0xAF
    public static let length = 8

    public var address: UInt8
    public var data1: UInt8
    public var data2: UInt8
    public var data3: UInt8
    public var data4: UInt8

    public init(address: UInt8, data1: UInt8, data2: UInt8, data3: UInt8, data4: UInt8) {
        self.address = address
        self.data1 = data1
        self.data2 = data2
        self.data3 = data3
        self.data4 = data4
    }

    public var checksum: UInt8 {
        Self.checksum([Self.start, address, data1, data2, data3, data4, Self.end])
    }

    public var bytes: [UInt8] {
        [Self.start, address, data1, data2, data3, data4, Self.end, checksum]
    }

    /// Parses exactly 8 bytes; nil when STX, ETX or the checksum is wrong.
    public init?(bytes: some Collection<UInt8>) {
        let b = Array(bytes)
        guard b.count == Self.length, b[0] == Self.start, b[6] == Self.end,
              Self.checksum(b[0...6]) == b[7] else { return nil }
        self.init(address: b[1], data1: b[2], data2: b[3], data3: b[4], data4: b[5])
    }

    /// XOR of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(UInt8(0)) { $0 ^ $1 }
    }

    public var description: String { HexBytes.format(bytes) }
}
