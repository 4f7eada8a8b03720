public import Foundation

/// One stored version of a monthly record, without its content (for lists).
public struct RecordVersionInfo: Sendable, Codable, Hashable {
    public var siteId: String
    public var month: String
    public var version: Int
    /// True for the latest version of its month: the current record.
    public var isCurrent: Bool
    public var contentHash: String
    public var savedAt: Date
    /// Set when a person edited this version (`records fill`); nil for a version from a run.
    public var editedBy: String?
    public var runId: Int64?
    public var faultsFound: Int
    public var toCheck: Int
    public var incomplete: Bool
}

/// One stored run, without its results.
public struct RunInfo: Sendable, Codable, Hashable {
    public var id: Int64
    public var siteId: String
    public var month: String
    public var startedAt: Date
    public var finishedAt: Date
    public var incomplete: Bool
    public var exitStatus: Int32
}
