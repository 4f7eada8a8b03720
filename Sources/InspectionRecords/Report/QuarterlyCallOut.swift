import CheckupCore
package import Foundation

/// A call-out of the maintenance log as the quarterly report lists it: with the site's and the
/// device's names, and whether the response deadline was met.
package struct QuarterlyCallOut: Sendable, Codable, Hashable {
    package var entry: MaintenanceEntry
    package var site: String
    /// The device's name (the log stores its id); nil when the call named no device.
    package var device: String?
    package var verdict: DeadlineVerdict

    package init(entry: MaintenanceEntry, site: String, device: String?, now: Date) {
        self.entry = entry
        self.site = site
        self.device = device
        verdict = entry.deadlineVerdict(now: now)
    }
}
