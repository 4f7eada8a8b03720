import CheckupCore
import Foundation

extension RecordFiller {
    /// The month's current record: the latest inspection of every device (whichever run made
    /// it), every device of the site listed (未检 until inspected), every answer a person gave.
    package func compose(_ state: MonthState) throws(RecordError) -> ComposedVersion {
        let inspected = state.inspections
        let dates = inspected.map(\.inspectedAt)
        // Each device's results as its visit holds them: 60,000 results are not copied into one list and grouped again.
        let own = inspected.allSatisfy { visit in visit.results.allSatisfy { $0.device == visit.outcome.device } }
        let report = RunReport(site: state.site, startedAt: dates.min() ?? Date(), finishedAt: dates.max() ?? Date(),
                               incomplete: state.interrupted, devices: inspected.map(\.outcome),
                               results: own ? [] : inspected.flatMap(\.results))
        let resultsByDevice = own ? Dictionary(inspected.map { ($0.outcome.device, $0.results) }, uniquingKeysWith: +)
                                  : Dictionary(grouping: report.results, by: \.device)
        var technicians: [String] = []
        for name in inspected.flatMap(\.technicians) + state.answers.map(\.filledBy) where !technicians.contains(name) {
            technicians.append(name)
        }
        var record = try assemble(report: report, resultsByDevice: resultsByDevice, month: state.month, technicians: technicians)

        let days = Dictionary(inspected.map { ($0.outcome.device, $0.inspectedOn) }, uniquingKeysWith: { _, b in b })
        let waited = Dictionary(inspected.map { ($0.outcome.device, $0.outcome.durationMs / 1000) }, uniquingKeysWith: { _, b in b })
        let notes = Dictionary(state.notInspected.map { ($0.device, $0.note) }, uniquingKeysWith: { _, b in b })
        for i in record.devices.indices {
            let id = record.devices[i].id
            record.devices[i].inspectedOn = days[id]
            switch record.devices[i].state {
            case .notInspected:
                record.devices[i].note = notes[id] ?? LocalizedText(zh: "本月尚未检测", en: "not inspected yet this month")
            case .unreachable:
                let finding = Finding.unreachable(waitedSeconds: waited[id] ?? 0)
                record.devices[i].note = LocalizedText(zh: RecordPhrases.words(finding, lang: .zh),
                                                       en: RecordPhrases.words(finding, lang: .en))
            case .inspected:
                break
            }
        }
        addNotInspectedRows(&record)
        record.header.inspectionDates = Array(Set(days.values)).sorted()
        record.signOff.date = record.header.inspectionDates.last

        let (answered, orphaned) = record.applying(history: state.answers)
        record = answered
        record.renumber()  // sealed once, by the store, as the version is kept
        return ComposedVersion(record: record, orphanedAnswers: orphaned)
    }

    /// One 未检 row per device not inspected this month, in its kind's section, so the form
    /// shows the gap where the device's rows would be.
    private func addNotInspectedRows(_ record: inout MonthlyRecord) {
        for device in record.devices where device.state == .notInspected {
            let section = Self.notInspectedSection(device)
            guard let s = record.sections.firstIndex(where: { $0.section == section }) else { continue }
            let row = RecordRow(key: "\(device.id)/not-inspected", deviceId: device.id, device: device.name,
                                location: device.location ?? "",
                                item: device.kind?.title ?? LocalizedText(device.id),
                                check: LocalizedText(zh: "未检", en: "Not inspected"), result: .notInspected,
                                observed: device.note?.zh ?? "", source: .automatic,
                                finding: .notInspected(reason: device.note ?? LocalizedText(zh: "本月尚未检测", en: "not inspected yet this month")))
            // Before the checklist rows (which have no device), after the devices' own rows.
            let at = record.sections[s].rows.firstIndex { $0.deviceId == nil } ?? record.sections[s].rows.endIndex
            record.sections[s].rows.insert(row, at: at)
        }
    }
}

extension MonthlyRecord {
    /// The record with a month's answer history applied in order, each answer setting only the
    /// fields it gives. Answers whose row this version does not have are returned, not dropped:
    /// they stay in the store's history and apply again if the row comes back.
    package func applying(history: [StoredAnswer]) -> (MonthlyRecord, orphaned: [String]) {
        guard !history.isEmpty else { return (self, []) }  // nobody answered yet: no index of every row
        var record = self
        var index: [String: (Int, Int)] = [:]
        for (s, table) in record.sections.enumerated() {
            for (r, row) in table.rows.enumerated() { index[row.key] = (s, r) }
        }
        var orphaned: [String] = []
        for entry in history {
            guard let (s, r) = index[entry.key] else {
                if !orphaned.contains(entry.key) { orphaned.append(entry.key) }
                continue
            }
            record.sections[s].rows[r].apply(entry.answer, by: entry.filledBy)
        }
        return (record, orphaned)
    }
}

extension RecordRow {
    /// A person's answer on this row: a result they set makes it a row judged by hand.
    mutating func apply(_ answer: RecordAnswers.RowAnswer, by person: String) {
        if let result = answer.result, result != self.result || source == .manual {
            self.result = result
            source = .manual
        }
        if let observed = answer.observed { self.observed = observed; finding = nil }
        if let handling = answer.handling { self.handling = handling }
        if let cleared = answer.cleared { clearedOnSite = cleared }
        filledBy = person
    }
}
