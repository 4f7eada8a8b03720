import CheckupCore
import CheckupTestKit
import Foundation
import Testing

/// Every condition kind, table-driven: (check YAML, value, expected status, fragment of observed).
struct EvaluatorTests {
    struct Case: Sendable, CustomStringConvertible {
        var check: String
        var value: Value
        var status: CheckStatus
        var observed: String? = nil
        var description: String { "\(check) on \(value.text) → \(status)" }
    }

    static let cases: [Case] = [
        Case(check: "equals: 0", value: .integer(0), status: .pass),
        Case(check: "equals: 0", value: .integer(1), status: .fail),
        Case(check: "equals: false", value: .bool(false), status: .pass),
        Case(check: "equals: false", value: .bool(true), status: .fail),
        Case(check: "equals: false", value: .integer(0), status: .pass),
        Case(check: "equals: online", value: .text("online"), status: .pass),
        Case(check: "equals: online\n    severity: warn", value: .text("offline"), status: .warn),
        Case(check: "not-equals: 2", value: .integer(2), status: .fail),
        Case(check: "in: [1, 2]", value: .integer(2), status: .pass),
        Case(check: "in: [1, 2]", value: .integer(3), status: .fail),
        Case(check: "range: \"~:80\"", value: .integer(80), status: .pass),
        Case(check: "range: \"~:80\"", value: .integer(81), status: .fail),
        Case(check: "range: \"10:25\"", value: .number(9.9), status: .fail),
        Case(check: "range: \"25:\"", value: .integer(25), status: .pass),
        Case(check: "range: \"@10:20\"", value: .integer(15), status: .fail),
        Case(check: "range: \"@10:20\"", value: .integer(21), status: .pass),
        Case(check: "range: \"10\"", value: .integer(-1), status: .fail),
        // numbers parsed out of strings with units (Hikvision)
        Case(check: "warning: \"~:80\"\n    critical: \"~:95\"", value: .text("27 PERCENT"), status: .pass),
        Case(check: "warning: \"~:80\"\n    critical: \"~:95\"", value: .text("85 PERCENT"), status: .warn),
        Case(check: "warning: \"~:80\"\n    critical: \"~:95\"", value: .text("97 PERCENT"), status: .fail),
        Case(check: "range: \"100:\"", value: .text("116.5 GB"), status: .pass),
        Case(check: "range: \"~:80\"", value: .text("n/a"), status: .error, observed: "not a number"),
        Case(check: "regex: \"^DS-\"", value: .text("DS-7608NI"), status: .pass),
        Case(check: "regex: \"^DS-\"", value: .text("XS-7608NI"), status: .fail),
        // enum maps
        Case(check: "map: {0: Normal, 3: {name: SmartFailed, status: fail}, 5: {name: Idle, status: warn}}", value: .integer(3),
             status: .fail, observed: "SmartFailed"),
        Case(check: "map: {0: Normal, 3: {name: SmartFailed, status: fail}, 5: {name: Idle, status: warn}}", value: .integer(5),
             status: .warn, observed: "Idle"),
        Case(check: "map: {0: Normal, 3: {name: SmartFailed, status: fail}}", value: .integer(9), status: .error, observed: "not a known state"),
        Case(check: "map: {1: good, 0: {name: bad, status: fail}, default: {name: unknown, status: warn}}", value: .integer(7), status: .warn),
        // bit fields
        Case(check: "bits: {0: mains fault, 1: battery fault, 2: {name: tamper, status: warn}}", value: .integer(0), status: .pass),
        Case(check: "bits: {0: mains fault, 1: battery fault, 2: {name: tamper, status: warn}}", value: .integer(4), status: .warn, observed: "tamper"),
        Case(check: "bits: {0: mains fault, 1: battery fault, 2: {name: tamper, status: warn}}", value: .integer(6), status: .fail,
             observed: "battery fault, tamper"),
        Case(check: "bits-clear: {0: mains present}", value: .integer(0), status: .fail, observed: "mains present"),
        Case(check: "bits: {0: mains fault}", value: .number(1e30), status: .error, observed: "not a number"),
        Case(check: "bits: {0: mains fault}", value: .number(.nan), status: .error),
        Case(check: "bits: {0: mains fault}", value: .integer(-1), status: .error),
        // absent values as their own outcome
        Case(check: "equals: 1", value: .absent("noSuchObject"), status: .unsupported, observed: "absent"),
        Case(check: "equals: 1\n    absent: skip", value: .absent("noSuchObject"), status: .unsupported),
        Case(check: "equals: 1\n    absent: pass", value: .absent("illegal data address"), status: .pass),
        Case(check: "equals: 1\n    absent: warn", value: .absent("noSuchInstance"), status: .warn),
        Case(check: "equals: 1", value: .error("checksum mismatch"), status: .error, observed: "checksum"),
    ]

    @Test(arguments: cases)
    func condition(_ c: Case) throws {
        let profile = try scriptedProfile("  - id: c\n    title: C\n    point: v\n    \(c.check)")
        let result = Evaluator().evaluate(profile, readings: .values(["v": c.value]), device: "d")[0]
        #expect(result.status == c.status, "observed: \(result.observed), expected: \(result.expected)")
        if let fragment = c.observed { #expect(result.observed.contains(fragment), "observed: \(result.observed)") }
    }

    static let disks: Value = .table([
        TableRow(index: "1", cells: ["volume": .text("A"), "status": .integer(0)]),
        TableRow(index: "2", cells: ["volume": .text("B"), "status": .integer(3)]),
        TableRow(index: "3", cells: ["volume": .text("C"), "status": .integer(0)]),
    ])

    @Test func everyRowNamesTheOffendingRows() throws {
        let profile = try scriptedProfile("""
          - id: disks
            title: Disks
            point: t
            rows: every
            column: status
            label: "disk {index} ({volume})"
            map: {0: Normal, 3: {name: SmartFailed, status: fail}}
        """)
        let result = Evaluator().evaluate(profile, readings: .values(["t": Self.disks]), device: "nvr")[0]
        #expect(result.status == .fail)
        #expect(result.offending == ["disk 2 (B)"])
        #expect(result.observed.contains("disk 2 (B): SmartFailed"))
    }

    @Test func noneAnyAndCount() throws {
        let zones: Value = .table((1...8).map { TableRow(index: "\($0)", cells: ["alarm": .bool($0 == 5 || $0 == 7)]) })
        let profile = try scriptedProfile("""
          - id: none
            title: No zone in alarm
            point: t
            rows: none
            column: alarm
            equals: true
            label: "zone {index}"
          - id: any
            title: Some zone in alarm
            point: t
            rows: any
            column: alarm
            equals: true
          - id: count
            title: At most one
            point: t
            count: "~:1"
            column: alarm
            equals: true
            severity: warn
        """)
        let results = Evaluator().evaluate(profile, readings: .values(["t": zones]), device: "panel")
        #expect(results[0].status == .fail)
        #expect(results[0].offending == ["zone 5", "zone 7"])
        #expect(results[1].status == .pass)
        #expect(results[2].status == .warn)
        #expect(results[2].observed == "2 of 8 rows match")
    }

    @Test func minRows() throws {
        let profile = try scriptedProfile("  - id: m\n    title: M\n    point: t\n    min-rows: 1\n    column: status\n    equals: 0")
        let result = Evaluator().evaluate(profile, readings: .values(["t": .table([])]), device: "d")[0]
        #expect(result.status == .fail)
    }

    @Test func scaleAndPerfdata() throws {
        let profile = try scriptedProfile("  - id: up\n    title: Uptime\n    point: v\n    range: \"86400:\"\n    severity: warn",
                                          points: "v: {key: v, scale: 0.01, unit: s}")
        let result = Evaluator().evaluate(profile, readings: .values(["v": .integer(360_000)]), device: "d")[0]
        #expect(result.status == .warn)
        #expect(result.perf?.value == 3600)
        #expect(result.perf?.unit == "s")
        #expect(result.perf?.warning == "86400:")
    }

    @Test func clockDeviation() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let profile = try scriptedProfile("  - id: clock\n    title: Clock\n    point: v\n    clock: {warning: 60, critical: 300}")
        let evaluator = Evaluator(now: now)
        func status(_ value: Value) -> CheckStatus { evaluator.evaluate(profile, readings: .values(["v": value]), device: "d")[0].status }
        #expect(status(.date(now.addingTimeInterval(30))) == .pass)
        #expect(status(.date(now.addingTimeInterval(-120))) == .warn)
        #expect(status(.date(now.addingTimeInterval(3600))) == .fail)
        #expect(status(.text("2027-02-15 08:00:00")) == .fail)
        #expect(status(.text("2027-01-15 08:00:10")) == .pass)
        #expect(status(.text("1970-01-01 00:00:00")) == .fail)
        #expect(status(.text("yesterday")) == .error)
    }

    @Test func unreachableSkippedAndManual() throws {
        let profile = try scriptedProfile("""
          - id: a
            title: A
            point: v
            equals: 1
          - id: move
            title: Motion test
            point: v
            equals: 1
            active: true
          - id: lens
            title: Lens
            manual: {zh: 检查镜头, en: Check the lens}
        """)
        let down = Evaluator().evaluate(profile, readings: .unreachable("connection refused"), device: "d")
        #expect(down.map(\.status) == [.unreachable, .skipped, .manual])
        #expect(down[0].observed.contains("connection refused"))
        let allowed = Evaluator(allowActive: true).evaluate(profile, readings: .values(["v": .integer(1)]), device: "d")
        #expect(allowed.map(\.status) == [.pass, .pass, .manual])
    }

    @Test func exitStatusFollowsMonitoringPlugins() {
        #expect(ExitStatus.of([.pass, .skipped, .manual]) == .ok)
        #expect(ExitStatus.of([.pass, .warn]) == .warning)
        #expect(ExitStatus.of([.warn, .error]) == .critical)
        #expect(ExitStatus.of([.unreachable]) == .critical)
    }
}
