import CheckupCore
import Foundation

/// The context of the maintenance form templates (keys in Templates/README.md).
enum MaintenanceFormView {
    static func context(_ f: MaintenanceForm, lang: Language, timeZone: TimeZone = .current) -> [String: Any] {
        let words = ReportWords(lang: lang, timeZone: timeZone)
        return [
            "lang": lang.rawValue,
            "colon": words.colon,
            "labels": RecordLabels.dictionary(lang),
            "entryNumber": "\(f.entryId)",
            "client": f.client, "site": f.site, "address": f.address ?? "", "contract": f.contract ?? "",
            "device": f.device ?? "", "location": f.location ?? "",
            "reported": f.reported, "caller": f.caller ?? "",
            "calledAt": words.time(f.calledAt),
            "hasDeadline": f.deadline != nil,
            "deadlineHours": f.deadlineHours.map { $0.formatted() } ?? "",
            "deadline": words.time(f.deadline),
            "arrivedAt": f.arrivedAt.map(words.time) ?? words.notArrived,
            "resolvedAt": f.resolvedAt.map(words.time) ?? RecordLabels.text("notResolved", lang),
            "verdict": f.verdict.title.text(lang),
            "late": f.verdict == .late,
            "handling": f.handling ?? "", "technician": f.technician ?? "",
            "hasEvidence": !f.evidence.isEmpty,
            "evidence": f.evidence.map { e in
                ["attachedAt": words.time(e.attachedAt), "device": e.device ?? "",
                 "lines": e.lines.map { line in
                     ["check": line.check.text(lang), "result": line.result.title.text(lang),
                      "abnormal": line.result == .abnormal] as [String: Any]
                 },
                 "hasMore": e.more > 0,
                 "more": e.more == 0 ? "" : (lang == .zh ? "另有 \(e.more) 项" : "and \(e.more) more")] as [String: Any]
            },
        ]
    }
}
