package import CheckupCore
import Foundation

/// The maintenance cycle table (维护工作周期表) of a month or a quarter: every site the store
/// knows, when its visit is due, who goes, and where it stands.
package struct MaintenanceSchedule: Sendable {
    package var months: [String]
    package var today: String
    package var entries: [Entry]

    package enum State: String, Sendable, Codable, CaseIterable {
        /// A version with no device left 未检.
        case done
        /// Visited, but devices are still 未检 (or the run was cut short).
        case inProgress = "in-progress"
        /// Due and past its day, with no complete version.
        case overdue
        /// Due later this month.
        case due
        /// The contract has no visit this month.
        case notDue = "not-due"

        package var title: LocalizedText {
            switch self {
            case .done: LocalizedText(zh: "已完成", en: "Done")
            case .inProgress: LocalizedText(zh: "进行中", en: "In progress")
            case .overdue: LocalizedText(zh: "超期", en: "Overdue")
            case .due: LocalizedText(zh: "待检", en: "Due")
            case .notDue: LocalizedText(zh: "本月无计划", en: "Not due")
            }
        }
    }

    package struct Entry: Sendable, Hashable {
        package var month: String
        package var siteId: String
        package var site: String
        package var client: String
        package var technician: String?
        package var dueDate: String?
        package var state: State
        package var version: Int?
        package var shortHash: String?
        package var signedBy: String?
        package var holidayDuty: [String]
    }

    /// The schedule of `months` over every site of the store, judged on `today` (`YYYY-MM-DD`).
    package static func build(store: RecordStore, months: [String], today: String,
                             sites ids: [String]? = nil) throws(RecordError) -> MaintenanceSchedule {
        var entries: [Entry] = []
        let siteIds: [String]
        if let ids { siteIds = ids } else { siteIds = try store.siteIds() }
        for id in siteIds {
            guard let site = try store.site(id: id) else { continue }
            let versions = try store.records(site: id)
            let signatures = try store.signatures(site: id)
            for month in months {
                let current = versions.last { $0.month == month && $0.isCurrent }
                let plan = site.visits ?? VisitPlan()
                let due = plan.dueDate(in: month)
                let state: State
                if let current, !current.incomplete { state = .done }
                else if current != nil { state = due.map { today > $0 } == true ? .overdue : .inProgress }
                else if let due { state = today > due ? .overdue : .due }
                else { state = .notDue }
                entries.append(Entry(
                    month: month, siteId: id, site: site.name, client: site.client, technician: site.technician?.name,
                    dueDate: due, state: state, version: current?.version, shortHash: current.map { String($0.contentHash.prefix(12)) },
                    signedBy: current.flatMap { v in signatures.first { $0.month == month && $0.version == v.version } }
                        .map { "\($0.signedBy) \($0.signedOn)" },
                    holidayDuty: plan.holidayDuty.filter { $0.hasPrefix(month + "-") }))
            }
        }
        entries.sort { ($0.month, $0.dueDate ?? "9", $0.client, $0.siteId) < ($1.month, $1.dueDate ?? "9", $1.client, $1.siteId) }
        return MaintenanceSchedule(months: months, today: today, entries: entries)
    }

    package var overdue: [Entry] { entries.filter { $0.state == .overdue } }
}
