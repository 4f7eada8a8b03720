package import Foundation

/// When a site is due for its inspection, from its maintenance contract (the 维护工作周期表):
/// every N months from a first month, by a day of the month; a key site may have its own
/// plan of dates, and holiday-duty days.
package struct VisitPlan: Sendable, Codable, Hashable {
    /// Months between visits: 1 = monthly (the default), 3 = quarterly.
    package var everyMonths: Int
    /// The first month of the cycle, `YYYY-MM` (nil: every month counts from January).
    package var from: String?
    /// Day of the month by which the visit is due (nil: the month's last day).
    package var dueDay: Int?
    /// A key site's own plan: the visit days, `YYYY-MM-DD`, replacing the cycle.
    package var dates: [String]
    /// Holiday duty days, `YYYY-MM-DD`.
    package var holidayDuty: [String]

    package init(everyMonths: Int = 1, from: String? = nil, dueDay: Int? = nil, dates: [String] = [], holidayDuty: [String] = []) {
        self.everyMonths = everyMonths
        self.from = from
        self.dueDay = dueDay
        self.dates = dates
        self.holidayDuty = holidayDuty
    }

    enum CodingKeys: String, CodingKey {
        case everyMonths = "every-months", from, dueDay = "due-day", dates, holidayDuty = "holiday-duty"
    }

    /// The day the visit of `month` is due, `YYYY-MM-DD`; nil when the month has no visit.
    package func dueDate(in month: String) -> String? {
        if !dates.isEmpty { return dates.filter { $0.hasPrefix(month + "-") }.max() }
        guard let month = Month(month) else { return nil }
        if let from, let start = Month(from) {
            let offset = (month.year - start.year) * 12 + (month.number - start.number)
            guard offset >= 0, offset % max(1, everyMonths) == 0 else { return nil }
        } else if (month.number - 1) % max(1, everyMonths) != 0 {
            return nil
        }
        return Day(month: month, number: min(dueDay ?? month.days, month.days))?.description
    }
}

/// The inventory file a stored site came from, and its SHA-256.
package struct SiteOrigin: Sendable, Codable, Hashable {
    package var file: String
    package var sha256: String
    package var importedAt: Date

    package init(file: String, sha256: String, importedAt: Date) {
        self.file = file
        self.sha256 = sha256
        self.importedAt = importedAt
    }
}

/// The technician assigned to a site: a stable id (for the office's statistics) and a display name.
package struct Technician: Sendable, Codable, Hashable {
    package var id: String
    package var name: String

    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
