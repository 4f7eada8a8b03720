import Testing
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
