/// Line settings of a serial port: speed, parity, data and stop bits.
public struct SerialSettings: Sendable, Hashable, CustomStringConvertible {
    public enum Parity: String, Sendable, Hashable {
        case none = "N", even = "E", odd = "O"
    }

    /// Speeds termios offers between 1200 and 115200 baud.
    public static let supportedBauds: [Int] = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]

    public var baud: Int
    public var parity: Parity
    /// 7 or 8.
    public var dataBits: Int
    /// 1 or 2.
    public var stopBits: Int

    public init(baud: Int = 2400, parity: Parity = .none, dataBits: Int = 8, stopBits: Int = 1) {
        self.baud = baud
        self.parity = parity
        self.dataBits = dataBits
        self.stopBits = stopBits
    }

    /// Bits on the wire per character: start + data + parity + stop (8N1 = 10). Data and stop
    /// bits are clamped to what a UART takes, so settings not yet validated cannot overflow.
    public var bitsPerCharacter: Int {
        1 + min(max(dataBits, 5), 8) + (parity == .none ? 0 : 1) + min(max(stopBits, 1), 2)
    }

    /// Time one character takes on the wire (8N1 at 2400 baud: 4.17 ms).
    public var characterTime: Duration { .nanoseconds(Int64(bitsPerCharacter) * 1_000_000_000 / Int64(max(baud, 1))) }

    /// Time `count` characters take on the wire.
    public func wireTime(_ count: Int) -> Duration { characterTime * count }

    public var description: String { "\(baud) \(dataBits)\(parity.rawValue)\(stopBits)" }
}
