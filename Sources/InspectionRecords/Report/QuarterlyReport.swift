import CheckupCore
import Foundation

/// The quarterly written report per client (每季提交书面维护工作报告): how the system ran over
/// the quarter's three monthly records (the current version of each) and the call-outs of the
/// maintenance log.
public struct QuarterlyReport: Sendable, Codable, Hashable {
    public var siteId: String
    public var client: String
    public var site: String
    /// `2026Q4`.
    public var quarter: String
    public var months: [MonthSummary]
    /// Months of the quarter with no stored record.
    public var missingMonths: [String]
    public var devices: [DeviceAvailability]
    public var faultsFound: Int
    public var clearedOnSite: Int
    /// Devices abnormal in two or more months of the quarter.
    public var recurring: [RecurringFault]
    /// Faults not cleared and rows not judged, in the latest record of the quarter.
    public var openItems: [OpenItem]
    public var callOuts: [MaintenanceEntry]
    public var overdueCallOuts: Int

    /// One month's record as the quarter sees it.
    public struct MonthSummary: Sendable, Codable, Hashable {
        public var month: String
        public var version: Int?
        public var contentHash: String
        public var faultsFound: Int
        public var clearedOnSite: Int
        public var pending: Int
        public var toCheck: Int
        public var incomplete: Bool
    }

    /// How often a device answered when inspected.
    public struct DeviceAvailability: Sendable, Codable, Hashable {
        public var deviceId: String
        public var device: String
        public var inspections: Int
        public var online: Int
        /// online / inspections, 0…1.
        public var availability: Double
        public var abnormalRows: Int
        public var abnormalMonths: [String]
    }

    public struct RecurringFault: Sendable, Codable, Hashable {
        public var deviceId: String
        public var device: String
        public var months: [String]
        public var items: [LocalizedText]
    }

    public struct OpenItem: Sendable, Codable, Hashable {
        public var month: String
        public var section: RecordSection
        public var key: String
        public var device: String
        public var item: LocalizedText
        public var result: RowResult
        public var observed: String
        public var handling: String
    }

    /// Builds the report from the store: the current version of each month, and the log.
    /// A quarter with no monthly record at all is an error, not an empty report.
    public static func build(store: RecordStore, site: String, quarter: String,
                             now: Date = Date()) throws(RecordError) -> QuarterlyReport {
        let months = try Period.months(ofQuarter: quarter)
        var records: [MonthlyRecord] = []
        for month in months {
            if let r = try store.record(site: site, month: month) { records.append(r) }
        }
        let header = try store.site(id: site)
        // A report with no monthly record would read as a clean quarter: refuse it instead.
        if records.isEmpty {
            let known = header != nil ? "" : " (the store does not know this site)"
            throw RecordError("no inspection recorded for site '\(site)' in \(quarter.uppercased())\(known): none of "
                              + "\(months.joined(separator: ", ")) has a record in \(store.path); no report written")
        }
        let (from, to) = bounds(months, timeZone: .current)
        let log = try store.logEntries(site: site, from: from, to: to)
        return build(siteId: site, client: header?.client ?? records.last?.header.client ?? "",
                     siteName: header?.name ?? records.last?.header.site ?? "", quarter: quarter.uppercased(),
                     months: months, records: records, callOuts: log, now: now)
    }

    /// Pure aggregation over given records (any order) and call-outs.
    public static func build(siteId: String, client: String, siteName: String, quarter: String, months: [String],
                             records: [MonthlyRecord], callOuts: [MaintenanceEntry], now: Date = Date()) -> QuarterlyReport {
        let records = records.filter { months.contains($0.header.period) }.sorted { $0.header.period < $1.header.period }
        let present = Set(records.map(\.header.period))

        var order: [String] = []
        var names: [String: String] = [:]
        var inspections: [String: Int] = [:], online: [String: Int] = [:], abnormalRows: [String: Int] = [:]
        var abnormalMonths: [String: [String]] = [:]
        var abnormalItems: [String: [LocalizedText]] = [:]
        for r in records {
            for d in r.devices {
                if names[d.id] == nil { order.append(d.id) }
                names[d.id] = d.name
                guard d.state != .notInspected else { continue }
                inspections[d.id, default: 0] += 1
                if d.state == .inspected { online[d.id, default: 0] += 1 }
            }
            for row in r.rows where row.result == .abnormal {
                guard let id = row.deviceId else { continue }
                abnormalRows[id, default: 0] += 1
                if abnormalMonths[id]?.last != r.header.period { abnormalMonths[id, default: []].append(r.header.period) }
                let item = row.check ?? row.item
                if !(abnormalItems[id]?.contains(item) ?? false) { abnormalItems[id, default: []].append(item) }
            }
        }
        let devices = order.map { id in
            let n = inspections[id] ?? 0
            return DeviceAvailability(deviceId: id, device: names[id] ?? id, inspections: n, online: online[id] ?? 0,
                                      availability: n == 0 ? 0 : Double(online[id] ?? 0) / Double(n),
                                      abnormalRows: abnormalRows[id] ?? 0, abnormalMonths: abnormalMonths[id] ?? [])
        }
        let recurring = order.compactMap { id -> RecurringFault? in
            guard let m = abnormalMonths[id], m.count >= 2 else { return nil }
            return RecurringFault(deviceId: id, device: names[id] ?? id, months: m, items: abnormalItems[id] ?? [])
        }
        var open: [OpenItem] = []
        if let last = records.last {
            for table in last.sections {
                for row in table.rows where (row.result == .abnormal && !row.clearedOnSite) || row.result == .toCheck {
                    open.append(OpenItem(month: last.header.period, section: table.section, key: row.key,
                                         device: row.device, item: row.check ?? row.item, result: row.result,
                                         observed: row.observed, handling: row.handling))
                }
            }
        }
        // Faults first: they are what the client asks about.
        open = open.filter { $0.result == .abnormal } + open.filter { $0.result != .abnormal }
        return QuarterlyReport(
            siteId: siteId, client: client, site: siteName, quarter: quarter,
            months: records.map { r in
                MonthSummary(month: r.header.period, version: r.version, contentHash: r.contentHash,
                             faultsFound: r.summary.faultsFound, clearedOnSite: r.summary.clearedOnSite,
                             pending: r.summary.pending, toCheck: r.summary.toCheck, incomplete: r.incomplete)
            },
            missingMonths: months.filter { !present.contains($0) }, devices: devices,
            faultsFound: records.map(\.summary.faultsFound).reduce(0, +),
            clearedOnSite: records.map(\.summary.clearedOnSite).reduce(0, +),
            recurring: recurring, openItems: open, callOuts: callOuts,
            overdueCallOuts: callOuts.filter { $0.isOverdue(now: now) }.count)
    }

    /// First instant of the first month and of the month after the last, in a time zone.
    static func bounds(_ months: [String], timeZone: TimeZone) -> (Date?, Date?) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        func start(_ m: String) -> Date? {
            let p = m.split(separator: "-").compactMap { Int($0) }
            guard p.count == 2 else { return nil }
            return cal.date(from: DateComponents(year: p[0], month: p[1], day: 1))
        }
        let first = months.first.flatMap(start)
        let last = months.last.flatMap(start).flatMap { cal.date(byAdding: .month, value: 1, to: $0) }
        return (first, last)
    }
}
