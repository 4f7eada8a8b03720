import CheckupCore
@testable import ModbusProbe
import Foundation
import Testing
import Yams

/// Pure parts, no device: read planning, raw decoding, address decoding, error naming, CRC.
struct ReadPlanTests {
    func span(_ table: ModbusTable, _ address: Int, _ count: Int) -> ModbusSpan {
        ModbusSpan(table: table, address: address, count: count)
    }

    @Test func contiguousAndOverlappingRunsMergeGapsDoNot() {
        let plan = ReadPlan(spans: [span(.discreteInput, 0x0101, 1), span(.discreteInput, 0x0100, 1),
                                    span(.discreteInput, 0x0102, 3), span(.discreteInput, 0x0103, 1),
                                    span(.discreteInput, 0x0200, 1), span(.holding, 0x0001, 2)])
        #expect(plan.requests == [span(.discreteInput, 0x0100, 5), span(.discreteInput, 0x0200, 1), span(.holding, 0x0001, 2)])
    }

    @Test func tablesNeverMerge() {
        let plan = ReadPlan(spans: [span(.coil, 0, 8), span(.discreteInput, 8, 8)])
        #expect(plan.requests.count == 2)
    }

    @Test(arguments: [(ModbusTable.discreteInput, 4500, [2000, 2000, 500]), (.coil, 2000, [2000]),
                      (.holding, 256, [125, 125, 6]), (.input, 125, [125]), (.input, 126, [125, 1])])
    func chunksAtTheProtocolLimits(table: ModbusTable, count: Int, sizes: [Int]) {
        let plan = ReadPlan(spans: [span(table, 0x1000, count)])
        #expect(plan.requests.map(\.count) == sizes)
        #expect(plan.requests.first?.address == 0x1000)
        #expect(zip(plan.requests, plan.requests.dropFirst()).allSatisfy { $0.end == $1.address })
    }
}

struct RawDecoderTests {
    // 0x41200000 = 10.0 as float32; 0x12345678 as uint32.
    @Test(arguments: [(WordOrder.abcd, [UInt16(0x1234), 0x5678]), (.cdab, [0x5678, 0x1234]),
                      (.badc, [0x3412, 0x7856]), (.dcba, [0x7856, 0x3412])])
    func wordOrders(order: WordOrder, words: [UInt16]) {
        #expect(RawDecoder.decode(registers: words, as: .uint32, order: order) == .integer(0x1234_5678))
        #expect(order.split(0x1234_5678) == (words[0], words[1]))
    }

    @Test func signedFloatBitAndString() {
        #expect(RawDecoder.decode(registers: [0xFFFE], as: .int16) == .integer(-2))
        #expect(RawDecoder.decode(registers: [0xFFFE], as: .uint16) == .integer(65534))
        #expect(RawDecoder.decode(registers: [0xFFFF, 0xFFFF], as: .int32) == .integer(-1))
        #expect(RawDecoder.decode(registers: [0x4120, 0x0000], as: .float32) == .number(10))
        #expect(RawDecoder.decode(registers: [0x0000, 0x4120], as: .float32, order: .cdab) == .number(10))
        #expect(RawDecoder.decode(registers: [0x0100], as: .bitInRegister, bit: 8) == .bool(true))
        #expect(RawDecoder.decode(registers: [0x0100], as: .bitInRegister, bit: 7) == .bool(false))
        #expect(RawDecoder.decode(registers: [0x4142, 0x4300, 0x0000], as: .string) == .text("ABC"))
        #expect(RawDecoder.decode(registers: [1], as: .bit) == .bool(true))
    }

    @Test func shortOrBadDataIsAnErrorValueNotACrash() {
        if case .error = RawDecoder.decode(registers: [0x4120], as: .float32) {} else { Issue.record("one register is not a float32") }
        if case .error = RawDecoder.decode(registers: [0x7FC0, 0x0000], as: .float32) {} else { Issue.record("NaN is not a reading") }
        if case .error = RawDecoder.decode(registers: [], as: .uint16) {} else { Issue.record("no data") }
        if case .error = RawDecoder.decode(registers: [1], as: .bitInRegister, bit: 16) {} else { Issue.record("bit 16") }
    }

    @Test func silentIntervalFollowsTheSerialLineSpec() {
        #expect(SerialLine(path: "/dev/x", baud: 9600).silentInterval == .microseconds(4011))
        #expect(SerialLine(path: "/dev/x", baud: 115200).silentInterval == .microseconds(1750))
    }

    @Test func crcOfAKnownFrame() {
        // Read 1 holding register at 0 from unit 1: 01 03 00 00 00 01 84 0A.
        #expect(ModbusCRC.framed([0x01, 0x03, 0x00, 0x00, 0x00, 0x01]) == [0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A])
        #expect(!ModbusCRC.isValid([0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0B]))
    }
}

struct AddressDecodingTests {
    func decode(_ yaml: String) throws -> ModbusAddress {
        try YAMLDecoder().decode(ModbusAddress.self, from: yaml)
    }

    @Test func hexAddressesAndDefaults() throws {
        let a = try decode("{table: discrete-input, address: 0x0100}")
        #expect(a.field.table == .discreteInput && a.field.address == 256 && a.field.type == .bit && !a.isBlock)
        let b = try decode("{table: holding, address: \"0x0002\", bit: 3}")
        #expect(b.field.type == .bitInRegister && b.field.bit == 3)
        let c = try decode("{table: hr, address: 6, type: float32, order: CDAB}")
        #expect(c.field.table == .holding && c.field.width == 2 && c.field.order == .cdab)
    }

    @Test func zoneBlockWithColumnsOfTheirOwn() throws {
        let a = try decode("""
        table: discrete-input
        count: 4
        columns:
          alarm: {address: 0x1001}
          bypassed: {address: 0x2001}
        """)
        #expect(a.field.address == 0x1001)
        #expect(a.spans == [ModbusSpan(table: .discreteInput, address: 0x1001, count: 4),
                            ModbusSpan(table: .discreteInput, address: 0x2001, count: 4)])
        #expect(a.rowIndex(0) == "1" && a.rowIndex(3) == "4")
        #expect(AlarmHostProbe.validate(a) == nil)
    }

    @Test func zoneWordsWithBitColumns() throws {
        let a = try decode("{table: holding, address: 0x0100, count: 256, columns: {fault: {bit: 1}, state: {type: uint16}}}")
        let columns = Dictionary(uniqueKeysWithValues: a.resolvedColumns.map { ($0.name, $0.field) })
        #expect(columns["fault"]?.type == .bitInRegister && columns["fault"]?.stride == 1)
        #expect(columns["state"]?.type == .uint16)
        #expect(a.spans.allSatisfy { $0.count == 256 })
    }

    @Test(arguments: [
        ("{table: holdings, address: 1}", "unknown table"),
        ("{table: holding, adress: 1}", "did you mean 'address'"),
        ("{table: holding}", "needs 'address'"),
        ("{table: holding, address: zero}", "not a whole number"),
        ("{table: coil, address: 1, columns: {a: {}}}", "need 'count'"),
    ])
    func mistakesAreNamed(yaml: String, message: String) {
        do {
            _ = try decode(yaml)
            Issue.record("\(yaml) must not decode")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test(arguments: [
        ("{table: coil, address: 1, type: uint16}", "holds single bits"),
        ("{table: holding, address: 1, type: bit}", "use bit: N"),
        ("{table: holding, address: 1, bit: 16}", "bit: 0…15"),
        ("{table: holding, address: 1, type: string}", "length"),
        ("{table: input, address: 65535, type: uint32}", "run past"),
        ("{table: discrete-input, address: 1, write: 1}", "only coils and holding registers"),
        ("{table: coil, address: 1, write: 2}", "0 or 1"),
    ])
    func validationNamesTheProblem(yaml: String, message: String) throws {
        let problem = AlarmHostProbe.validate(try decode(yaml))
        #expect(problem?.contains(message) == true, "\(problem ?? "nil")")
    }
}

struct ModbusErrorTests {
    @Test(arguments: ModbusException.allCases)
    func exceptionErrnoIsNamed(exception: ModbusException) {
        let errno = Int32(112_345_678) + Int32(exception.rawValue)
        let error = ModbusError.fromErrno(errno, function: .readDiscreteInputs, address: 0x0100, count: 8, device: "panel")
        #expect(error.kind == .exception(exception))
        #expect(error.reason == exception.description)
        #expect(error.description.contains("FC02 0x0100 ×8"))
    }

    @Test func timeoutsRefusalsAndWrongUnits() {
        #expect(ModbusError.fromErrno(ETIMEDOUT, function: .readCoils, address: 0, count: 1, device: "d").kind == .timeout)
        #expect(ModbusError.fromErrno(ECONNREFUSED, function: nil, address: nil, count: nil, device: "d", connecting: true).kind == .connect)
        #expect(ModbusError.fromErrno(112_345_678 + 0x0B + 6, function: .readCoils, address: 0, count: 1, device: "d").kind == .wrongUnit)
        #expect(ModbusError.fromErrno(112_345_678 + 0x0B + 1, function: .readCoils, address: 0, count: 1, device: "d").kind == .badReply)
    }
}
