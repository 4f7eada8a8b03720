import CheckupCore
import Foundation
import Testing

/// One reading of a day (`--on`, `--today`, `--date`, a visit plan's due day).
struct DayTests {
    @Test(arguments: ["2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-11-00", "2026-11-1", "2026-11-+1",
                      "2026/11/21", "26-11-21", "2026-11-21T08", "", "1999-12-31", "2100-02-29"])
    func daysTheCalendarLacksAreRefused(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func daysReadWriteAndOrder() throws {
        let leap = try #require(Day("2024-02-29"))
        #expect(leap.description == "2024-02-29" && leap.month == Month("2024-02") && leap.number == 29)
        #expect(Day("2000-02-29") != nil, "2000 is a leap year (divisible by 400)")
        #expect(try #require(Day("2026-11-30")) < #require(Day("2026-12-01")))
        #expect(try #require(Day("2026-12-09")) < #require(Day("2026-12-10")))
        #expect(Month("2026-02")?.days == 28 && Month("2026-11")?.days == 30 && Month("2026-12")?.days == 31)
    }

    @Test func theDayADateFallsOnIsReadInTheGivenTimeZone() throws {
        // 2026-11-30 20:00 UTC is already 1 December in Shanghai (UTC+8).
        let date = try #require(ISO8601DateFormatter().date(from: "2026-11-30T20:00:00Z"))
        #expect(Day(containing: date, in: try #require(TimeZone(identifier: "UTC"))).description == "2026-11-30")
        #expect(Day(containing: date, in: try #require(TimeZone(identifier: "Asia/Shanghai"))).description == "2026-12-01")
    }
}
