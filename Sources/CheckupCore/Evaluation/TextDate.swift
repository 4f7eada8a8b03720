package import Foundation

/// Dates written as text, as firmware does (HIK-DEVICE-MIB sysTime, `clock` conditions), read
/// and written in one place. The common shapes are scanned by hand: one formatter per value
/// costs more than the whole SNMP exchange at a thousand cameras.
package enum TextDate: Sendable {
    /// ISO 8601 with or without a zone, `yyyy-MM-dd HH:mm:ss`, `yyyy/MM/dd HH:mm:ss`,
    /// `yyyy-MM-dd,HH:mm:ss.S`, `MM/dd/yyyy HH:mm:ss`; without a zone the text is read in `timeZone`.
    package static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let date = scan(Array(trimmed.utf8), timeZone: timeZone) { return date }
        return lenient(trimmed, timeZone: timeZone)
    }

    /// `2026-11-05T08:00:00Z`: the form evidence and observed values use.
    package static func iso8601(_ date: Date) -> String {
        // By hand within years 1583…9999 (a clock check's every reading; Foundation's format style
        // was a tenth of judging a camera), whole seconds as the style prints them. Earlier dates
        // are Foundation's: its calendar is Julian before October 1582.
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 2.5e11 else { return date.formatted(.iso8601) }
        let total = Int(seconds)
        let (days, secondOfDay) = (total.floorDivided(by: 86_400), total.floorModulo(86_400))
        // Howard Hinnant's civil-from-days: the proleptic Gregorian date of a day count from 1970.
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (1583...9999).contains(year) else { return date.formatted(.iso8601) }
        var text: [UInt8] = []
        text.reserveCapacity(20)
        func put(_ value: Int, _ digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 { text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10)); divisor /= 10 }
        }
        put(year, 4); text.append(UInt8(ascii: "-")); put(month, 2); text.append(UInt8(ascii: "-")); put(day, 2)
        text.append(UInt8(ascii: "T")); put(secondOfDay / 3600, 2); text.append(UInt8(ascii: ":"))
        put(secondOfDay / 60 % 60, 2); text.append(UInt8(ascii: ":")); put(secondOfDay % 60, 2); text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// `Y-M-D`, `Y/M/D` or `M/D/Y`, then `T`, a space or a comma, `h:m:s`, optional `.fraction`,
    /// optional `Z`, `±hh:mm` or `±hhmm`.
    private static func scan(_ b: [UInt8], timeZone: TimeZone) -> Date? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var n = 0
            for k in i..<(i + digits) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[k]) else { return nil }
                n = n * 10 + Int(b[k] - UInt8(ascii: "0"))
            }
            i += digits
            return n
        }
        func skip(_ allowed: String) -> Bool {
            guard i < b.count, allowed.utf8.contains(b[i]) else { return false }
            i += 1
            return true
        }
        var parts = DateComponents()
        if b.count > 2, b[2] == UInt8(ascii: "/") {  // MM/dd/yyyy
            guard let m = number(2), skip("/"), let d = number(2), skip("/"), let y = number(4) else { return nil }
            (parts.year, parts.month, parts.day) = (y, m, d)
        } else {
            guard let y = number(4), skip("-/") else { return nil }
            let sep = b[i - 1]
            guard let m = number(2), i < b.count, b[i] == sep, skip("-/"), let d = number(2) else { return nil }
            (parts.year, parts.month, parts.day) = (y, m, d)
        }
        guard skip("T ,"), let h = number(2), skip(":"), let mi = number(2), skip(":"), let s = number(2) else { return nil }
        (parts.hour, parts.minute, parts.second) = (h, mi, s)
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
            guard i > start, let fraction = Double("0." + String(decoding: b[start..<i], as: UTF8.self)) else { return nil }
            parts.nanosecond = Int(fraction * 1e9)
        }
        var zone = timeZone
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") {
                i += 1
                zone = TimeZone(secondsFromGMT: 0)!
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let zh = number(2) else { return nil }
                _ = skip(":")
                guard let zm = number(2), let z = TimeZone(secondsFromGMT: sign * (zh * 3600 + zm * 60)) else { return nil }
                zone = z
            }
        }
        guard i == b.count, (1...12).contains(parts.month!), (1...31).contains(parts.day!),
              h < 24, mi < 60, s < 61 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        parts.timeZone = zone
        guard let date = calendar.date(from: parts),
              calendar.component(.day, from: date) == parts.day else { return nil }  // no 31 February
        return date
    }

    /// Whatever the scanner does not take (single-digit fields and the like), as formatters read it.
    private static func lenient(_ text: String, timeZone: TimeZone) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssZ",
                       "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd,HH:mm:ss.S", "MM/dd/yyyy HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

private extension Int {
    func floorDivided(by d: Int) -> Int { (self >= 0 ? self : self - d + 1) / d }
    func floorModulo(_ d: Int) -> Int { self - floorDivided(by: d) * d }
}
