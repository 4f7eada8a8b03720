package import Foundation

/// One stored version of a monthly record, without its content (for lists).
package struct RecordVersionInfo: Sendable, Codable, Hashable {
    package var siteId: String
    package var month: String
    package var version: Int
    /// True for the latest version of its month: the current record.
    package var isCurrent: Bool
    package var contentHash: String
    package var savedAt: Date
    /// Set when a person edited this version (`records fill`); nil for a version from a run.
    package var editedBy: String?
    package var runId: Int64?
    package var faultsFound: Int
    package var toCheck: Int
    package var incomplete: Bool
}

/// One stored run, without its results.
package struct RunInfo: Sendable, Codable, Hashable {
    package var id: Int64
    package var siteId: String
    package var month: String
    package var startedAt: Date
    package var finishedAt: Date
    package var incomplete: Bool
    package var exitStatus: Int32
}
