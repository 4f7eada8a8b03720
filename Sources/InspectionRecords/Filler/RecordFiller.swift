package import CheckupCore
package import Foundation

/// Turns a run's results into the monthly record.
///
/// - every check result becomes a row, in the section and item of its record mapping (or,
///   without one, the section of its device's kind);
/// - a device that did not answer becomes ONE abnormal "device offline" row, whatever the
///   number of its checks;
/// - the items no probe can see come from the checklist (the argument, else the site's
///   `manual-checklist`, else `DefaultChecklist`) as 待检 rows for a person;
/// - rows follow the inventory's device order, then the checklist, so the same run always
///   gives the same record and the same hash.
package struct RecordFiller: Sendable {
    /// Time zone of the site: inspection dates are the site's calendar days.
    package var timeZone: TimeZone
    /// Secret values to scrub from every text, beyond the communities in the site's endpoints.
    package var secrets: [String]
    /// Most exchange lines kept per offline device in the evidence appendix.
    package var maxOfflineEvidenceLines = 20

    package init(timeZone: TimeZone = .current, secrets: [String] = []) {
        self.timeZone = timeZone
        self.secrets = secrets
    }

    /// A device is one "device offline" row when it did not answer, or every check says so;
    /// only then are its raw exchanges (`DeviceOutcome.exchanges`) part of the record.
    package static func isOffline(_ outcome: DeviceOutcome?, _ results: [CheckResult]) -> Bool {
        outcome?.unreachable != nil || (!results.isEmpty && results.allSatisfy { $0.status == .unreachable })
    }

    /// The keys of the rows a device's inspection fills (`parts`): one `id/offline` row for a
    /// device that did not answer, else one `id/check` row per result. Committed with the
    /// inspection (`month_row_keys`), so a version need not list 60,000 keys again.
    package static func rowKeys(device id: String, _ outcome: DeviceOutcome?, _ results: [CheckResult]) -> [String] {
        isOffline(outcome, results) ? [rowKey(device: id, check: offlineCheck)] : results.map { rowKey(device: id, check: $0.check) }
    }

    static func rowKey(device: String, check: String) -> String { "\(device)/\(check)" }

    /// Where a device not inspected yet gets its 未检 row: its kind's section.
    static func notInspectedSection(_ device: RecordDevice) -> RecordSection { device.kind?.defaultSection ?? .centralControl }
    private static let offlineCheck = "offline"

    /// Fills with the default settings (local time zone).
    package static func fill(report: RunReport, month: String, technicians: [String],
                            checklist: [ManualItem]? = nil) throws(RecordError) -> MonthlyRecord {
        try RecordFiller().fill(report: report, month: month, technicians: technicians, checklist: checklist)
    }

    /// A manual check's instruction in both languages (older results carry only the note).
    private func manualInstruction(_ result: CheckResult) -> LocalizedText? {
        if case .manual(let instruction?) = result.finding { return instruction }
        return result.note.map { LocalizedText($0) }
    }

    /// The record of one run, sealed (numbered, hashed).
    package func fill(report: RunReport, month: String, technicians: [String],
                     checklist: [ManualItem]? = nil) throws(RecordError) -> MonthlyRecord {
        var record = try assemble(report: report, month: month, technicians: technicians, checklist: checklist)
        record.seal()
        return record
    }

    /// The rows, devices and evidence of a run, numbered but not yet hashed: `compose` edits
    /// them further and the store seals the version once.
    func assemble(report: RunReport, month: String, technicians: [String],
                  checklist: [ManualItem]? = nil) throws(RecordError) -> MonthlyRecord {
        try assemble(report: report, resultsByDevice: Dictionary(grouping: report.results, by: \.device),
                     month: month, technicians: technicians, checklist: checklist)
    }

    /// `resultsByDevice`: the report's results by device. A month's visits hand over each device's
    /// results as they are, not copied into one list and grouped again; their report then has no
    /// `results` (every result is of its visit's device).
    func assemble(report: RunReport, resultsByDevice: [String: [CheckResult]], month: String, technicians: [String],
                  checklist: [ManualItem]? = nil) throws(RecordError) -> MonthlyRecord {
        try Period.validateMonth(month)
        let scrub = Scrubber(site: report.site, extra: secrets)
        let site = report.site
        let inventory = site?.devices(expectedIn: month) ?? []
        let byId = Dictionary(inventory.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let outcomes = Dictionary(report.devices.map { ($0.device, $0) }, uniquingKeysWith: { a, _ in a })

        // Device order: inventory first, then any device only the results know (in the order they came).
        var order = inventory.map(\.id)
        var listed = Set(order)  // linear in the devices, also at 10,000
        for id in report.devices.map(\.device) + report.results.map(\.device) where listed.insert(id).inserted {
            order.append(id)
        }

        // Each device's rows and evidence are made on their own, in chunks on every core (at
        // 10,000 devices this was a serial half second), then joined in inventory order.
        var made = Parallel.mapChunks(order.count, chunk: 256) { [self, order] range in
            order[range].map { id in
                self.parts(of: id, device: byId[id], outcome: outcomes[id], results: resultsByDevice[id] ?? [], scrub: scrub)
            }
        }
        // Joined into lists of their final size, each chunk let go once joined: at 10,000
        // devices the parts and the lists growing by doubling were the records phase's peak.
        // Counted with the rows still to come (the checklist's, at most one an item, and the 未检 row
        // `compose` adds per device not inspected): a section's list that outgrew its capacity by
        // one checklist row was moved into one twice its size (a 20 MB copy at 10,000 cameras).
        let items = checklist ?? site?.manualChecklist ?? DefaultChecklist.items
        var (rowCounts, evidenceCount) = ([RecordSection: Int](), 0)
        for part in made.joined() {
            for (section, _) in part.rows { rowCounts[section, default: 0] += 1 }
            if part.device.state == .notInspected { rowCounts[Self.notInspectedSection(part.device), default: 0] += 1 }
            evidenceCount += part.evidence.count
        }
        for item in items { rowCounts[item.section, default: 0] += 1 }
        var sections = rowCounts.mapValues { count in
            var rows: [RecordRow] = []
            rows.reserveCapacity(count)
            return rows
        }
        var evidence: [EvidenceEntry] = []
        evidence.reserveCapacity(evidenceCount)
        var devices: [RecordDevice] = []
        devices.reserveCapacity(order.count)
        for c in made.indices {
            for part in made[c] {
                devices.append(part.device)
                for (section, row) in part.rows { sections[section, default: []].append(row) }
                evidence += part.evidence
            }
            made[c] = []
        }

        // A profile's own manual check (per device) stands in for the site-wide item. The manual
        // rows' items are read by index once: each checklist item scanning (and copying) 60,000
        // rows was a quarter of composing a 10,000-device record.
        var manualItems: [RecordSection: Set<LocalizedText>] = [:]
        for (section, rows) in sections {
            for r in rows.indices where rows[r].source == .manual { manualItems[section, default: []].insert(rows[r].item) }
        }
        for item in items {
            guard manualItems[item.section, default: []].insert(item.item).inserted else { continue }
            sections[item.section, default: []].append(
                RecordRow(key: "manual/\(item.id)", device: "", item: item.item, result: .toCheck,
                          source: .manual, instruction: item.instruction))
        }

        let header = RecordHeader(
            siteId: site?.id ?? "unknown-site", client: site?.client ?? "", site: site?.name ?? "",
            address: site?.address, contract: site?.contract, responseZone: site?.responseZone, period: month,
            inspectionDates: Array(Set([report.startedAt, report.finishedAt].map { Period.day(of: $0, in: timeZone) })).sorted(),
            technicians: technicians, startedAt: report.startedAt, finishedAt: report.finishedAt)
        // Number the evidence in the order its rows appear on the form: rows and entries edited
        // in place and each entry put in its slot, not copied and sorted (60,000 of each at 10,000 devices).
        var position: [String: Int] = [:]  // an entry's ref as made → its place on the form
        for section in RecordSection.allCases {
            guard var rows = sections.removeValue(forKey: section) else { continue }  // held once: edited in place
            for r in rows.indices {
                guard let old = rows[r].evidenceRef else { continue }
                position[old] = position.count
                rows[r].evidenceRef = "E\(position.count)"
            }
            sections[section] = rows
        }
        var slots = [Int](repeating: -1, count: position.count)  // a place on the form → the entry's index
        for i in evidence.indices {
            guard let at = position[evidence[i].ref] else { continue }
            evidence[i].ref = "E\(at + 1)"
            slots[at] = i
        }
        evidence = slots.lazy.filter { $0 >= 0 }.map { [evidence] in evidence[$0] }

        var record = MonthlyRecord(
            header: header, devices: devices,
            // Moved out of the dictionary: renumbering then edits the record's only copy of the rows.
            sections: RecordSection.allCases.map { RecordSectionTable(section: $0, rows: sections.removeValue(forKey: $0) ?? []) },
            signOff: SignOff(technicians: technicians), evidence: evidence,
            incomplete: report.incomplete || devices.contains { $0.state == .notInspected })
        record.renumber()
        return record
    }

    /// One device's line, rows (with their sections) and evidence. Its evidence refs (`id#n`)
    /// are only unique: `assemble` numbers them in the order the rows appear on the form.
    struct DeviceParts: Sendable {
        var device: RecordDevice
        var rows: [(RecordSection, RecordRow)] = []
        var evidence: [EvidenceEntry] = []
    }

    private func parts(of id: String, device: Device?, outcome: DeviceOutcome?, results: [CheckResult],
                       scrub: Scrubber) -> DeviceParts {
        let scrubbed: (LocalizedText) -> LocalizedText = scrub.scrub
        var evidence: [EvidenceEntry] = []
        var rows: [(RecordSection, RecordRow)] = []
        func addEvidence(device: String, name: String, check: LocalizedText, status: CheckStatus,
                         observed: String, expected: String, lines: [String], durationMs: Double,
                         finding: Finding?) -> String {
            let ref = "\(device)#\(evidence.count + 1)"
            evidence.append(EvidenceEntry(ref: ref, deviceId: device, device: name, check: check, status: status,
                                          observed: scrub(observed), expected: scrub(expected),
                                          lines: lines.map { scrub($0) }, durationMs: durationMs,
                                          finding: finding.map(scrub.scrub)))
            return ref
        }

        let name = device?.name ?? id
        let location = device?.location ?? ""
        let fallback = RecordMapping(section: device?.kind.defaultSection ?? .centralControl,
                                     item: device?.kind.title ?? LocalizedText(id))
        let offline = Self.isOffline(outcome, results)
        let state: DeviceState = outcome == nil && results.isEmpty ? .notInspected : (offline ? .unreachable : .inspected)
        let reason = outcome?.unreachable ?? results.first { $0.status == .unreachable }?.observed
        let line = RecordDevice(id: id, name: name, location: device?.location, kind: device?.kind,
                                profile: device?.profile ?? outcome?.profile ?? "",
                                endpoint: outcome?.endpoint ?? device?.endpoint.description ?? "",
                                state: state, reason: state == .unreachable ? reason.map { scrub($0) } : nil)
        if state == .notInspected { return DeviceParts(device: line) }

        if offline {
            let mapping = results.compactMap(\.record).first ?? fallback
            let title = LocalizedText(zh: "设备离线", en: "Device offline")
            let lines = (outcome?.exchanges ?? []).suffix(maxOfflineEvidenceLines).map { "\(EvidencePhrase.direction($0.direction).english): \($0.text)" }
            let observed = reason ?? "no answer"
            let finding = Finding.unreachable(waitedSeconds: (outcome?.durationMs ?? results.map(\.durationMs).max() ?? 0) / 1000)
            let ref = addEvidence(device: id, name: name, check: title, status: .unreachable, observed: observed,
                                  expected: "", lines: lines, durationMs: outcome?.durationMs ?? 0, finding: finding)
            rows.append((mapping.section, RecordRow(
                key: Self.rowKey(device: id, check: Self.offlineCheck), deviceId: id, device: name, location: location, item: mapping.item,
                check: title, result: .abnormal, status: .unreachable,
                observed: scrub(observed), source: .automatic, evidenceRef: ref, finding: finding)))
            return DeviceParts(device: line, rows: rows, evidence: evidence)
        }

        for result in results {
            let mapping = result.record ?? fallback
            let isManual = result.status == .manual
            var ref: String?
            if !isManual && result.status != .skipped {
                // The rows at fault are in the finding, in both languages: the lines stay the exchange.
                ref = addEvidence(device: id, name: name, check: result.title, status: result.status,
                                  observed: result.observed, expected: result.expected, lines: result.evidence,
                                  durationMs: result.durationMs, finding: result.finding)
            }
            var observed = result.observed
            if !result.offending.isEmpty, !observed.contains(result.offending[0]) {
                observed += observed.isEmpty ? result.offending.joined(separator: ", ")
                                             : " (" + result.offending.joined(separator: ", ") + ")"
            }
            rows.append((mapping.section, RecordRow(
                key: Self.rowKey(device: id, check: result.check), deviceId: id, device: name, location: location,
                item: mapping.item, check: result.title, result: RowResult(result.status),
                status: isManual ? nil : result.status, observed: scrub(observed),
                expected: scrub(result.expected), source: isManual ? .manual : .automatic,
                evidenceRef: ref, instruction: isManual ? manualInstruction(result).map(scrubbed) : nil,
                finding: result.finding.map(scrub.scrub), expectation: result.expectation.map(scrub.scrub))))
        }
        return DeviceParts(device: line, rows: rows, evidence: evidence)
    }
}
