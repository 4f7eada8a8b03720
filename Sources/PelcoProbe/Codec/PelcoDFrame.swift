/// One 7-byte Pelco-D frame on the wire: `FF addr cmd1 cmd2 data1 data2 cksum`.
///
/// The checksum is the low 8 bits of the sum of bytes 2–6, the sync byte excluded
/// (docs/reference.md §2.1). This type only frames bytes; `PelcoDCommand` gives them meaning.
package struct PelcoDFrame: PelcoFrame {
    /// The sync byte every Pelco-D frame starts with.
    package static let start: UInt8 = 0xFF
    package static let length = 7

    package var address: UInt8
    package var command1: UInt8
    package var command2: UInt8
    package var data1: UInt8
    package var data2: UInt8

    package init(address: UInt8, command1: UInt8, command2: UInt8, data1: UInt8, data2: UInt8) {
        self.address = address
        self.command1 = command1
        self.command2 = command2
        self.data1 = data1
        self.data2 = data2
    }

    /// The checksum this frame carries on the wire.
    package var checksum: UInt8 {
        Self.checksum([address, command1, command2, data1, data2])
    }

    /// The frame as sent, checksum included.
    package var bytes: [UInt8] {
        [Self.start, address, command1, command2, data1, data2, checksum]
    }

    /// Parses exactly 7 bytes; nil when the sync byte or the checksum is wrong.
    package init?(bytes: some Collection<UInt8>) {
        let b = Array(bytes)
        guard b.count == Self.length, b[0] == Self.start,
              Self.checksum(b[1...5]) == b[6] else { return nil }
        self.init(address: b[1], command1: b[2], command2: b[3], data1: b[4], data2: b[5])
    }

    /// Low 8 bits of the sum of `bytes`.
    package static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(UInt8(0)) { $0 &+ $1 }
    }
}

