import CheckupCore
package import Foundation

/// Call-out statistics per client, response zone and quarter, from the maintenance log: how
/// many, how many arrived on time (the contract's deadline), and how long they took to resolve.
package struct CallOutStatistics: Sendable {
    package struct Group: Sendable, Hashable {
        package var client: String
        package var zone: String
        package var quarter: String
        package var callOuts: Int
        /// Call-outs judged against a deadline (arrived, or the deadline passed).
        package var judged: Int
        package var onTime: Int
        package var open: Int
        /// Median hours from the call to the resolution, of the resolved ones.
        package var medianHoursToResolve: Double?

        /// On-time arrivals of the judged call-outs; nil when none was judged yet.
        package var onTimeRate: Double? { judged == 0 ? nil : Double(onTime) / Double(judged) }
    }

    package var groups: [Group]

    /// Over every site of the store (or of `clients`), for the quarters given (`2026Q4`).
    package static func build(store: RecordStore, quarters: [String], clients: [String]? = nil,
                             now: Date = Date(), timeZone: TimeZone = .current) throws(RecordError) -> CallOutStatistics {
        var sites: [String: Site] = [:]
        for id in try store.siteIds() { sites[id] = try store.site(id: id) }
        var buckets: [String: [MaintenanceEntry]] = [:]
        var keys: [String: (String, String, String)] = [:]
        for entry in try store.logEntries() {
            let client = sites[entry.siteId]?.client ?? entry.siteId
            if let clients, !clients.contains(client) { continue }
            let quarter = Self.quarter(of: entry.calledAt, in: timeZone)
            guard quarters.contains(quarter) else { continue }
            let zone = entry.responseZone ?? sites[entry.siteId]?.responseZone ?? "-"
            let key = "\(client)\u{1F}\(zone)\u{1F}\(quarter)"
            buckets[key, default: []].append(entry)
            keys[key] = (client, zone, quarter)
        }
        let groups = buckets.keys.sorted().map { key -> Group in
            let entries = buckets[key] ?? []
            let (client, zone, quarter) = keys[key]!
            let verdicts = entries.map { $0.deadlineVerdict(now: now) }
            let hours = entries.compactMap { e in e.resolvedAt.map { $0.timeIntervalSince(e.calledAt) / 3600 } }.sorted()
            let median = hours.isEmpty ? nil : hours.count % 2 == 1 ? hours[hours.count / 2]
                : (hours[hours.count / 2 - 1] + hours[hours.count / 2]) / 2
            return Group(client: client, zone: zone, quarter: quarter, callOuts: entries.count,
                         judged: verdicts.filter { $0 == .onTime || $0 == .late }.count,
                         onTime: verdicts.filter { $0 == .onTime }.count, open: entries.filter(\.isOpen).count,
                         medianHoursToResolve: median)
        }
        return CallOutStatistics(groups: groups)
    }

    /// This quarter, `2026Q4`.
    package static var currentQuarter: String { quarter(of: Date(), in: .current) }

    static func quarter(of date: Date, in timeZone: TimeZone) -> String {
        let month = Period.month(of: date, in: timeZone)
        return "\(month.prefix(4))Q\(((Int(month.suffix(2)) ?? 1) + 2) / 3)"
    }
}
