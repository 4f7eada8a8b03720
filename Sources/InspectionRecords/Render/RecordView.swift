import CheckupCore
import Foundation
import Mustache

/// The context a record template receives: plain dictionaries and arrays of strings and
/// booleans, in one language, so a company's template needs no knowledge of our types.
/// Keys are listed in Templates/README.md.
enum RecordView {
    static let sectionNumbers = ["一", "二", "三", "四"]

    /// The bundled partials that print the long lists of a page (`RenderedList`): `record.html`'s
    /// (`record.html.row`, …) or `record.md`'s.
    struct Lists {
        var device: ListTemplate
        var row: ListTemplate
        var evidenceDevice: ListTemplate
        /// The context's keys end in it: `rowsHTML`, `rowsMD`.
        var suffix: String
        /// Set when the page is printed into its file: the lists are written there, not into the text.
        var deferred: DeferredLists?
        /// The bundled page reads its long lists only as printed (`rowsHTML`, …): their views are
        /// made chunk by chunk as they are printed, and the context holds no `rows[]` of them.
        var onlyPrinted: Bool

        init(_ templates: TemplateSet, page: String = "record.html", deferred: DeferredLists? = nil) throws(RecordError) {
            self.deferred = deferred
            onlyPrinted = templates.isBundled(page)
            suffix = page.hasSuffix(".md") ? "MD" : "HTML"
            (device, row, evidenceDevice) = (try templates.listTemplate("\(page).device"), try templates.listTemplate("\(page).row"),
                                             try templates.listTemplate("\(page).evidence-device"))
        }
    }

    /// `lists`: with them, the context also has the lists printed (`devicesHTML`, a section's
    /// `rowsHTML`, `evidenceDevicesHTML`; `…MD` for Markdown), each worked out only if the template prints it.
    static func context(_ record: MonthlyRecord, lang: Language, part: RecordDocumentPart = .mainAndEvidence,
                        lists: Lists? = nil) -> [String: Any] {
        let labels = RecordLabels.dictionary(lang)
        // What an item of a printed list sees beyond its own keys: the form's fixed words.
        let shared: [String: Any] = ["labels": labels, "lang": lang.rawValue]
        let h = record.header
        let sep = lang == .zh ? "、" : ", "
        let version = record.version.map { "v\($0)" } ?? labels["unsaved"] ?? ""
        // A company's page reads the lists as views: rows[], devices[], evidence[].
        let keepsViews = lists?.onlyPrinted != true
        let sections: [[String: Any]] = record.sections.enumerated().map { index, table in
            let rows = table.rows
            var section: [String: Any] = [
                "id": table.section.rawValue,
                "number": lang == .zh ? sectionNumbers[index] : "\(index + 1)",
                "title": table.title.text(lang),
                "heading": lang == .zh ? "\(sectionNumbers[index])、\(table.title.zh)" : "\(index + 1). \(table.title.en)",
                "empty": table.rows.isEmpty,
            ]
            guard keepsViews else {
                if let lists {
                    section["rows" + lists.suffix] = RenderedList(template: lists.row, count: rows.count, around: [section, shared],
                                                                  deferred: lists.deferred) {
                        RecordRowView(rows[$0], lang: lang, labels: labels)
                    }
                }
                return section
            }
            let views = rows.map { RecordRowView($0, lang: lang, labels: labels) }
            if let lists { section["rows" + lists.suffix] = RenderedList(template: lists.row, items: views, around: [section, shared], deferred: lists.deferred) }
            section["rows"] = views
            return section
        }
        let evidence = RecordEvidenceView(record, lang: lang, labels: labels)
        var context: [String: Any] = [
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
            "hasEvidence": !evidence.isEmpty,
            "signed": record.signature != nil,
            "signature": ["by": record.signature?.signedBy ?? "", "on": record.signature?.signedOn ?? ""],
        ]
        if keepsViews {
            let devices = devices(record, lang: lang)
            let entries = evidence.entries
            let evidenceDevices = evidence.devices(sharing: entries)
            (context["devices"], context["evidence"], context["evidenceDevices"]) = (devices, entries, evidenceDevices)
            if let lists {
                context["devices" + lists.suffix] = RenderedList(template: lists.device, items: devices, around: [shared], deferred: lists.deferred)
                context["evidenceDevices" + lists.suffix] = RenderedList(template: lists.evidenceDevice, items: evidenceDevices, around: [shared],
                                                              deferred: lists.deferred)
            }
        } else if let lists {
            let onlyDay = onlyDay(record)
            context["devices" + lists.suffix] = RenderedList(template: lists.device, count: record.devices.count, around: [shared],
                                                  deferred: lists.deferred) { i in
                RecordDeviceView(record.devices[i], number: i + 1, lang: lang, onlyDay: onlyDay)
            }
            context["evidenceDevices" + lists.suffix] = RenderedList(template: lists.evidenceDevice, count: evidence.deviceCount, around: [shared],
                                                          deferred: lists.deferred, item: evidence.device)
        }
        return context
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

    static func devices(_ record: MonthlyRecord, lang: Language) -> [RecordDeviceView] {
        let onlyDay = onlyDay(record)
        return record.devices.enumerated().map { index, d in
            RecordDeviceView(d, number: index + 1, lang: lang, onlyDay: onlyDay)
        }
    }

    /// The inspection day when there was only one: a device's own day is then not printed.
    static func onlyDay(_ record: MonthlyRecord) -> String? {
        record.header.inspectionDates.count == 1 ? record.header.inspectionDates[0] : nil
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
