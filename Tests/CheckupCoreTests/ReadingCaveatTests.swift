import CheckupCore
import Testing

/// A reading that was cut short (a table walk at its object limit) says so in the judged
/// result, not only in the evidence.
struct ReadingCaveatTests {
    @Test func aCutTableSaysSoInTheObservedText() throws {
        let profile = try scriptedProfile("""
          - id: disks
            title: Disks
            point: t
            rows: every
            column: status
            map: {0: Normal, 3: {name: SmartFailed, status: fail}}
        """)
        let table: Value = .table([TableRow(index: "1", cells: ["status": .integer(0)])])
        var reading = Reading(table)
        let whole = Evaluator().evaluate(profile, readings: Readings(values: ["t": reading]), device: "nvr")[0]
        #expect(!whole.observed.contains("limit"))
        reading.caveat = "walk stopped at the limit of 10000 objects: the table may have more rows"
        let cut = Evaluator().evaluate(profile, readings: Readings(values: ["t": reading]), device: "nvr")[0]
        #expect(cut.observed == whole.observed + " (walk stopped at the limit of 10000 objects: the table may have more rows)")
    }

    @Test func anUnsignedCounterIsJudgedAsTheNumberItIs() throws {
        let profile = try scriptedProfile("""
          - id: octets
            title: Octets
            point: v
            range: "~:10000000000000000000"
        """)
        let result = Evaluator().evaluate(profile, readings: .values(["v": .unsigned(UInt64.max)]), device: "cam")[0]
        #expect(result.status == .fail, "\(result.observed)")
        #expect(result.observed.contains("18446744073709551615"), "\(result.observed)")
    }
}
