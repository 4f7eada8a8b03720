package import Foundation

/// A calendar month, `YYYY-MM`: the period a monthly record covers. The one reading of a month
/// for every command, inventory and store, so a month valid in one place is valid in all.
package struct Month: Sendable, Hashable, Comparable, LosslessStringConvertible {
    /// The years checkup keeps records for; `--year` options take the same range.
    package static let years = 2000...2100
    /// What a month looks like, for messages.
    package static let expected = "YYYY-MM, e.g. 2026-11"

    package let year: Int
    /// 1–12.
    package let number: Int

    package init?(year: Int, number: Int) {
        guard Self.years.contains(year), (1...12).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Exactly `YYYY-MM`: four digits, a dash, two digits.
    package init?(_ text: String) {
        let c = Array(text.utf8)
        guard c.count == 7, c[4] == UInt8(ascii: "-"), Self.digits(c[0..<4]), Self.digits(c[5..<7]),
              let year = Int(text.prefix(4)), let number = Int(text.suffix(2)) else { return nil }
        self.init(year: year, number: number)
    }

    /// The month `date` falls in, in a time zone.
    package init(containing date: Date, in timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month], from: date)
        year = c.year ?? 0
        number = c.month ?? 1
    }

    package var description: String { String(format: "%04d-%02d", year, number) }

    package static func < (a: Month, b: Month) -> Bool { (a.year, a.number) < (b.year, b.number) }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// A calendar quarter, `YYYYQn` (`q` accepted): the period of a quarterly report.
package struct Quarter: Sendable, Hashable, LosslessStringConvertible {
    package static let expected = "YYYYQn, e.g. 2026Q4"

    package let year: Int
    /// 1–4.
    package let number: Int

    package init?(year: Int, number: Int) {
        guard Month.years.contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    package init?(_ text: String) {
        let c = Array(text.uppercased().utf8)
        guard c.count == 6, Month.digits(c[0..<4]), c[4] == UInt8(ascii: "Q"), Month.digits(c[5...]),
              let year = Int(text.prefix(4)) else { return nil }
        self.init(year: year, number: Int(c[5] - UInt8(ascii: "0")))
    }

    /// Its three months, in order: 2026Q4 → 2026-10, 2026-11, 2026-12.
    package var months: [Month] {
        (1...3).compactMap { Month(year: year, number: (number - 1) * 3 + $0) }
    }

    package var description: String { "\(year)Q\(number)" }
}
