public import Foundation

/// What a probe read from one device: a reading per point, or why the device could not be read.
public struct Readings: Sendable {
    /// Readings by point id.
    public var values: [String: Reading]
    /// Set when the device did not answer at all (refused, timed out, no such port…).
    public var unreachable: String?
    /// The raw exchange, for `--trace` and the record's evidence appendix.
    public var exchanges: [Exchange]
    /// What was read, by address (objects, register blocks, frames), for `checkup capture`.
    public var wire: WireLog

    public init(values: [String: Reading] = [:], unreachable: String? = nil, exchanges: [Exchange] = [], wire: WireLog = WireLog()) {
        self.values = values
        self.unreachable = unreachable
        self.exchanges = exchanges
        self.wire = wire
    }

    public static func unreachable(_ reason: String, exchanges: [Exchange] = []) -> Readings {
        Readings(unreachable: reason, exchanges: exchanges)
    }

    public subscript(point: String) -> Reading? {
        get { values[point] }
        set { values[point] = newValue }
    }
}

/// One point's reading: a value (or absent / error), when, and how long the exchange took.
public struct Reading: Sendable, Codable, Hashable {
    public var value: Value
    public var unit: String?
    public var at: Date
    public var duration: Duration
    /// Short raw evidence for the record: "FC02 0x0100 ×1 → 1", "1.3.6.1.2.1.1.3.0 = Timeticks 1234".
    public var evidence: String?
    /// What the judgement must mention about how the value was read ("walk stopped at the
    /// limit of 10000 objects"): added to the result's observed text.
    public var caveat: String?

    public init(_ value: Value, unit: String? = nil, at: Date = Date(), duration: Duration = .zero, evidence: String? = nil) {
        self.value = value
        self.unit = unit
        self.at = at
        self.duration = duration
        self.evidence = evidence
    }
}

/// One request/reply on the wire, for `--trace`. Secrets are never put here.
public struct Exchange: Sendable, Codable, Hashable {
    public enum Direction: String, Sendable, Codable { case sent, received, note }
    public var at: Date
    public var direction: Direction
    /// Hex bytes for Modbus/Pelco frames, varbinds for SNMP, or a note ("timeout after 300 ms").
    public var text: String

    public init(_ direction: Direction, _ text: String, at: Date = Date()) {
        self.at = at
        self.direction = direction
        self.text = text
    }

    /// Formats bytes as `FF 01 00 51 00 00 52`. Byte by byte: `String(format:)` per byte was
    /// a tenth of a Modbus panel's read, and every frame of every device goes through here.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 3)
        for byte in bytes {
            if !text.isEmpty { text.append(0x20) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
