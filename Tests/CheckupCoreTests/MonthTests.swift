import CheckupCore
import Foundation
import Testing

/// One reading of a month and a quarter, for every command, inventory and store.
struct MonthTests {
    @Test(arguments: ["26-11", "2026-13", "2026-00", "2026-+1", "2026-1", "2026/11", "+026-11", "2026-11-01", "", "1999-12", "2101-01"])
    func malformedMonthsAreRefused(text: String) {
        #expect(Month(text) == nil)
    }

    @Test func monthsReadWriteAndOrder() throws {
        let november = try #require(Month("2026-11"))
        #expect(november.description == "2026-11")
        #expect(november < Month("2027-01")!)
        #expect(Month(containing: Date(timeIntervalSince1970: 1_796_000_000), in: TimeZone(identifier: "UTC")!).description == "2026-11")
    }

    @Test(arguments: ["2026QQ4", "2026Q0", "2026Q5", "26Q4", "2026Q4x", "Q4", "+026Q4", "2026-Q4", "", "1999Q4"])
    func malformedQuartersAreRefused(text: String) {
        #expect(Quarter(text) == nil)
    }

    @Test func aQuarterHoldsItsThreeMonths() throws {
        let q = try #require(Quarter("2026q4"))
        #expect(q.description == "2026Q4")
        #expect(q.months.map(\.description) == ["2026-10", "2026-11", "2026-12"])
    }
}
