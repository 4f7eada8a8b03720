package import CheckupCore
import Foundation

/// The device history page: the context of `history.html` (keys in Templates/README.md).
enum DeviceHistoryView {
    static let words: [String: LocalizedText] = [
        "title": LocalizedText(zh: "设备运行记录", en: "Device history"),
        "site": LocalizedText(zh: "场所", en: "Site"),
        "device": LocalizedText(zh: "设备", en: "Device"),
        "month": LocalizedText(zh: "月份", en: "Month"),
        "state": LocalizedText(zh: "状态", en: "State"),
        "date": LocalizedText(zh: "检测日期", en: "Inspected on"),
        "verdict": LocalizedText(zh: "结论", en: "Verdict"),
        "items": LocalizedText(zh: "各项结果", en: "Items"),
        "readings": LocalizedText(zh: "读数趋势", en: "Readings over the months"),
        "none": LocalizedText(zh: "无", en: "none"),
    ]

    static func context(_ h: DeviceHistory, lang: Language) -> [String: Any] {
        let labels = words.mapValues { $0.text(lang) }
        let sep = lang == .zh ? "；" : "; "
        let colon = lang == .zh ? "：" : ": "
        return [
            "lang": lang.rawValue, "labels": labels, "colon": colon, "site": h.siteId, "device": h.deviceName, "deviceId": h.deviceId,
            "months": h.months.map { m -> [String: Any] in
                [
                    "month": m.month, "state": m.state.title.text(lang), "date": m.inspectedOn ?? "",
                    "verdict": m.worst?.title.text(lang) ?? labels["none"] ?? "",
                    "abnormal": m.worst == .abnormal, "attention": m.worst == .attention,
                    "items": m.results.map { "\($0.check.text(lang))\(colon)\($0.result.title.text(lang))" }.joined(separator: sep),
                ]
            },
            "readings": h.readings.map { r -> [String: Any] in
                [
                    "title": r.title.text(lang), "unit": r.unit ?? "",
                    "svg": TrendChart.svg(values: r.values, labels: h.months.map { String($0.month.suffix(5)) }, unit: r.unit),
                    "values": zip(h.months, r.values).map { m, v in
                        "\(m.month)\(colon)\(v.map { RecordPhrases.number($0) + (r.unit.map { " \($0)" } ?? "") } ?? "—")"
                    }.joined(separator: sep),
                ]
            },
            "hasReadings": !h.readings.isEmpty,
        ]
    }
}

extension RecordRenderer {
    /// The device history as HTML (its readings as SVG charts), for a browser or the PDF engine.
    package func historyHTML(_ history: DeviceHistory, lang: Language) throws(RecordError) -> String {
        try templates.render("history.html", DeviceHistoryView.context(history, lang: lang))
    }
}
