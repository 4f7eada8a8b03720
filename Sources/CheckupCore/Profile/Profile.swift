import Foundation

/// A vendor device profile: how to identify the device, what to read, how to judge it, and
/// which line of the monthly record each check fills. Loaded from `device-profiles/**.yaml`.
package struct Profile: Sendable, Identifiable {
    package static let supportedSchema = 1

    package var id: String
    /// The probe family that reads it (`DeviceProbe.protocolName`).
    package var protocolName: String
    package var kind: DeviceKind?
    package var title: LocalizedText
    package var vendor: String?
    /// Where the map comes from (a MIB, a manual), for reviewers.
    package var source: String?
    package var identify: Identification?
    /// Default record line of the profile's checks.
    package var record: RecordMapping?
    package var points: [PointSpec]
    package var checks: [CheckSpec]
    /// Where the profile was loaded from (a path, or `embedded:<id>`).
    package var origin: String

    package func point(_ id: String) -> PointSpec? { points.first { $0.id == id } }
}

/// One point of a profile, with the probe-specific address already decoded by its probe.
package struct PointSpec: Sendable {
    package var id: String
    package var title: LocalizedText?
    package var unit: String?
    /// Applied to numeric readings: value × scale + offset (e.g. TimeTicks → seconds: 0.01).
    package var scale: Double?
    package var offset: Double?
    package var active: Bool
    /// The probe's `Address`, decoded when the profile was loaded.
    package var address: any Sendable
    /// Addresses tried in order when the unit lacks the previous one (`alternatives:`),
    /// each decoded by the probe like `address`.
    package var alternatives: [any Sendable] = []
    /// Raw readings that mean "no value" (`invalid: [-32768]`, a panel's 0x8000): read as absent.
    package var invalid: [Double] = []
    package var location: String
}

/// One check: which point, which conditions, what a failure means, where it goes on the record.
package struct CheckSpec: Sendable {
    package var id: String
    package var title: LocalizedText
    /// The point judged; nil for manual rows.
    package var point: String?
    package var conditions: [Condition]
    package var severity: CheckStatus
    package var absent: AbsentPolicy
    /// What a person is asked to do when the unit lacks the point and `absent` is `manual`.
    package var absentInstruction: LocalizedText?
    package var active: Bool
    package var table: TableRule?
    /// Instruction for a person: makes the check a `manual` row.
    package var manual: LocalizedText?
    package var record: RecordMapping?
    package var location: String
}

/// What a point the device does not have (noSuchObject, illegal data address) means.
/// The default, `unsupported`, is no fault: most units lack some objects of their MIB.
package enum AbsentPolicy: String, Sendable, CaseIterable {
    /// Not supported (不支持): no effect on the exit code.
    case unsupported
    /// A row for a person to look at on site.
    case manual
    case warn, fail, pass
    /// The unit should have it: an answer that cannot be judged.
    case error

    /// Older profiles wrote `skip` for `unsupported`.
    package static let synonyms: [String: AbsentPolicy] = ["skip": .unsupported]

    package init?(text: String) {
        guard let policy = AbsentPolicy(rawValue: text) ?? Self.synonyms[text] else { return nil }
        self = policy
    }
}

/// How a check looks at a table value.
package struct TableRule: Sendable {
    package enum Quantifier: String, Sendable, CaseIterable { case every, any, none }
    package var rows: Quantifier?
    /// Number of rows satisfying the conditions must lie in this range.
    package var count: NagiosRange?
    /// The cell judged; nil judges the row's single cell.
    package var column: String?
    /// Names a row: `"disk {volume}"`, or in both languages `{zh: "{index} 号防区", en: "zone {index}"}`.
    package var label: LocalizedText?
    /// Names of rows in both languages, by row index (`row-titles: {PSTN: {zh: 电话线路, en: PSTN line}}`):
    /// `{index}` in the label becomes the title in the record's language.
    package var rowTitles: [String: LocalizedText] = [:]
    package var minRows: Int?
    /// Rows left out before judging (`skip-rows: {admin-status: 2, type: [24]}`): a row whose
    /// named cell equals one of the values is not this check's business (a loopback).
    package var skipRows: [String: [ExpectedValue]] = [:]

    /// True when the row is left out by `skipRows`.
    package func skips(_ row: TableRow) -> Bool {
        skipRows.contains { column, values in
            guard let cell = row.cells[column] else { return false }
            return values.contains { $0.matches(cell) }
        }
    }
}
