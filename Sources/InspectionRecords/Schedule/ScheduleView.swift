package import CheckupCore
import Foundation

/// The cycle table on paper (`schedule.html`) and as CSV, in one language.
enum ScheduleView {
    static let words: [String: LocalizedText] = [
        "title": LocalizedText(zh: "维护工作周期表", en: "Maintenance Cycle Table"),
        "period": LocalizedText(zh: "期间", en: "Period"),
        "today": LocalizedText(zh: "制表日期", en: "As of"),
        "month": LocalizedText(zh: "月份", en: "Month"),
        "client": LocalizedText(zh: "客户", en: "Client"),
        "site": LocalizedText(zh: "场所", en: "Site"),
        "technician": LocalizedText(zh: "负责人员", en: "Technician"),
        "due": LocalizedText(zh: "计划日期", en: "Due"),
        "state": LocalizedText(zh: "状态", en: "State"),
        "version": LocalizedText(zh: "记录版本", en: "Record"),
        "signed": LocalizedText(zh: "客户签字", en: "Signed"),
        "holidayDuty": LocalizedText(zh: "节假日值守", en: "Holiday duty"),
        "overdueCount": LocalizedText(zh: "超期场所数", en: "Sites overdue"),
    ]

    static func rows(_ s: MaintenanceSchedule, lang: Language) -> [[String]] {
        s.entries.map { e in
            [e.month, e.client, e.site, e.technician ?? "", e.dueDate ?? "", e.state.title.text(lang),
             e.version.map { "v\($0) · \(e.shortHash ?? "")" } ?? "", e.signedBy ?? "", e.holidayDuty.joined(separator: " ")]
        }
    }

    static let columns = ["month", "client", "site", "technician", "due", "state", "version", "signed", "holidayDuty"]

    static func context(_ s: MaintenanceSchedule, lang: Language) -> [String: Any] {
        let labels = words.mapValues { $0.text(lang) }
        return [
            "lang": lang.rawValue, "labels": labels, "colon": lang == .zh ? "：" : ": ",
            "period": s.months.count == 1 ? s.months[0] : "\(s.months.first ?? "")…\(s.months.last ?? "")",
            "today": s.today, "overdueCount": "\(s.overdue.count)",
            "header": columns.map { labels[$0] ?? $0 },
            "rows": zip(s.entries, rows(s, lang: lang)).map { e, cells in
                ["cells": cells, "overdue": e.state == .overdue, "done": e.state == .done] as [String: Any]
            },
        ]
    }
}

extension RecordRenderer {
    /// The cycle table as HTML (for a browser or the PDF engine).
    package func scheduleHTML(_ schedule: MaintenanceSchedule, lang: Language) throws(RecordError) -> String {
        try templates.render("schedule.html", ScheduleView.context(schedule, lang: lang))
    }

    /// The cycle table as CSV (BOM, a header row in the language), for a spreadsheet.
    package static func scheduleCSV(_ schedule: MaintenanceSchedule, lang: Language) -> String {
        let header = ScheduleView.columns.map { ScheduleView.words[$0]?.text(lang) ?? $0 }
        let lines = ([header] + ScheduleView.rows(schedule, lang: lang)).map { $0.map(CSVTable.escape).joined(separator: ",") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
