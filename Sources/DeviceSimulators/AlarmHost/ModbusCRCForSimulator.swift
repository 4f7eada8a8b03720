import ModbusProbe

/// The simulator frames its own RTU replies with the probe's CRC (one implementation).
enum ModbusCRCForSimulator {
    static func framed(_ bytes: [UInt8]) -> [UInt8] { ModbusCRC.framed(bytes) }
    static func isValid(_ frame: [UInt8]) -> Bool { ModbusCRC.isValid(frame) }
}
