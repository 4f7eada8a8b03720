package import CheckupCore
import Foundation

/// One site's part of the quarterly report: its months, its devices' availability, its faults.
package struct SiteQuarter: Sendable, Codable, Hashable {
    package var siteId: String
    package var site: String
    package var address: String?
    package var contract: String?
    package var months: [MonthSummary]
    /// Months of the quarter with no stored record for this site.
    package var missingMonths: [String]
    package var devices: [DeviceAvailability]
    /// Online inspections over all inspections of the site's devices; nil when none was inspected.
    package var availability: Double?
    package var faultsFound: Int
    package var clearedOnSite: Int
    package var pending: Int
    /// Warning rows (注意): reported apart, never counted as faults.
    package var attention: Int
    /// Devices abnormal in two or more months of the quarter (warnings do not count).
    package var recurring: [RecurringFault]
    /// Faults not cleared and rows not judged, in the latest record of the quarter.
    package var openItems: [OpenItem]

    /// One month's record as the quarter sees it.
    package struct MonthSummary: Sendable, Codable, Hashable {
        package var month: String
        package var version: Int?
        package var contentHash: String
        package var faultsFound: Int
        package var clearedOnSite: Int
        package var pending: Int
        package var attention: Int
        package var toCheck: Int
        package var devicesNotInspected: Int
        package var incomplete: Bool
    }

    /// How often a device answered when it was inspected.
    package struct DeviceAvailability: Sendable, Codable, Hashable {
        package var deviceId: String
        package var device: String
        /// Months in which the device was inspected (answered or found offline).
        package var inspections: Int
        package var online: Int
        /// online / inspections, 0…1; nil when the device was never inspected in the quarter (no data, not 0 %).
        package var availability: Double?
        package var abnormalRows: Int
        package var abnormalMonths: [String]
        /// Each month of the quarter: answered, offline, or no data (not inspected, or no record).
        package var monthly: [MonthAnswer]
    }

    /// What one month says about one device.
    package struct MonthAnswer: Sendable, Codable, Hashable {
        package var month: String
        package var answer: Answer

        package enum Answer: String, Sendable, Codable, CaseIterable {
            case online
            case offline
            /// Not inspected that month, or no record of the month: never counted as offline.
            case noData = "no-data"

            package var title: LocalizedText {
                switch self {
                case .online: LocalizedText(zh: "在线", en: "Online")
                case .offline: LocalizedText(zh: "离线", en: "Offline")
                case .noData: LocalizedText(zh: "无数据", en: "no data")
                }
            }
        }
    }

    package struct RecurringFault: Sendable, Codable, Hashable {
        package var deviceId: String
        package var device: String
        package var months: [String]
        package var items: [LocalizedText]
    }

    package struct OpenItem: Sendable, Codable, Hashable {
        package var month: String
        package var section: RecordSection
        package var key: String
        package var device: String
        package var item: LocalizedText
        package var result: RowResult
        package var observed: String
        package var handling: String
    }
}

extension SiteQuarter {
    /// Aggregates the given records (any order; those outside `months` are ignored).
    /// `header`: the site as the store knows it, for name, address and contract.
    package init(siteId: String, header: Site?, months: [String], records: [MonthlyRecord]) {
        let records = records.filter { $0.header.siteId == siteId && months.contains($0.header.period) }
            .sorted { $0.header.period < $1.header.period }
        let present = Set(records.map(\.header.period))
        let latest = records.last?.header
        self.siteId = siteId
        site = header?.name ?? latest?.site ?? siteId
        address = header?.address ?? latest?.address
        contract = header?.contract ?? latest?.contract
        self.months = records.map(MonthSummary.init)
        missingMonths = months.filter { !present.contains($0) }
        var tally = DeviceTally()
        for record in records { tally.add(record) }
        devices = tally.availability(months: months)
        let inspections = devices.map(\.inspections).reduce(0, +)
        availability = inspections == 0 ? nil : Double(devices.map(\.online).reduce(0, +)) / Double(inspections)
        faultsFound = records.map(\.summary.faultsFound).reduce(0, +)
        clearedOnSite = records.map(\.summary.clearedOnSite).reduce(0, +)
        pending = records.map(\.summary.pending).reduce(0, +)
        attention = records.map(\.summary.attention).reduce(0, +)
        recurring = tally.recurring()
        openItems = records.last.map(Self.openItems) ?? []
    }

    /// Faults first: they are what the client asks about.
    static func openItems(of record: MonthlyRecord) -> [OpenItem] {
        let items = record.sections.flatMap { table in
            table.rows.filter { ($0.result == .abnormal && !$0.clearedOnSite) || $0.result == .toCheck }.map { row in
                OpenItem(month: record.header.period, section: table.section, key: row.key, device: row.device,
                         item: row.check ?? row.item, result: row.result, observed: row.observed, handling: row.handling)
            }
        }
        return items.filter { $0.result == .abnormal } + items.filter { $0.result != .abnormal }
    }
}

extension SiteQuarter.MonthSummary {
    init(_ r: MonthlyRecord) {
        self.init(month: r.header.period, version: r.version, contentHash: r.contentHash,
                  faultsFound: r.summary.faultsFound, clearedOnSite: r.summary.clearedOnSite, pending: r.summary.pending,
                  attention: r.summary.attention, toCheck: r.summary.toCheck,
                  devicesNotInspected: r.summary.devicesNotInspected, incomplete: r.incomplete)
    }
}
