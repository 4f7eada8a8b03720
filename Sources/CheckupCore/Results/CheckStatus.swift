/// The outcome of one check. Ordered by how much it matters for the exit code.
package enum CheckStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// The check's condition holds.
    case pass
    /// The condition failed at warning severity.
    case warn
    /// The condition failed at failure severity.
    case fail
    /// The device did not answer at all.
    case unreachable
    /// The device answered something the check cannot judge (bad type, unparsable, checksum…), or
    /// lacks a point its profile says it must have (`absent: error`).
    case error
    /// An active step not run because `--allow-active` was not given.
    case skipped
    /// A row for a person to judge on site.
    case manual
    /// The unit does not implement the object (noSuchObject, illegal data address): not a fault.
    case unsupported

    /// Monitoring-Plugins weight: 0 OK, 1 WARNING, 2 CRITICAL.
    package var exitWeight: Int32 {
        switch self {
        case .pass, .skipped, .manual, .unsupported: return 0
        case .warn: return 1
        case .fail, .unreachable, .error: return 2
        }
    }

    /// True for outcomes that make a device abnormal (异常) on the record.
    package var isAbnormal: Bool { exitWeight > 0 }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    package static func < (a: CheckStatus, b: CheckStatus) -> Bool { a.rank < b.rank }
}

/// Exit codes of every command (Monitoring Plugins convention).
package enum ExitStatus: Int32, Sendable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    /// The exit status for a set of results: the worst weight among them.
    package static func of(_ statuses: some Sequence<CheckStatus>) -> ExitStatus {
        ExitStatus(rawValue: statuses.map(\.exitWeight).max() ?? 0) ?? .unknown
    }

    package var label: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }
}
