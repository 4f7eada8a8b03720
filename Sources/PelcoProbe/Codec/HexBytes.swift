import CheckupCore

/// Hex formatting for frames (`FF 01 00 51 00 00 52`): the codecs' name for `Exchange.hex`, so
/// a frame reads the same in a Pelco exchange as in a Modbus one.
package enum HexBytes: Sendable {
    /// Formats bytes as upper-case hex pairs separated by spaces.
    package static func format(_ bytes: some Sequence<UInt8>) -> String { Exchange.hex(bytes) }
}
