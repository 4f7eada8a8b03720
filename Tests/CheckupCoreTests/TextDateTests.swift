import Foundation
import Testing
@testable import CheckupCore

@Suite struct TextDateTests {
    let utc = TimeZone(identifier: "UTC")!
    let beijing = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-11-05 08:09:10 UTC.
    let instant = Date(timeIntervalSince1970: 1_793_866_150)

    @Test func firmwareShapesAllReadTheSameInstant() throws {
        for text in ["2026-11-05T08:09:10Z", "2026-11-05T16:09:10+08:00", "2026-11-05 16:09:10+0800",
                     "2026-11-05 08:09:10", "2026-11-05T08:09:10", "2026/11/05 08:09:10", "2026-11-05,08:09:10.0",
                     "11/05/2026 08:09:10", "  2026-11-05 08:09:10\n"] {
            #expect(TextDate.parse(text, timeZone: text.contains("+") || text.contains("Z") ? beijing : utc) == instant, "\(text)")
        }
    }

    @Test func aZonelessTextIsReadInTheGivenZone() {
        #expect(TextDate.parse("2026-11-05 16:09:10", timeZone: beijing) == instant)
    }

    @Test func fractionsAreKept() throws {
        let date = try #require(TextDate.parse("2026-11-05,08:09:10.5", timeZone: utc))
        #expect(abs(date.timeIntervalSince(instant) - 0.5) < 0.001)
    }

    @Test func impossibleOrForeignTextIsNoDate() {
        for text in ["2026-02-31 08:00:00", "2026-13-01 08:00:00", "2026-11-05 25:00:00", "yesterday", "",
                     "2026-11-05"] {
            #expect(TextDate.parse(text, timeZone: utc) == nil, "\(text)")
        }
    }

    @Test func writtenAsISO8601InUTC() {
        #expect(TextDate.iso8601(instant) == "2026-11-05T08:09:10Z")
    }

    /// Written by hand, as Foundation's ISO 8601 style writes it: leap days, centuries, before
    /// 1970, fractions of a second, the Julian calendar before 1582, the end of 9999 and beyond.
    @Test func writtenAsFoundationWritesIt() {
        var instants: [Double] = [0, -0.5, 0.999, -1, 951_782_400, 951_868_799.9, 4_107_542_400, -2_208_988_800,
                                  -62_135_596_800, -62_135_596_801, -12_219_292_800, -12_219_292_801, -12_212_553_601, 253_402_300_799, 253_402_300_800, 1e12, -1e12, 1_796_350_000.25]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { instants.append(Double.random(in: -62_000_000_000...253_000_000_000, using: &generator)) }
        for t in instants {
            let date = Date(timeIntervalSince1970: t)
            #expect(TextDate.iso8601(date) == date.formatted(.iso8601), "\(t)")
        }
    }
}
