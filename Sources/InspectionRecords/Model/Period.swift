import Foundation

/// Month (`YYYY-MM`) and quarter (`YYYYQn`) names as the CLI and the store spell them.
public enum Period {
    /// Checks a `YYYY-MM` month (four digits, a dash, two digits 01–12); the error says what was expected.
    public static func validateMonth(_ month: String) throws(RecordError) {
        let c = Array(month.utf8)
        guard c.count == 7, c[4] == UInt8(ascii: "-"), digits(c[0..<4]), digits(c[5..<7]),
              let y = Int(month.prefix(4)), let m = Int(month.suffix(2)), (1...12).contains(m), y > 1900 else {
            throw RecordError("month '\(month)': expected YYYY-MM, e.g. 2026-11")
        }
    }

    /// Checks a `YYYYQn` quarter (`2026Q4`, `q` accepted); the error says what was expected.
    public static func validateQuarter(_ quarter: String) throws(RecordError) {
        _ = try months(ofQuarter: quarter)
    }

    /// The three months of a quarter `2026Q4` → [2026-10, 2026-11, 2026-12].
    public static func months(ofQuarter quarter: String) throws(RecordError) -> [String] {
        let c = Array(quarter.uppercased().utf8)
        guard c.count == 6, digits(c[0..<4]), c[4] == UInt8(ascii: "Q"), (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(c[5]),
              let y = Int(quarter.prefix(4)), y > 1900 else {
            throw RecordError("quarter '\(quarter)': expected YYYYQn, e.g. 2026Q4")
        }
        let n = Int(c[5] - UInt8(ascii: "0"))
        return (0..<3).map { String(format: "%04d-%02d", y, (n - 1) * 3 + 1 + $0) }
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The inspection date of a run for `month`: `given` (YYYY-MM-DD) if inside the month and not
    /// in the future; without one, today when `month` is this month. A past month needs the date
    /// (the record states the day of the visit); a future month is refused.
    public static func inspectionDate(_ given: String?, month: String, now: Date = Date(),
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
        guard given.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil,
              let parsed = Self.parseDay(given, in: timeZone), day(of: parsed, in: timeZone) == given else {
            throw RecordError("--date '\(given)': expected a day YYYY-MM-DD, e.g. \(today)")
        }
        guard given.hasPrefix(month + "-") else {
            throw RecordError("--date \(given) is not in the month inspected (\(month))")
        }
        guard given <= today else { throw RecordError("--date \(given) is in the future (today is \(today))") }
        return given
    }

    static func parseDay(_ text: String, in timeZone: TimeZone) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text)
    }

    /// The month a date falls in, in a time zone.
    public static func month(of date: Date, in timeZone: TimeZone = .current) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
    }

    /// `YYYY-MM-DD` of a date in a time zone.
    public static func day(of date: Date, in timeZone: TimeZone = .current) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
