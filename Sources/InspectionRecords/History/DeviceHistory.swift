package import CheckupCore
import Foundation

/// One device month by month, from the current version of each month's record: its verdicts,
/// and the trend of its numeric readings (disk free, battery voltage, UPS runtime…).
package struct DeviceHistory: Sendable {
    package var siteId: String
    package var deviceId: String
    /// The device's name as the latest record knows it.
    package var deviceName: String
    package var months: [Month]
    /// One series per check with a numeric reading, in the order the checks appear.
    package var readings: [Reading]

    package struct Month: Sendable, Hashable {
        package var month: String
        package var version: Int?
        /// The device's state that month (未检 when the month has no result for it).
        package var state: DeviceState
        package var inspectedOn: String?
        /// The worst result among the device's rows (abnormal > attention > … > normal).
        package var worst: RowResult?
        /// Each row's result, by check title.
        package var results: [(check: LocalizedText, result: RowResult)]

        package static func == (a: Month, b: Month) -> Bool {
            a.month == b.month && a.version == b.version && a.worst == b.worst
        }
        package func hash(into hasher: inout Hasher) { hasher.combine(month); hasher.combine(version) }
    }

    /// One check's numeric reading over the months (nil where it was not read).
    package struct Reading: Sendable, Hashable {
        package var check: String
        package var title: LocalizedText
        package var unit: String?
        package var values: [Double?]
    }

    /// The history from the store, over `months` (default: every month the store has for the site).
    package static func build(store: RecordStore, site: String, device: String,
                             months: [String]? = nil) throws(RecordError) -> DeviceHistory {
        let stored = Set(try store.records(site: site).map(\.month))
        let wanted = (months ?? stored.sorted()).filter(stored.contains)
        var records: [MonthlyRecord] = []
        for month in wanted { if let r = try store.record(site: site, month: month) { records.append(r) } }
        guard records.contains(where: { r in r.devices.contains { $0.id == device } }) else {
            let known = Set(records.flatMap { $0.devices.map(\.id) }).sorted()
            let hint = Suggest.closest(to: device, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw RecordError(records.isEmpty ? "no record of \(site) in \(store.path)"
                                              : "no device '\(device)' in the records of \(site)\(hint)")
        }
        return DeviceHistory(records: records, site: site, device: device)
    }

    init(records: [MonthlyRecord], site: String, device: String) {
        siteId = site
        deviceId = device
        deviceName = records.last { r in r.devices.contains { $0.id == device } }?.devices.first { $0.id == device }?.name ?? device
        months = records.map { r in
            let d = r.devices.first { $0.id == device }
            let rows = r.rows.filter { $0.deviceId == device }
            let order: [RowResult] = [.abnormal, .attention, .toCheck, .notInspected, .notSupported, .normal]
            let worst = order.first { res in rows.contains { $0.result == res } }
            return Month(month: r.header.period, version: r.version, state: d?.state ?? .notInspected,
                         inspectedOn: d?.inspectedOn, worst: worst,
                         results: rows.map { ($0.check ?? $0.item, $0.result) })
        }
        var series: [String: Reading] = [:]
        var order: [String] = []
        for (i, r) in records.enumerated() {
            for row in r.rows where row.deviceId == device {
                guard case .quantity(let value, let unit) = row.finding else { continue }
                let check = String(row.key.dropFirst(device.count + 1))
                if series[check] == nil {
                    series[check] = Reading(check: check, title: row.check ?? row.item, unit: unit,
                                            values: Array(repeating: nil, count: records.count))
                    order.append(check)
                }
                series[check]?.values[i] = value
            }
        }
        readings = order.compactMap { series[$0] }
    }
}
