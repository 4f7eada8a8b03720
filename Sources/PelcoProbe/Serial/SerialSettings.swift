/// Line settings of a serial port: speed, parity, data and stop bits.
package struct SerialSettings: Sendable, Hashable, CustomStringConvertible {
    package enum Parity: String, Sendable, Hashable {
        case none = "N", even = "E", odd = "O"
    }

    /// Speeds termios offers between 1200 and 115200 baud.
    package static let supportedBauds: [Int] = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]

    package var baud: Int
    package var parity: Parity
    /// 7 or 8.
    package var dataBits: Int
    /// 1 or 2.
    package var stopBits: Int

    package init(baud: Int = 2400, parity: Parity = .none, dataBits: Int = 8, stopBits: Int = 1) {
        self.baud = baud
        self.parity = parity
        self.dataBits = dataBits
        self.stopBits = stopBits
    }

    /// Bits on the wire per character: start + data + parity + stop (8N1 = 10). Data and stop
    /// bits are clamped to what a UART takes, so settings not yet validated cannot overflow.
    package var bitsPerCharacter: Int {
        1 + min(max(dataBits, 5), 8) + (parity == .none ? 0 : 1) + min(max(stopBits, 1), 2)
    }

    /// Time one character takes on the wire (8N1 at 2400 baud: 4.17 ms).
    package var characterTime: Duration { .nanoseconds(Int64(bitsPerCharacter) * 1_000_000_000 / Int64(max(baud, 1))) }

    /// Time `count` characters take on the wire.
    package func wireTime(_ count: Int) -> Duration { characterTime * count }

    package var description: String { "\(baud) \(dataBits)\(parity.rawValue)\(stopBits)" }
}
