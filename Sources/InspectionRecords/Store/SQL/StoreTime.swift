import Foundation

/// Times in the store: `YYYY-MM-DD HH:MM:SS.SSS` in UTC, fixed width, so text order is time
/// order in both backends and files written by earlier versions (through GRDB) read unchanged.
enum StoreTime {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Fixed-width digits by hand, not String(format:): every row a run commits has a time.
        var text: [UInt8] = []
        text.reserveCapacity(23)
        func put(_ value: Int, _ width: Int, then separator: Character?) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var n = value
            for i in stride(from: width - 1, through: 0, by: -1) { digits[i] += UInt8(n % 10); n /= 10 }
            text += digits
            if let separator { text.append(separator.asciiValue ?? 0) }
        }
        put(Int(parts.tm_year) + 1900, 4, then: "-"); put(Int(parts.tm_mon) + 1, 2, then: "-")
        put(Int(parts.tm_mday), 2, then: " "); put(Int(parts.tm_hour), 2, then: ":"); put(Int(parts.tm_min), 2, then: ":")
        put(Int(parts.tm_sec), 2, then: "."); put(Int(milliseconds - milliseconds.floorDivided(by: 1000) * 1000), 3, then: nil)
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads `YYYY-MM-DD HH:MM[:SS[.SSS]]` (UTC), with `T` or a space; nil for anything else.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var n = 0
            for b in bytes[range] {
                guard b >= 48, b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard bytes.count >= 16, let year = number(0..<4), bytes[4] == 45, let month = number(5..<7), bytes[7] == 45,
              let day = number(8..<10), bytes[10] == 32 || bytes[10] == 84, let hour = number(11..<13), bytes[13] == 58,
              let minute = number(14..<16) else { return nil }
        var second = 0
        var fraction = 0.0
        if bytes.count > 16 {
            guard bytes[16] == 58, let s = number(17..<19) else { return nil }
            second = s
            if bytes.count > 19 {
                guard bytes[19] == 46, bytes.count > 20, let f = number(20..<bytes.count) else { return nil }
                fraction = Double(f) / pow(10, Double(bytes.count - 20))
            }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)) + fraction)
    }
}

private extension Int64 {
    func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
