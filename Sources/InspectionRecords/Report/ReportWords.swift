import CheckupCore
import Foundation

/// How numbers, times and periods read on a page in one language.
struct ReportWords {
    var lang: Language
    var timeZone: TimeZone

    var separator: String { lang == .zh ? "、" : ", " }

    /// After a label: the full-width colon on a Chinese page.
    var colon: String { lang == .zh ? "：" : ": " }

    /// `67 %`, or 无数据 / no data when there was nothing to count (never 0 % of 0).
    func percent(_ share: Double?) -> String {
        guard let share else { return RecordLabels.text("noData", lang) }
        return String(format: "%.0f %%", share * 100)
    }

    /// `2026年第4季度` on a Chinese page (no Latin letter), `2026Q4` on an English one.
    func quarter(_ q: String) -> String {
        lang == .zh ? "\(q.prefix(4))年第\(q.suffix(1))季度" : q
    }

    func time(_ date: Date?) -> String {
        guard let date else { return "" }
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm"
        f.timeZone = timeZone
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: date)
    }

    var notArrived: String { DeadlineVerdict.awaitingArrival.title.text(lang) }
}
