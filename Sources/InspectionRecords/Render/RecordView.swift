import CheckupCore
import Foundation

/// The context a record template receives: plain dictionaries and arrays of strings and
/// booleans, in one language, so a company's template needs no knowledge of our types.
/// Keys are listed in Templates/README.md.
enum RecordView {
    static let sectionNumbers = ["一", "二", "三", "四"]

    static func context(_ record: MonthlyRecord, lang: Language) -> [String: Any] {
        let labels = RecordLabels.dictionary(lang)
        let h = record.header
        let sep = lang == .zh ? "、" : ", "
        let sections: [[String: Any]] = record.sections.enumerated().map { index, table in
            [
                "id": table.section.rawValue,
                "number": lang == .zh ? sectionNumbers[index] : "\(index + 1)",
                "title": table.title.text(lang),
                "heading": lang == .zh ? "\(sectionNumbers[index])、\(table.title.zh)" : "\(index + 1). \(table.title.en)",
                "rows": table.rows.map { row(record, $0, lang: lang, labels: labels) },
                "empty": table.rows.isEmpty,
            ]
        }
        let s = record.summary
        let summary: [[String: Any]] = [
            ("devicesChecked", s.devicesChecked), ("devicesOffline", s.devicesOffline), ("rows", s.rows),
            ("normal", s.normal), ("faultsFound", s.faultsFound), ("clearedOnSite", s.clearedOnSite),
            ("pending", s.pending), ("toCheck", s.toCheck), ("measuredRows", s.measuredRows),
            ("manualRows", s.manualRows),
        ].map { ["key": $0.0, "label": labels[$0.0] ?? $0.0, "value": "\($0.1)"] }
        let devices: [[String: Any]] = record.devices.map { d in
            [
                "id": d.id, "name": d.name, "location": d.location ?? "",
                "kind": d.kind?.title.text(lang) ?? "", "profile": d.profile, "endpoint": d.endpoint,
                "state": d.state.title.text(lang), "offline": d.state == .unreachable,
                "notInspected": d.state == .notInspected, "reason": d.reason ?? "", "hasReason": d.reason != nil,
            ]
        }
        let evidence: [[String: Any]] = record.evidence.map { e in
            [
                "ref": e.ref, "deviceId": e.deviceId, "device": e.device, "check": e.check.text(lang),
                "status": e.status.rawValue, "abnormal": e.status.isAbnormal, "observed": e.observed,
                "expected": e.expected, "hasExpected": !e.expected.isEmpty, "lines": e.lines, "hasLines": !e.lines.isEmpty,
                "duration": String(format: "%.0f ms", e.durationMs),
            ]
        }
        return [
            "lang": lang.rawValue,
            "labels": labels,
            "header": [
                "siteId": h.siteId, "client": h.client, "site": h.site, "address": h.address ?? "",
                "contract": h.contract ?? "", "responseZone": h.responseZone ?? "", "period": h.period,
                "dates": h.inspectionDates.joined(separator: sep), "technicians": h.technicians.joined(separator: sep),
            ] as [String: Any],
            "version": record.version.map { "v\($0)" } ?? labels["unsaved"] ?? "",
            "hash": record.contentHash,
            "shortHash": record.shortHash,
            "incomplete": record.incomplete,
            "editedBy": record.editedBy ?? "",
            "edited": record.editedBy != nil,
            "sections": sections,
            "summary": summary,
            "signOff": ["technicians": record.signOff.technicians.joined(separator: sep),
                        "clientRepresentative": record.signOff.clientRepresentative ?? "",
                        "date": record.signOff.date ?? ""] as [String: Any],
            "devices": devices,
            "evidence": evidence,
            "hasEvidence": !evidence.isEmpty,
            "signed": record.signature != nil,
            "signature": ["by": record.signature?.signedBy ?? "", "on": record.signature?.signedOn ?? ""],
        ]
    }

    static func row(_ record: MonthlyRecord, _ r: RecordRow, lang: Language, labels: [String: String]) -> [String: Any] {
        var item = r.item.text(lang)
        if let check = r.check?.text(lang), check != item { item += " — " + check }
        var handling = r.handling
        if r.clearedOnSite { handling += (handling.isEmpty ? "" : "; ") + (labels["cleared"] ?? "") }
        return [
            "number": "\(r.number)", "key": r.key, "device": r.device, "location": r.location, "item": item,
            "result": r.result.title.text(lang), "resultId": r.result.rawValue,
            "normal": r.result == .normal, "abnormal": r.result == .abnormal, "toCheck": r.result == .toCheck,
            "observed": RecordPhrases.observed(r, lang: lang), "expected": r.expected, "handling": handling,
            "source": r.source.title.text(lang), "manual": r.source == .manual, "filledBy": r.filledBy ?? "",
            "evidenceRef": r.evidenceRef ?? "", "hasEvidenceRef": r.evidenceRef != nil,
            "instruction": r.instruction?.text(lang) ?? "", "hasInstruction": r.instruction != nil,
            "status": r.status?.rawValue ?? "",
        ]
    }
}
