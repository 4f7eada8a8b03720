import Testing
import CheckupCore
import Foundation
@testable import ModbusProbe

/// The image of a unit's replies: each item as the latest block that held it gave it.
struct RegisterImageTests {
    @Test func aLaterBlockStandsOverAnEarlierOneItemByItem() {
        var image = RegisterImage()
        image.store(registers: [1, 2, 3, 4, 5, 6], at: ModbusSpan(table: .holding, address: 100, count: 6))
        image.store(registers: [30, 40], at: ModbusSpan(table: .holding, address: 102, count: 2))
        image.store(bits: [true, false], at: ModbusSpan(table: .coil, address: 100, count: 2))
        #expect(image.words(.holding, 100, 2) == [1, 2])  // one block, nothing later over it
        #expect(image.words(.holding, 101, 4) == [2, 30, 40, 5])  // the later block in the middle
        #expect(image.words(.holding, 102, 2) == [30, 40])
        #expect(image.words(.holding, 104, 3) == nil)  // 106 was never read
        #expect(image.words(.coil, 100, 2) == [1, 0])  // another table, same addresses
        #expect(image.words(.input, 100, 1) == nil)
    }
}

/// A table point's evidence names each request once, in wire words only.
struct TablePointEvidenceTests {
    @Test func columnsInTheSameRegistersShowOneRead() throws {
        let zones = ModbusAddress(ModbusField(table: .holding, address: 0x0100), count: 4,
                                  columns: ["bypassed": ModbusColumn(bit: 0), "fault": ModbusColumn(bit: 1), "alarm": ModbusColumn(bit: 8)])
        var image = RegisterImage()
        let span = ModbusSpan(table: .holding, address: 0x0100, count: 4)
        image.store(registers: [0, 0x0002, 0, 0x0100], at: span)
        image.time(span, .milliseconds(5))
        let reading = PointDecoder(image: image).reading(of: Point(id: "zones", address: zones), at: .now)
        #expect(reading.evidence == "FC03 0x0100 ×4 → 4 rows")
        #expect(reading.duration == .milliseconds(5), "one read, timed once")
        guard case .table(let rows) = reading.value else { Issue.record("not a table: \(reading.value)"); return }
        #expect(rows.map { $0.cells["fault"] } == [.bool(false), .bool(true), .bool(false), .bool(false)])
        #expect(rows.map { $0.cells["alarm"] } == [.bool(false), .bool(false), .bool(false), .bool(true)])
    }

    @Test func columnsElsewhereShowEachReadInAddressOrder() throws {
        // Named so that their names sort against their addresses.
        let zones = ModbusAddress(ModbusField(table: .discreteInput, address: 0x1001), count: 8,
                                  columns: ["zz-alarm": ModbusColumn(address: 0x1001), "bypassed": ModbusColumn(address: 0x2001)])
        var image = RegisterImage()
        image.store(bits: Array(repeating: false, count: 8), at: ModbusSpan(table: .discreteInput, address: 0x1001, count: 8))
        image.store(bits: Array(repeating: true, count: 8), at: ModbusSpan(table: .discreteInput, address: 0x2001, count: 8))
        image.time(ModbusSpan(table: .discreteInput, address: 0x1001, count: 8), .milliseconds(2))
        image.time(ModbusSpan(table: .discreteInput, address: 0x2001, count: 8), .milliseconds(3))
        let reading = PointDecoder(image: image).reading(of: Point(id: "zones", address: zones), at: .now)
        #expect(reading.evidence == "FC02 0x1001 ×8; FC02 0x2001 ×8 → 8 rows")
        #expect(reading.duration == .milliseconds(5))
    }
}
