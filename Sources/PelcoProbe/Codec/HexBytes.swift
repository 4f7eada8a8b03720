/// Hex formatting for frames (`FF 01 00 51 00 00 52`), kept here so the codecs need no other module.
package enum HexBytes: Sendable {
    private static let digits = Array("0123456789ABCDEF")

    /// Formats bytes as upper-case hex pairs separated by spaces.
    package static func format(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: " ")
    }
}
