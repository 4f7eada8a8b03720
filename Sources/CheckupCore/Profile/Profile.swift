import Foundation

/// A vendor device profile: how to identify the device, what to read, how to judge it, and
/// which line of the monthly record each check fills. Loaded from `device-profiles/**.yaml`.
public struct Profile: Sendable, Identifiable {
    public static let supportedSchema = 1

    public var id: String
    /// The probe family that reads it (`DeviceProbe.protocolName`).
    public var protocolName: String
    public var kind: DeviceKind?
    public var title: LocalizedText
    public var vendor: String?
    /// Where the map comes from (a MIB, a manual), for reviewers.
    public var source: String?
    public var identify: Identification?
    /// Default record line of the profile's checks.
    public var record: RecordMapping?
    public var points: [PointSpec]
    public var checks: [CheckSpec]
    /// Where the profile was loaded from (a path, or `embedded:<id>`).
    public var origin: String

    public func point(_ id: String) -> PointSpec? { points.first { $0.id == id } }
}

/// One point of a profile, with the probe-specific address already decoded by its probe.
public struct PointSpec: Sendable {
    public var id: String
    public var title: LocalizedText?
    public var unit: String?
    /// Applied to numeric readings: value × scale + offset (e.g. TimeTicks → seconds: 0.01).
    public var scale: Double?
    public var offset: Double?
    public var active: Bool
    /// The probe's `Address`, decoded when the profile was loaded.
    public var address: any Sendable
    /// Addresses tried in order when the unit lacks the previous one (`alternatives:`),
    /// each decoded by the probe like `address`.
    public var alternatives: [any Sendable] = []
    /// Raw readings that mean "no value" (`invalid: [-32768]`, a panel's 0x8000): read as absent.
    public var invalid: [Double] = []
    public var location: String
}

/// One check: which point, which conditions, what a failure means, where it goes on the record.
public struct CheckSpec: Sendable {
    public var id: String
    public var title: LocalizedText
    /// The point judged; nil for manual rows.
    public var point: String?
    public var conditions: [Condition]
    public var severity: CheckStatus
    public var absent: AbsentPolicy
    /// What a person is asked to do when the unit lacks the point and `absent` is `manual`.
    public var absentInstruction: LocalizedText?
    public var active: Bool
    public var table: TableRule?
    /// Instruction for a person: makes the check a `manual` row.
    public var manual: LocalizedText?
    public var record: RecordMapping?
    public var location: String
}

/// What a point the device does not have (noSuchObject, illegal data address) means.
/// The default, `unsupported`, is no fault: most units lack some objects of their MIB.
public enum AbsentPolicy: String, Sendable, CaseIterable {
    /// Not supported (不支持): no effect on the exit code.
    case unsupported
    /// A row for a person to look at on site.
    case manual
    case warn, fail, pass
    /// The unit should have it: an answer that cannot be judged.
    case error

    /// Older profiles wrote `skip` for `unsupported`.
    public static let synonyms: [String: AbsentPolicy] = ["skip": .unsupported]

    public init?(text: String) {
        guard let policy = AbsentPolicy(rawValue: text) ?? Self.synonyms[text] else { return nil }
        self = policy
    }
}

/// How a check looks at a table value.
public struct TableRule: Sendable {
    public enum Quantifier: String, Sendable, CaseIterable { case every, any, none }
    public var rows: Quantifier?
    /// Number of rows satisfying the conditions must lie in this range.
    public var count: NagiosRange?
    /// The cell judged; nil judges the row's single cell.
    public var column: String?
    /// Names a row: `"disk {volume}"`, or in both languages `{zh: "{index} 号防区", en: "zone {index}"}`.
    public var label: LocalizedText?
    public var minRows: Int?
    /// Rows left out before judging (`skip-rows: {admin-status: 2, type: [24]}`): a row whose
    /// named cell equals one of the values is not this check's business (a loopback).
    public var skipRows: [String: [ExpectedValue]] = [:]

    /// True when the row is left out by `skipRows`.
    public func skips(_ row: TableRow) -> Bool {
        skipRows.contains { column, values in
            guard let cell = row.cells[column] else { return false }
            return values.contains { $0.matches(cell) }
        }
    }
}
