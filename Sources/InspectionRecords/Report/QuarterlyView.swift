import CheckupCore
import Foundation

/// The context of the quarterly templates (keys in Templates/README.md).
enum QuarterlyView {
    static func context(_ q: QuarterlyReport, lang: Language, timeZone: TimeZone = .current, now: Date = Date()) -> [String: Any] {
        let labels = RecordLabels.dictionary(lang)
        let sep = lang == .zh ? "、" : ", "
        let time = DateFormatter()
        time.dateFormat = "yyyy-MM-dd HH:mm"
        time.timeZone = timeZone
        time.locale = Locale(identifier: "en_US_POSIX")
        return [
            "lang": lang.rawValue,
            "labels": labels,
            "siteId": q.siteId, "client": q.client, "site": q.site, "quarter": q.quarter,
            "months": q.months.map { m in
                ["month": m.month, "version": m.version.map { "v\($0)" } ?? "", "shortHash": String(m.contentHash.prefix(12)),
                 "faultsFound": "\(m.faultsFound)", "clearedOnSite": "\(m.clearedOnSite)", "pending": "\(m.pending)",
                 "toCheck": "\(m.toCheck)", "incomplete": m.incomplete] as [String: Any]
            },
            "hasMissing": !q.missingMonths.isEmpty,
            "missingMonths": q.missingMonths.joined(separator: sep),
            "devices": q.devices.map { d in
                ["id": d.deviceId, "device": d.device, "inspections": "\(d.inspections)", "online": "\(d.online)",
                 "availability": String(format: "%.0f %%", d.availability * 100), "low": d.availability < 1,
                 "abnormalRows": "\(d.abnormalRows)", "abnormalMonths": d.abnormalMonths.joined(separator: sep)] as [String: Any]
            },
            "faultsFound": "\(q.faultsFound)", "clearedOnSite": "\(q.clearedOnSite)",
            "recurring": q.recurring.map { r in
                ["id": r.deviceId, "device": r.device, "months": r.months.joined(separator: sep),
                 "items": r.items.map { $0.text(lang) }.joined(separator: sep)] as [String: Any]
            },
            "hasRecurring": !q.recurring.isEmpty,
            "openItems": q.openItems.map { o in
                ["month": o.month, "section": o.section.title.text(lang), "key": o.key, "device": o.device,
                 "item": o.item.text(lang), "result": o.result.title.text(lang), "abnormal": o.result == .abnormal,
                 "observed": o.observed, "handling": o.handling] as [String: Any]
            },
            "hasOpenItems": !q.openItems.isEmpty,
            "callOuts": q.callOuts.map { e in
                ["id": "\(e.id ?? 0)", "device": e.device ?? "", "calledAt": time.string(from: e.calledAt),
                 "reported": e.reported, "deadline": e.deadline.map { time.string(from: $0) } ?? "",
                 "arrivedAt": e.arrivedAt.map { time.string(from: $0) } ?? "",
                 "resolvedAt": e.resolvedAt.map { time.string(from: $0) } ?? "",
                 "overdue": e.isOverdue(now: now), "handling": e.handling ?? ""] as [String: Any]
            },
            "hasCallOuts": !q.callOuts.isEmpty,
            "overdueCallOuts": "\(q.overdueCallOuts)",
        ]
    }
}

extension RecordRenderer {
    /// Renders a quarterly report as HTML or Markdown (the other formats: encode the report as JSON).
    public func render(_ report: QuarterlyReport, format: RecordFormat, lang: Language,
                       timeZone: TimeZone = .current, now: Date = Date()) throws(RecordError) -> String {
        let context = QuarterlyView.context(report, lang: lang, timeZone: timeZone, now: now)
        switch format {
        case .html: return try templates.render("quarterly.html", context)
        case .markdown: return try templates.render("quarterly.md", context)
        case .json:
            do { return String(decoding: try RecordCoding.encoder().encode(report), as: UTF8.self) + "\n" } catch {
                throw RecordError("quarterly JSON: \(error)")
            }
        case .csv, .pdf: throw RecordError("the quarterly report comes as html, md or json")
        }
    }
}
