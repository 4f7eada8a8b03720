import Foundation

/// Month (`YYYY-MM`) and quarter (`YYYYQn`) names as the CLI and the store spell them.
public enum Period {
    /// Checks a `YYYY-MM` month; the error says what was expected.
    public static func validateMonth(_ month: String) throws(RecordError) {
        let parts = month.split(separator: "-")
        guard month.count == 7, parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              parts[0].count == 4, (1...12).contains(m), y > 1900 else {
            throw RecordError("month '\(month)': expected YYYY-MM, e.g. 2026-11")
        }
    }

    /// The three months of a quarter `2026Q4` → [2026-10, 2026-11, 2026-12].
    public static func months(ofQuarter quarter: String) throws(RecordError) -> [String] {
        let q = quarter.uppercased()
        let parts = q.split(separator: "Q")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let n = Int(parts[1]), (1...4).contains(n) else {
            throw RecordError("quarter '\(quarter)': expected YYYYQn, e.g. 2026Q4")
        }
        return (0..<3).map { String(format: "%04d-%02d", y, (n - 1) * 3 + 1 + $0) }
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
