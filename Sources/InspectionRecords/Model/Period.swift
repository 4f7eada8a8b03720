import CheckupCore
package import Foundation

/// Months and quarters as the store spells them (`YYYY-MM`, `YYYYQn`), read by CheckupCore's
/// `Month` and `Quarter`: the one decision of what a period is.
package enum Period: Sendable {
    /// Checks a `YYYY-MM` month; the error says what was expected.
    package static func validateMonth(_ month: String) throws(RecordError) {
        guard Month(month) != nil else { throw RecordError("month '\(month)': expected \(Month.expected)") }
    }

    /// Checks a `YYYYQn` quarter (`2026Q4`, `q` accepted); the error says what was expected.
    package static func validateQuarter(_ quarter: String) throws(RecordError) {
        _ = try months(ofQuarter: quarter)
    }

    /// The three months of a quarter `2026Q4` → [2026-10, 2026-11, 2026-12].
    package static func months(ofQuarter quarter: String) throws(RecordError) -> [String] {
        guard let q = Quarter(quarter) else { throw RecordError("quarter '\(quarter)': expected \(Quarter.expected)") }
        return q.months.map(\.description)
    }

    /// The inspection date of a run for `month`: `given` (YYYY-MM-DD) if inside the month and not
    /// in the future; without one, today when `month` is this month. A past month needs the date
    /// (the record states the day of the visit); a future month is refused.
    package static func inspectionDate(_ given: String?, month: String, now: Date = Date(),
                                      in timeZone: TimeZone = .current) throws(RecordError) -> String {
        try validateMonth(month)
        let today = day(of: now, in: timeZone)
        let thisMonth = String(today.prefix(7))
        guard month <= thisMonth else {
            throw RecordError("month \(month) is in the future (today is \(today)); a record states what was inspected")
        }
        guard let given else {
            guard month == thisMonth else {
                throw RecordError("--date YYYY-MM-DD is needed for a past month (\(month)): the record states the day of the visit")
            }
            return today
        }
        guard Day(given) != nil else {
            throw RecordError("--date '\(given)': expected a day YYYY-MM-DD, e.g. \(today)")
        }
        guard given.hasPrefix(month + "-") else {
            throw RecordError("--date \(given) is not in the month inspected (\(month))")
        }
        guard given <= today else { throw RecordError("--date \(given) is in the future (today is \(today))") }
        return given
    }

    /// The month a date falls in, in a time zone.
    package static func month(of date: Date, in timeZone: TimeZone = .current) -> String {
        Month(containing: date, in: timeZone).description
    }

    /// `YYYY-MM-DD` of a date in a time zone.
    package static func day(of date: Date, in timeZone: TimeZone = .current) -> String {
        Day(containing: date, in: timeZone).description
    }
}
