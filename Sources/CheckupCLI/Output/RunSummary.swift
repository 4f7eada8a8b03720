import CheckupCore
import Foundation
import InspectionRecords

/// The terminal summary of a run, counted from the record it wrote: the same rows, so the
/// screen and the paper never disagree. It covers this run's devices, then says where the
/// month's record stands.
struct RunSummary {
    var outcome: MonthlyInspection.Outcome
    var storePath: String
    var lang: Language

    var lines: [String] {
        let record = outcome.record
        let ran = Set(outcome.report.devices.map(\.device))
        // One pass over the rows in place: a 10,000-device record has 60,000 of them to copy otherwise.
        var ranCounts: [RowResult: Int] = [:], allCounts: [RowResult: Int] = [:]
        var faulty: [String: [RecordRow]] = [:]
        for section in record.sections {
            for row in section.rows {
                allCounts[row.result, default: 0] += 1
                guard let device = row.deviceId, ran.contains(device) else { continue }
                ranCounts[row.result, default: 0] += 1
                if row.result == .abnormal || row.result == .attention { faulty[device, default: []].append(row) }
            }
        }
        var lines = ["this run: \(ran.count) devices, \(ranCounts.values.reduce(0, +)) items: " + Self.counts(ranCounts)]
        for device in record.devices where ran.contains(device.id) {
            let bad = faulty[device.id] ?? []
            guard !bad.isEmpty else { continue }
            let what = bad.map { "\($0.check?.text(lang) ?? $0.item.text(lang)) (\($0.result.title.text(lang)))" }
            lines.append("  \(device.id) \(device.name): " + what.joined(separator: ", "))
        }
        for missing in outcome.notInspected {
            lines.append("  \(missing.device): not inspected: \(missing.detail)")
        }
        let s = record.summary
        lines.append("month \(record.header.siteId) \(record.header.period) v\(record.version ?? 0) (hash \(record.shortHash)) "
                     + "in \(storePath): \(record.devices.count) devices, \(s.devicesChecked) inspected, "
                     + "\(s.devicesNotInspected) not inspected; \(s.rows) items: " + Self.counts(allCounts)
                     + "; faults \(s.faultsFound) (cleared \(s.clearedOnSite), pending \(s.pending))")
        for key in outcome.orphanedAnswers {
            lines.append("warning: the answer for row '\(key)' is kept in the history, but this version has no such row")
        }
        lines += outcome.files.map { "wrote \($0.path)" }
        return lines
    }

    static func counts(_ count: [RowResult: Int]) -> String {
        let order: [RowResult] = [.normal, .attention, .abnormal, .toCheck, .notInspected, .notSupported]
        let parts = order.compactMap { result -> String? in
            count[result].map { "\($0) \(result.rawValue)" }
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
