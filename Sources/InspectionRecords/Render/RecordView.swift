import CheckupCore
import Foundation

/// The context a record template receives: plain dictionaries and arrays of strings and
/// booleans, in one language, so a company's template needs no knowledge of our types.
/// Keys are listed in Templates/README.md.
enum RecordView {
    static let sectionNumbers = ["一", "二", "三", "四"]

    static func context(_ record: MonthlyRecord, lang: Language, part: RecordDocumentPart = .mainAndEvidence) -> [String: Any] {
        let labels = RecordLabels.dictionary(lang)
        let h = record.header
        let sep = lang == .zh ? "、" : ", "
        let version = record.version.map { "v\($0)" } ?? labels["unsaved"] ?? ""
        let sections: [[String: Any]] = record.sections.enumerated().map { index, table in
            [
                "id": table.section.rawValue,
                "number": lang == .zh ? sectionNumbers[index] : "\(index + 1)",
                "title": table.title.text(lang),
                "heading": lang == .zh ? "\(sectionNumbers[index])、\(table.title.zh)" : "\(index + 1). \(table.title.en)",
                "rows": table.rows.map { row($0, lang: lang, labels: labels) },
                "empty": table.rows.isEmpty,
            ]
        }
        let evidence = RecordEvidenceView(record, lang: lang, labels: labels)
        return [
            "lang": lang.rawValue,
            "labels": labels,
            "header": [
                "siteId": h.siteId, "client": h.client, "site": h.site, "address": h.address ?? "",
                "contract": h.contract ?? "", "responseZone": h.responseZone ?? "", "period": h.period,
                "dates": h.inspectionDates.joined(separator: sep), "technicians": h.technicians.joined(separator: sep),
            ] as [String: Any],
            "version": version,
            "hash": record.contentHash,
            "shortHash": record.shortHash,
            // Already escaped for a CSS string: templates put it in `@page` margin boxes with {{{pageFooter}}}.
            "pageFooter": cssString("\(h.site) · \(h.period) · \(version) · \(record.shortHash)"),
            "incomplete": record.incomplete,
            "editedBy": record.editedBy ?? "",
            "edited": record.editedBy != nil,
            "mainForm": part.hasMainForm,
            "evidenceSection": part.hasEvidence,
            "evidenceOnly": part == .evidenceOnly,
            "sections": sections,
            "summary": summary(record.summary, labels: labels),
            "signOff": signOff(record, sep: sep),
            "devices": devices(record, lang: lang),
            "evidence": evidence.entries,
            "hasEvidence": !evidence.entries.isEmpty,
            "evidenceDevices": evidence.devices,
            "signed": record.signature != nil,
            "signature": ["by": record.signature?.signedBy ?? "", "on": record.signature?.signedOn ?? ""],
        ]
    }

    static func row(_ r: RecordRow, lang: Language, labels: [String: String]) -> [String: Any] {
        var item = r.item.text(lang)
        if let check = r.check?.text(lang), check != item { item += " — " + check }
        var handling = r.handling
        if r.clearedOnSite { handling += (handling.isEmpty ? "" : "; ") + (labels["cleared"] ?? "") }
        return [
            "number": "\(r.number)", "key": r.key, "device": r.device, "location": r.location, "item": item,
            "result": r.result.title.text(lang), "resultId": r.result.rawValue,
            "mark": mark(r.result), "hasMark": !mark(r.result).isEmpty,
            "normal": r.result == .normal, "attention": r.result == .attention, "abnormal": r.result == .abnormal,
            "toCheck": r.result == .toCheck, "notInspected": r.result == .notInspected,
            "notSupported": r.result == .notSupported,
            "observed": RecordPhrases.observed(r, lang: lang), "expected": ExpectationPhrases.expected(r, lang: lang),
            "handling": handling,
            "source": r.source.title.text(lang), "manual": r.source == .manual, "filledBy": r.filledBy ?? "",
            "evidenceRef": r.evidenceRef ?? "", "hasEvidenceRef": r.evidenceRef != nil,
            "instruction": r.instruction?.text(lang) ?? "", "hasInstruction": r.instruction != nil,
            "status": r.status?.rawValue ?? "",
        ]
    }

    /// A mark beside the result word, so faults and warnings stand out in black-and-white print.
    static func mark(_ result: RowResult) -> String {
        switch result {
        case .abnormal: "◆"
        case .attention: "▲"
        default: ""
        }
    }

    static func summary(_ s: RecordSummary, labels: [String: String]) -> [[String: Any]] {
        [
            ("devicesChecked", s.devicesChecked), ("devicesOffline", s.devicesOffline),
            ("devicesNotInspected", s.devicesNotInspected), ("rows", s.rows), ("normal", s.normal),
            ("attention", s.attention), ("faultsFound", s.faultsFound), ("clearedOnSite", s.clearedOnSite),
            ("pending", s.pending), ("toCheck", s.toCheck), ("notSupported", s.notSupported),
        ].map { key, value in
            ["key": key, "label": labels[key] ?? key, "value": "\(value)",
             "alert": value > 0 && ["devicesOffline", "faultsFound", "pending"].contains(key)]
        }
    }

    /// The technician signs for the day of the inspection: the sign-off date, else the last inspection day.
    /// A version the client already signed (`records sign`) prints who signed and when in the client's box.
    static func signOff(_ record: MonthlyRecord, sep: String) -> [String: Any] {
        let date = record.signOff.date ?? record.header.inspectionDates.last ?? ""
        return ["technicians": record.signOff.technicians.joined(separator: sep),
                "clientRepresentative": record.signOff.clientRepresentative ?? record.signature?.signedBy ?? "",
                "clientDate": record.signature?.signedOn ?? "",
                "date": date, "hasDate": !date.isEmpty]
    }

    static func devices(_ record: MonthlyRecord, lang: Language) -> [[String: Any]] {
        // With a one-day visit the day of every inspected device is known even when the filler left it out.
        let onlyDay = record.header.inspectionDates.count == 1 ? record.header.inspectionDates[0] : nil
        return record.devices.enumerated().map { index, d in
            let day = d.inspectedOn ?? (d.state == .notInspected ? nil : onlyDay)
            let note = d.note?.text(lang) ?? ""
            return [
                "number": "\(index + 1)", "id": d.id, "name": d.name, "location": d.location ?? "",
                "kind": d.kind?.title.text(lang) ?? "", "profile": d.profile, "endpoint": d.endpoint,
                "state": d.state.title.text(lang), "stateId": d.state.rawValue, "offline": d.state == .unreachable,
                "notInspected": d.state == .notInspected, "inspectedOn": day ?? "", "note": note,
                "hasNote": !note.isEmpty, "reason": d.reason ?? "", "hasReason": d.reason != nil,
            ]
        }
    }

    /// `text` as the inside of a CSS string: no quote, backslash, line break or `</style>` can escape it.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"", "'", "<", ">", "&": out += "\\\(String(scalar.value, radix: 16)) "
            case "\n", "\r": out += "\\a "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
