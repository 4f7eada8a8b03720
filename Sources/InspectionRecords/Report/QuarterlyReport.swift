package import CheckupCore
package import Foundation

/// The quarterly written report per client (每季提交书面维护工作报告): how the systems of all
/// the client's sites ran over the quarter — the current version of each monthly record — and
/// the call-outs of the maintenance log.
package struct QuarterlyReport: Sendable, Codable, Hashable {
    package var client: String
    /// `2026Q4`.
    package var quarter: String
    package var months: [String]
    package var sites: [SiteQuarter]
    /// Call-outs of every site, by call time.
    package var callOuts: [QuarterlyCallOut]
    package var faultsFound: Int
    package var clearedOnSite: Int
    package var pending: Int
    package var onTimeCallOuts: Int
    package var lateCallOuts: Int
    /// On time over judged call-outs; nil when none was judged.
    package var onTimeRate: Double?

    /// Pure aggregation: one `SiteQuarter` per site, and the call-outs named after their site and device.
    package init(client: String, quarter: String, months: [String], sites: [SiteQuarter], headers: [String: Site],
                records: [MonthlyRecord], callOuts: [MaintenanceEntry], now: Date = Date()) {
        self.client = client
        self.quarter = quarter
        self.months = months
        self.sites = sites
        let names = Self.deviceNames(headers: headers, records: records)
        let siteNames = Dictionary(sites.map { ($0.siteId, $0.site) }, uniquingKeysWith: { a, _ in a })
        self.callOuts = callOuts.sorted { ($0.calledAt, $0.id ?? 0) < ($1.calledAt, $1.id ?? 0) }.map { e in
            QuarterlyCallOut(entry: e, site: siteNames[e.siteId] ?? e.siteId,
                             device: e.device.map { names[e.siteId]?[$0] ?? $0 }, now: now)
        }
        faultsFound = sites.map(\.faultsFound).reduce(0, +)
        clearedOnSite = sites.map(\.clearedOnSite).reduce(0, +)
        pending = sites.map(\.pending).reduce(0, +)
        let verdicts = self.callOuts.map(\.verdict)
        onTimeCallOuts = verdicts.filter { $0 == .onTime }.count
        lateCallOuts = verdicts.filter { $0 == .late }.count
        onTimeRate = DeadlineVerdict.onTimeRate(verdicts)
    }

    /// Builds the report of the given sites from the store. A site the store does not know, or
    /// sites of different clients, are errors; so is a quarter with no record for any site
    /// (an empty report would read as a quarter without faults).
    package static func build(store: RecordStore, sites siteIds: [String], quarter: String,
                             now: Date = Date()) throws(RecordError) -> QuarterlyReport {
        let months = try Period.months(ofQuarter: quarter)
        let quarter = quarter.uppercased()
        let siteIds = siteIds.reduce(into: [String]()) { ids, id in if !ids.contains(id) { ids.append(id) } }
        let known = try store.siteIds()
        var headers: [String: Site] = [:]
        var records: [MonthlyRecord] = []
        for id in siteIds {
            guard known.contains(id) else {
                let hint = Suggest.closest(to: id, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw RecordError("no inspection recorded for site '\(id)' in \(quarter) (the store does not know this site)\(hint)")
            }
            headers[id] = try store.site(id: id)
            for month in months {
                if let r = try store.record(site: id, month: month) { records.append(r) }
            }
        }
        if records.isEmpty {
            let which = siteIds.count == 1 ? "site '\(siteIds[0])'" : "sites \(siteIds.joined(separator: ", "))"
            throw RecordError("no inspection recorded for \(which) in \(quarter): none of \(months.joined(separator: ", ")) "
                              + "has a record in \(store.path); no report written")
        }
        let client = try commonClient(siteIds.map { id in
            (id, headers[id]?.client ?? records.last { $0.header.siteId == id }?.header.client)
        })
        let (from, to) = bounds(months, timeZone: .current)
        var log: [MaintenanceEntry] = []
        for id in siteIds { log += try store.logEntries(site: id, from: from, to: to) }
        let sites = siteIds.map { SiteQuarter(siteId: $0, header: headers[$0], months: months, records: records) }
        return QuarterlyReport(client: client, quarter: quarter, months: months, sites: sites, headers: headers,
                               records: records, callOuts: log, now: now)
    }

    /// One site: `build(store:sites:quarter:)` with that site alone.
    package static func build(store: RecordStore, site: String, quarter: String,
                             now: Date = Date()) throws(RecordError) -> QuarterlyReport {
        try build(store: store, sites: [site], quarter: quarter, now: now)
    }

    /// The one client the sites belong to: a report per client does not mix clients.
    static func commonClient(_ clients: [(site: String, client: String?)]) throws(RecordError) -> String {
        let named = clients.compactMap { c in c.client.map { (c.site, $0) } }
        let distinct = named.map(\.1).reduce(into: [String]()) { all, c in if !all.contains(c) { all.append(c) } }
        guard distinct.count <= 1 else {
            throw RecordError("the sites belong to different clients (" + named.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
                              + "): a quarterly report is per client")
        }
        return distinct.first ?? ""
    }

    /// Device id → name, per site: the store's inventory first, then the records.
    static func deviceNames(headers: [String: Site], records: [MonthlyRecord]) -> [String: [String: String]] {
        var names: [String: [String: String]] = [:]
        for r in records {
            for d in r.devices { names[r.header.siteId, default: [:]][d.id] = d.name }
        }
        for (id, site) in headers {
            for d in site.devices { names[id, default: [:]][d.id] = d.name }
        }
        return names
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
