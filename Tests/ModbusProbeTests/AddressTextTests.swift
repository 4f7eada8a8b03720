import CheckupCore
@testable import ModbusProbe
import Testing

/// The text `checkup profile show` prints for a Modbus point, and the bounds that keep
/// endpoint numbers and timeouts from trapping in integer conversions.
struct AddressTextTests {
    @Test func scalarPointsReadLikeTheProfile() {
        #expect(ModbusAddress.scalar(.discreteInput, 0x0100).description == "discrete-input 0x0100 bit")
        #expect(ModbusAddress.scalar(.holding, 0x0010, type: .float32, order: .cdab).description == "holding 0x0010 float32 CDAB")
        #expect(ModbusAddress.scalar(.input, 0x0003, bit: 4).description == "input 0x0003 bit-in-register bit 4")
        #expect(ModbusAddress.scalar(.holding, 0x0020, type: .string, length: 8).description == "holding 0x0020 string length 8")
        #expect(ModbusAddress(ModbusField(table: .coil, address: 1), write: 1).description == "coil 0x0001 bit write 1")
    }

    @Test func blockPointsNameTheirRowsAndColumns() {
        let zones = ModbusAddress(ModbusField(table: .discreteInput, address: 0x1001), count: 8,
                                  columns: ["alarm": ModbusColumn(address: 0x1001), "bypass": ModbusColumn(address: 0x2001)])
        #expect(zones.description == "×8 from 1 {alarm: discrete-input 0x1001 bit, bypass: discrete-input 0x2001 bit}")
        let lines = ModbusAddress(ModbusField(table: .input, address: 0x30), count: 2, rowNames: ["PSTN", "cellular"])
        #expect(lines.description == "×2 [PSTN, cellular] input 0x0030 uint16")
    }

    /// A request as the exchange log and the evidence print it, written byte by byte.
    @Test func requestsReadLikeModbusPeopleWriteThem() {
        #expect(ModbusClient.requestText(.readDiscreteInputs, 0x0100, 8) == "FC02 0x0100 ×8")
        #expect(ModbusClient.requestText(.readHoldingRegisters, 0xFFFF, 125) == "FC03 0xFFFF ×125")
        #expect(ModbusClient.requestText(.writeMultipleRegisters, 0, 0) == "FC10 0x0000 ×0")
        #expect(ModbusClient.requestText(.readInputRegisters, 0x1_0000, 1) == "FC04 0x10000 ×1")
        #expect(ModbusClient.requestText(.readCoils, -1, 1) == "FC01 \(ModbusError.hex(-1)) ×1")
    }

    /// The endpoint parser refuses these already; an Endpoint built in code must not trap either.
    @Test(arguments: [("unit", "300"), ("unit", "-1"), ("baud", "99999999999"), ("data", "9"), ("stop", "3")])
    func endpointNumbersOutOfRangeAreRefused(_ key: String, _ value: String) throws {
        let endpoint = Endpoint(scheme: "modbus-rtu", path: "/dev/ttyUSB0", query: [key: value])
        #expect(throws: ModbusError.self) { try ModbusConnection(endpoint: endpoint) }
        #expect(throws: (any Error).self) { try AlarmHostProbe.endpoint(parsing: "modbus-rtu:///dev/ttyUSB0?\(key)=\(value)") }
    }

    @Test func timeoutsAreBoundedEvenWhenNotANumber() {
        #expect(ModbusClient.bounded(.nan, within: 0.001...3600) == 0.001)
        #expect(ModbusClient.bounded(.infinity, within: 0.001...3600) == 3600)
        #expect(ModbusClient.bounded(-5, within: 0.001...0.5) == 0.001)
        #expect(ModbusClient.bounded(0.2, within: 0.001...0.5) == 0.2)
    }
}
