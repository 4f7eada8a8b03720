package import CheckupCore
package import Foundation

/// Whether a call-out met its response deadline, in words the client signs under
/// (按时 / 超时), never only a colour.
package enum DeadlineVerdict: String, Sendable, Codable, CaseIterable {
    /// Arrived by the deadline.
    case onTime = "on-time"
    /// Arrived after the deadline, or not arrived and the deadline has passed.
    case late
    /// Not arrived yet, the deadline not passed.
    case awaitingArrival = "awaiting-arrival"
    /// The contract sets no deadline for the site's zone.
    case noDeadline = "no-deadline"

    package var title: LocalizedText {
        switch self {
        case .onTime: LocalizedText(zh: "按时", en: "On time")
        case .late: LocalizedText(zh: "超时", en: "Late")
        case .awaitingArrival: LocalizedText(zh: "未到场", en: "Not arrived yet")
        case .noDeadline: LocalizedText(zh: "无时限", en: "No deadline")
        }
    }
}

extension MaintenanceEntry {
    /// The deadline verdict at `now` (an open call-out can still turn late).
    package func deadlineVerdict(now: Date = Date()) -> DeadlineVerdict {
        guard deadline != nil else { return .noDeadline }
        if isOverdue(now: now) { return .late }
        return arrivedAt == nil ? .awaitingArrival : .onTime
    }
}

extension DeadlineVerdict {
    /// Share of the call-outs already judged (on time or late) that were on time; nil when
    /// none is judged yet, so an empty quarter never reads as 0 %.
    package static func onTimeRate(_ verdicts: [DeadlineVerdict]) -> Double? {
        let onTime = verdicts.filter { $0 == .onTime }.count
        let judged = onTime + verdicts.filter { $0 == .late }.count
        return judged == 0 ? nil : Double(onTime) / Double(judged)
    }
}
