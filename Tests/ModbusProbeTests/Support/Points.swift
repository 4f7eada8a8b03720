import CheckupCore
import ModbusProbe

/// Points of the Elmo map as the `elmo-modbus` profile names them, built in Swift so probe
/// tests do not depend on the profile loader.
enum ElmoPoints {
    static let mains = Point(id: "mains-fault", address: ModbusAddress.scalar(.discreteInput, 0x0100))
    static let battery = Point(id: "battery-fault", address: ModbusAddress.scalar(.discreteInput, 0x0101))
    static let tamper = Point(id: "tamper", address: ModbusAddress.scalar(.discreteInput, 0x0102))
    static let transmission = Point(id: "transmission", address: ModbusAddress(
        ModbusField(table: .discreteInput, address: 0x0103), count: 2, rowNames: ["PSTN", "cellular"],
        columns: ["fault": ModbusColumn()]))
    static let zones = Point(id: "zones", address: ModbusAddress(
        ModbusField(table: .discreteInput, address: 0x1001), count: 64,
        columns: ["alarm": ModbusColumn(address: 0x1001), "bypassed": ModbusColumn(address: 0x2001),
                  "low-battery": ModbusColumn(address: 0x8001)]))
    /// Beyond every Elmo table: the device answers exception 02.
    static let missing = Point(id: "missing", address: ModbusAddress.scalar(.discreteInput, 0x9000))
    static let all = [mains, battery, tamper, transmission, zones]
}

/// Points of the generic gateway map.
enum GenericPoints {
    static let status = Point(id: "panel-status", address: ModbusAddress.scalar(.holding, 0x0001))
    static let mains = Point(id: "mains-fault", address: ModbusAddress.scalar(.holding, 0x0001, bit: 0))
    static let battery = Point(id: "battery-voltage", address: ModbusAddress.scalar(.holding, 0x0002), unit: "V")
    static let uptime = Point(id: "uptime", address: ModbusAddress.scalar(.holding, 0x0006, type: .uint32))
    static let model = Point(id: "model", address: ModbusAddress.scalar(.holding, 0x0008, type: .string, length: 8))
    static let zones = Point(id: "zones", address: ModbusAddress(
        ModbusField(table: .holding, address: 0x0100), count: 256,
        columns: ["state": ModbusColumn(type: .uint16), "bypassed": ModbusColumn(bit: 0), "fault": ModbusColumn(bit: 1),
                  "alarm": ModbusColumn(bit: 8)]))
    static let all = [status, mains, battery, uptime, model, zones]
}

extension Value {
    /// The rows of a table value whose `column` is true, by index.
    func rows(where column: String) -> [String] {
        guard case .table(let rows) = self else { return [] }
        return rows.filter { $0.cells[column] == .bool(true) }.map(\.index)
    }
}

/// A probe context for tests: short timeouts so a dead unit is quick.
func testContext(timeout: Duration = .milliseconds(300), allowActive: Bool = false, retries: Int = 1) -> ProbeContext {
    ProbeContext(timeout: timeout, retries: retries, allowActive: allowActive)
}
