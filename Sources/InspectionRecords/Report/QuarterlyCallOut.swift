import CheckupCore
public import Foundation

/// A call-out of the maintenance log as the quarterly report lists it: with the site's and the
/// device's names, and whether the response deadline was met.
public struct QuarterlyCallOut: Sendable, Codable, Hashable {
    public var entry: MaintenanceEntry
    public var site: String
    /// The device's name (the log stores its id); nil when the call named no device.
    public var device: String?
    public var verdict: DeadlineVerdict

    public init(entry: MaintenanceEntry, site: String, device: String?, now: Date) {
        self.entry = entry
        self.site = site
        self.device = device
        verdict = entry.deadlineVerdict(now: now)
    }
}
