package import Foundation

/// A calendar day, `YYYY-MM-DD`: a visit, a signature, a feedback form, the day a schedule is
/// judged on. The one reading of a day for every option and file, as `Month` is of a month.
package struct Day: Sendable, Hashable, Comparable, LosslessStringConvertible {
    /// What a day looks like, for messages.
    package static let expected = "YYYY-MM-DD, e.g. 2026-11-21"

    package let month: Month
    /// 1–31, within the month's length.
    package let number: Int

    package init?(month: Month, number: Int) {
        guard (1...month.days).contains(number) else { return nil }
        self.month = month
        self.number = number
    }

    /// Exactly `YYYY-MM-DD`, a day the calendar has (no 2026-02-30).
    package init?(_ text: String) {
        let c = Array(text.utf8)
        guard c.count == 10, c[7] == UInt8(ascii: "-"), Month.digits(c[8..<10]),
              let month = Month(String(text.prefix(7))), let number = Int(text.suffix(2)) else { return nil }
        self.init(month: month, number: number)
    }

    /// The day `date` falls on, in a time zone.
    package init(containing date: Date, in timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        month = Month(containing: date, in: timeZone)
        number = calendar.component(.day, from: date)
    }

    /// Today on this machine's clock and in its time zone.
    package static var today: Day { Day(containing: Date()) }

    package var description: String { "\(month)-" + String(format: "%02d", number) }

    package static func < (a: Day, b: Day) -> Bool { (a.month, a.number) < (b.month, b.number) }
}

extension Month {
    /// How many days the month has (28–31).
    package var days: Int {
        switch number {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
