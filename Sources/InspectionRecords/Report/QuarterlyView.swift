import CheckupCore
import Foundation

/// The context of the quarterly templates (keys in Templates/README.md). Every word on the
/// page comes from the labels in the page's language: no ids, flags or paths.
enum QuarterlyView {
    static func context(_ q: QuarterlyReport, lang: Language, timeZone: TimeZone = .current) -> [String: Any] {
        let labels = RecordLabels.dictionary(lang)
        let words = ReportWords(lang: lang, timeZone: timeZone)
        return [
            "lang": lang.rawValue,
            "colon": words.colon,
            "labels": labels,
            "client": q.client,
            "quarter": words.quarter(q.quarter),
            "sites": q.sites.map { site(words, $0) },
            "faultsFound": "\(q.faultsFound)", "clearedOnSite": "\(q.clearedOnSite)", "pending": "\(q.pending)",
            "callOuts": q.callOuts.enumerated().map { n, c in callOut(words, c, number: n + 1) },
            "hasCallOuts": !q.callOuts.isEmpty,
            "onTimeCallOuts": "\(q.onTimeCallOuts)", "lateCallOuts": "\(q.lateCallOuts)",
            "onTimeRate": words.percent(q.onTimeRate),
        ]
    }

    static func site(_ words: ReportWords, _ s: SiteQuarter) -> [String: Any] {
        let recorded = Dictionary(s.months.map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
        let months = s.months.map(\.month) + s.missingMonths
        return [
            "site": s.site, "address": s.address ?? "", "contract": s.contract ?? "",
            "quarterMonths": months.sorted(),
            "months": months.sorted().map { month -> [String: Any] in
                guard let m = recorded[month] else { return ["month": month, "missing": true] }
                return ["month": month, "missing": false, "version": m.version.map { "\($0)" } ?? "",
                        "shortHash": String(m.contentHash.prefix(12)), "faultsFound": "\(m.faultsFound)",
                        "clearedOnSite": "\(m.clearedOnSite)", "pending": "\(m.pending)", "attention": "\(m.attention)",
                        "toCheck": "\(m.toCheck)", "incomplete": m.incomplete]
            },
            "hasIncomplete": s.months.contains { $0.incomplete },
            "hasMissing": !s.missingMonths.isEmpty,
            "missingMonths": s.missingMonths.joined(separator: words.separator),
            "availability": words.percent(s.availability),
            "devices": s.devices.map { d in
                ["device": d.device, "inspections": "\(d.inspections)", "online": "\(d.online)",
                 "availability": words.percent(d.availability), "noData": d.availability == nil,
                 "low": (d.availability ?? 1) < 1, "abnormalRows": "\(d.abnormalRows)",
                 "monthly": d.monthly.map { m in
                     ["answer": m.answer.title.text(words.lang), "offline": m.answer == .offline,
                      "noData": m.answer == .noData] as [String: Any]
                 },
                 "abnormalMonths": d.abnormalMonths.joined(separator: words.separator)] as [String: Any]
            },
            "faultsFound": "\(s.faultsFound)", "clearedOnSite": "\(s.clearedOnSite)", "pending": "\(s.pending)",
            "attention": "\(s.attention)",
            "recurring": s.recurring.map { r in
                ["device": r.device, "months": r.months.joined(separator: words.separator),
                 "items": r.items.map { $0.text(words.lang) }.joined(separator: words.separator)] as [String: Any]
            },
            "hasRecurring": !s.recurring.isEmpty,
            "openItems": s.openItems.map { o in
                ["month": o.month, "section": o.section.title.text(words.lang), "device": o.device,
                 "item": o.item.text(words.lang), "result": o.result.title.text(words.lang),
                 "abnormal": o.result == .abnormal, "handling": o.handling] as [String: Any]
            },
            "hasOpenItems": !s.openItems.isEmpty,
        ]
    }

    static func callOut(_ words: ReportWords, _ c: QuarterlyCallOut, number: Int) -> [String: Any] {
        let e = c.entry
        return ["number": "\(number)", "site": c.site, "device": c.device ?? "", "calledAt": words.time(e.calledAt),
                "reported": e.reported, "deadline": words.time(e.deadline),
                "arrivedAt": e.arrivedAt.map(words.time) ?? words.notArrived,
                "resolvedAt": words.time(e.resolvedAt), "verdict": c.verdict.title.text(words.lang),
                "late": c.verdict == .late, "handling": e.handling ?? ""]
    }
}
