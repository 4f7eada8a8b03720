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

/// How a profile recognises its devices.
public struct Identification: Sendable {
    /// sysObjectID prefixes (numeric, no leading dot).
    public var objectIDPrefixes: [String]
    /// Regex on sysDescr.
    public var descriptionPattern: String?
    /// Regex on the model string a probe reports.
    public var modelPattern: String?

    /// How well `identity` matches: nil for no match, higher is more specific.
    public func score(_ identity: DeviceIdentity) -> Int? {
        var score = 0
        if let oid = identity.objectID.map(Identification.normalise), !objectIDPrefixes.isEmpty {
            guard let best = objectIDPrefixes.filter({ oid == $0 || oid.hasPrefix($0 + ".") }).map(\.count).max() else { return nil }
            score += 100 + best
        }
        if let pattern = descriptionPattern {
            guard let text = identity.description, text.range(of: pattern, options: .regularExpression) != nil else { return nil }
            score += 50
        }
        if let pattern = modelPattern {
            guard let text = identity.model, text.range(of: pattern, options: .regularExpression) != nil else { return nil }
            score += 50
        }
        return score > 0 ? score : nil
    }

    static func normalise(_ oid: String) -> String {
        oid.hasPrefix(".") ? String(oid.dropFirst()) : oid
    }
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
    public var active: Bool
    public var table: TableRule?
    /// Instruction for a person: makes the check a `manual` row.
    public var manual: LocalizedText?
    public var record: RecordMapping?
    public var location: String
}

/// What a point the device does not have (noSuchObject, illegal data address) means.
public enum AbsentPolicy: String, Sendable, CaseIterable {
    case error, skip, pass, fail
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
}
