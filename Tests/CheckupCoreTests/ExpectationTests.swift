import CheckupCore
import CheckupTestKit
import Foundation
import Testing

/// What a check expects is data (`Expectation`) whose English line is the terminal's
/// `expected` text, word for word as it was before the data existed.
struct ExpectationTests {
    struct Case: Sendable, CustomStringConvertible {
        var check: String
        var value: Value
        var expected: String
        var description: String { "\(check) → \(expected)" }
    }

    static let disks: Value = .table([
        TableRow(index: "1", cells: ["status": .integer(0), "fault": .bool(false)]),
        TableRow(index: "2", cells: ["status": .integer(3), "fault": .bool(true)]),
    ])

    static let cases: [Case] = [
        Case(check: "equals: 0", value: .integer(1), expected: "= 0"),
        Case(check: "equals: false", value: .bool(true), expected: "= false"),
        Case(check: "not-equals: 2", value: .integer(2), expected: "≠ 2"),
        Case(check: "in: [1, 2]", value: .integer(3), expected: "one of 1, 2"),
        Case(check: "range: \"~:80\"", value: .integer(81), expected: "≤ 80"),
        Case(check: "range: \"10:25\"", value: .integer(9), expected: "10…25"),
        Case(check: "range: \"25:\"", value: .integer(9), expected: "≥ 25"),
        Case(check: "range: \"@10:20\"", value: .integer(15), expected: "outside 10…20"),
        Case(check: "range: \"~:80\"", value: .text("n/a"), expected: "≤ 80"),
        Case(check: "warning: \"~:80\"\n    critical: \"~:95\"", value: .text("85 PERCENT"), expected: "≤ 95, warn unless ≤ 80"),
        Case(check: "warning: \"~:98\"", value: .integer(99), expected: "warn unless ≤ 98"),
        Case(check: "regex: \"^DS-\"", value: .text("XS-7608NI"), expected: "matches /^DS-/"),
        Case(check: "map: {0: Normal, 3: {name: SmartFailed, status: fail}, 5: {name: Idle, status: pass}}", value: .integer(3),
             expected: "Idle or Normal"),
        Case(check: "bits: {0: mains fault, 1: battery fault, 2: {name: tamper, status: warn}}", value: .integer(6),
             expected: "none of: battery fault, mains fault, tamper"),
        Case(check: "bits: {0: mains fault}", value: .text("x"), expected: "bit field"),
        Case(check: "clock: {warning: 60, critical: 300}", value: .text("2001-01-01 00:00:00"),
             expected: "within 60 s of this machine's clock"),
        Case(check: "rows: every\n    column: status\n    map: {0: Normal, 3: {name: SmartFailed, status: fail}}", value: disks,
             expected: "every row: status Normal"),
        Case(check: "rows: none\n    column: fault\n    equals: true", value: disks, expected: "no row with fault = true"),
        Case(check: "rows: any\n    column: status\n    equals: 7", value: disks, expected: "a row with status = 7"),
        Case(check: "count: \"3:\"\n    column: fault\n    equals: false", value: disks, expected: "≥ 3 rows with fault = false"),
        Case(check: "rows: every\n    min-rows: 3\n    column: fault\n    equals: false", value: disks, expected: "at least 3 rows"),
    ]

    @Test(arguments: cases)
    func theEnglishLineIsTheTerminalsAsBefore(_ c: Case) throws {
        let profile = try scriptedProfile("  - id: c\n    title: C\n    point: \(c.value.isTable ? "t" : "v")\n    \(c.check)")
        let result = Evaluator().evaluate(profile, readings: .values(["v": c.value, "t": c.value]), device: "d")[0]
        #expect(result.expected == c.expected)
        #expect(result.expectation?.description == c.expected, "the line is the data's own English")
        #expect(result.status != .pass, "each case is a check that does not pass: \(result.status)")
    }

    @Test func aDeviceThatDoesNotAnswerIsExpectedToAndAPersonsRowShowsItsInstruction() throws {
        let profile = try scriptedProfile("""
          - id: v
            title: V
            point: v
            equals: 1
          - id: lens
            title: Lens
            manual: {zh: 目视检查镜头, en: Look at the lens}
        """)
        let silent = Evaluator().evaluate(profile, readings: Readings(unreachable: "timeout after 300 ms"), device: "d")[0]
        #expect(silent.expected == "device answers" && silent.expectation == .answers)
        let lens = Evaluator().evaluate(profile, readings: .values([:]), device: "d")[1]
        #expect(lens.expected == "目视检查镜头 / Look at the lens")
        #expect(lens.expectation == .instruction(LocalizedText(zh: "目视检查镜头", en: "Look at the lens")))
    }

    /// Results are stored as JSON: the expectation comes back whole, and a result stored before
    /// it existed still decodes.
    @Test func theExpectationSurvivesJSONAndOldResultsDecode() throws {
        let profile = try scriptedProfile("""
          - id: disks
            title: Disks
            point: t
            rows: none
            column: fault
            equals: true
            warning: "~:1"
        """)
        let result = Evaluator().evaluate(profile, readings: .values(["t": Self.disks]), device: "d")[0]
        let back = try JSONDecoder().decode(CheckResult.self, from: JSONEncoder().encode(result))
        #expect(back == result)
        guard case .rows(.none, _, "fault", .all(let parts)?)? = back.expectation else {
            Issue.record("a table's expectation keeps its rows, column and cell: \(String(describing: back.expectation))")
            return
        }
        #expect(parts.count == 2)
        let old = #"{"device":"d","check":"c","title":{"zh":"C","en":"C"},"status":"pass","observed":"1","expected":"= 1","evidence":[],"duration_ms":1,"offending":[]}"#
        let decoded = try JSONDecoder().decode(CheckResult.self, from: Data(old.utf8))
        #expect(decoded.expected == "= 1" && decoded.expectation == nil)
    }
}
