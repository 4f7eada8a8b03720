/// One 8-byte Pelco-P frame: `A0 addr data1 data2 data3 data4 AF cksum`.
///
/// The checksum is the XOR of bytes 1–7, STX (0xA0) and ETX (0xAF) included
/// (docs/reference.md §2.1, §2.5). Pelco-P has no query: decoders never answer.
package struct PelcoPFrame: PelcoFrame {
    package static let start: UInt8 = 0xA0
    package static let end: UInt8 = 0xAF
    package static let length = 8

    package var address: UInt8
    package var data1: UInt8
    package var data2: UInt8
    package var data3: UInt8
    package var data4: UInt8

    package init(address: UInt8, data1: UInt8, data2: UInt8, data3: UInt8, data4: UInt8) {
        self.address = address
        self.data1 = data1
        self.data2 = data2
        self.data3 = data3
        self.data4 = data4
    }

    package var checksum: UInt8 {
        Self.checksum([Self.start, address, data1, data2, data3, data4, Self.end])
    }

    package var bytes: [UInt8] {
        [Self.start, address, data1, data2, data3, data4, Self.end, checksum]
    }

    /// Parses exactly 8 bytes; nil when STX, ETX or the checksum is wrong.
    package init?(bytes: some Collection<UInt8>) {
        let b = Array(bytes)
        guard b.count == Self.length, b[0] == Self.start, b[6] == Self.end,
              Self.checksum(b[0...6]) == b[7] else { return nil }
        self.init(address: b[1], data1: b[2], data2: b[3], data3: b[4], data4: b[5])
    }

    /// XOR of `bytes`.
    package static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(UInt8(0)) { $0 ^ $1 }
    }
}
