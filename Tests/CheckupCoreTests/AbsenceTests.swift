import CheckupCore
import CheckupTestKit
import Foundation
import Testing

/// What a check says when the unit lacks what it judges: each `absent:` policy, on a scalar and
/// on a table; rows without the judged cell; rows left out; invalid markers.
struct AbsenceTests {
    struct Policy: Sendable, CustomStringConvertible {
        var absent: String?
        var status: CheckStatus
        var finding: Finding
        var description: String { "absent: \(absent ?? "(default)") → \(status)" }
    }

    static let policies: [Policy] = [
        Policy(absent: nil, status: .unsupported, finding: .notSupported),
        Policy(absent: "unsupported", status: .unsupported, finding: .notSupported),
        Policy(absent: "skip", status: .unsupported, finding: .notSupported),
        Policy(absent: "manual", status: .manual, finding: .manual(instruction: LocalizedText(zh: "设备未报告此项，请现场检查", en: "The unit does not report this: check it on site"))),
        Policy(absent: "warn", status: .warn, finding: .notSupported),
        Policy(absent: "fail", status: .fail, finding: .notSupported),
        Policy(absent: "pass", status: .pass, finding: .notSupported),
        Policy(absent: "error", status: .error, finding: .unreadable),
    ]

    func profile(_ policy: Policy) throws -> Profile {
        let absent = policy.absent.map { "\n    absent: \($0)" } ?? ""
        return try scriptedProfile("""
          - id: scalar
            title: Scalar
            point: v
            equals: 1\(absent)
          - id: table
            title: Table
            point: t
            rows: every
            column: status
            equals: 0\(absent)
        """)
    }

    @Test(arguments: policies)
    func scalarAbsentFollowsThePolicy(_ policy: Policy) throws {
        let result = Evaluator().evaluate(try profile(policy), readings: .values(["v": .absent("noSuchObject at 1.3.6.1.4.1.99999.1.0")]),
                                          device: "d")[0]
        #expect(result.status == policy.status)
        #expect(result.finding == policy.finding)
        #expect(result.evidence.joined().contains("1.3.6.1.4.1.99999.1.0"), "the address is in the evidence")
        #expect(policy.status.exitWeight == 0 || ["warn", "fail", "error"].contains(policy.absent ?? ""),
                "only a profile's own word makes absence count")
    }

    /// An NVR's disk table that answers only free and capacity: the status check never passes.
    @Test(arguments: policies)
    func tableWithoutTheJudgedColumnFollowsThePolicy(_ policy: Policy) throws {
        let freeOnly: Value = .table([TableRow(index: "1.0", cells: ["free": .integer(1_827_840), "capacity": .integer(3_815_447)])])
        let result = Evaluator().evaluate(try profile(policy), readings: .values(["t": freeOnly]), device: "nvr")[1]
        #expect(result.status == policy.status, "\(result.observed)")
        #expect(!result.observed.contains("rows ok"), "a row whose state was never read is not healthy: \(result.observed)")
        #expect(result.observed.contains("1.0"))
    }

    @Test func aRowWithoutTheCellIsNotCountedHealthy() throws {
        let disks: Value = .table([
            TableRow(index: "1", cells: ["status": .integer(0)]),
            TableRow(index: "2", cells: ["status": .absent("noSuchInstance")]),
            TableRow(index: "3", cells: [:]),
        ])
        let profile = try scriptedProfile("""
          - id: every
            title: Every
            point: t
            rows: every
            column: status
            label: "disk {index}"
            equals: 0
          - id: none
            title: None bad
            point: t
            rows: none
            column: status
            equals: 3
          - id: count
            title: Count
            point: t
            count: "3:"
            column: status
            equals: 0
        """)
        let results = Evaluator().evaluate(profile, readings: .values(["t": disks]), device: "nvr")
        #expect(results[0].status == .pass)
        #expect(results[0].observed == "1 of 3 rows ok, the others not reported")
        #expect(results[0].note?.contains("disk 2") == true && results[0].note?.contains("disk 3") == true, "\(results[0].note ?? "")")
        #expect(results[0].finding == .rows(total: 1, noun: nil, offending: []))
        #expect(results[1].status == .pass)
        #expect(results[2].status == .fail, "only judged rows count: 1 of the 3 wanted")
        #expect(results[2].observed == "1 of 1 rows match")
    }

    @Test func aFaultyRowStillFailsBesideUnreportedOnes() throws {
        let disks: Value = .table([
            TableRow(index: "1", cells: ["status": .integer(3)]),
            TableRow(index: "2", cells: ["status": .absent("noSuchInstance")]),
        ])
        let profile = try scriptedProfile("  - id: d\n    title: D\n    point: t\n    column: status\n    label: \"disk {index}\"\n    map: {0: Normal, 3: {name: SmartFailed, status: fail}}")
        let result = Evaluator().evaluate(profile, readings: .values(["t": disks]), device: "nvr")[0]
        #expect(result.status == .fail)
        #expect(result.offending == ["disk 1"])
    }

    @Test func manualWithItsOwnInstruction() throws {
        let profile = try scriptedProfile("""
          - id: disks
            title: Disks
            point: t
            column: status
            equals: 0
            absent:
              manual: {zh: 请在录像机界面查看硬盘状态, en: Read the disk states on the recorder's screen}
        """)
        let result = Evaluator().evaluate(profile, readings: .values(["t": .absent("no rows under 1.3.6.1.4.1.50001.1.241.1")]), device: "nvr")[0]
        #expect(result.status == .manual)
        #expect(result.note == "Read the disk states on the recorder's screen")
        #expect(result.finding == .manual(instruction: LocalizedText(zh: "请在录像机界面查看硬盘状态", en: "Read the disk states on the recorder's screen")))
    }

    @Test func skipRowsLeavesRowsOutBeforeJudging() throws {
        let interfaces: Value = .table([
            TableRow(index: "1", cells: ["descr": .text("lo"), "type": .integer(24), "admin": .integer(1), "oper": .integer(1)]),
            TableRow(index: "2", cells: ["descr": .text("eth0"), "type": .integer(6), "admin": .integer(1), "oper": .integer(1)]),
            TableRow(index: "3", cells: ["descr": .text("eth1"), "type": .integer(6), "admin": .integer(2), "oper": .integer(2)]),
            TableRow(index: "4", cells: ["descr": .text("sfp"), "type": .integer(6), "admin": .integer(1), "oper": .integer(6)]),
            TableRow(index: "5", cells: ["descr": .text("eth2"), "type": .integer(6), "admin": .integer(1), "oper": .integer(2)]),
        ])
        let profile = try scriptedProfile("""
          - id: up
            title: Up
            point: t
            rows: every
            column: oper
            label: "{descr}"
            skip-rows: {admin: 2, oper: [6], type: 24}
            map: {1: up, 2: {name: down, status: warn}}
        """)
        let result = Evaluator().evaluate(profile, readings: .values(["t": interfaces]), device: "d")[0]
        #expect(result.status == .warn)
        #expect(result.offending == ["eth2"])
        #expect(result.note?.contains("3 rows left out") == true, "\(result.note ?? "")")
    }

    @Test func invalidMarkerReadsAsAbsent() throws {
        let profile = try scriptedProfile("  - id: temp\n    title: T\n    point: v\n    warning: \"-10:40\"",
                                          points: "v: {key: v, scale: 0.1, invalid: [-32768]}")
        let invalid = Evaluator().evaluate(profile, readings: .values(["v": .integer(-32768)]), device: "panel")[0]
        #expect(invalid.status == .unsupported)
        #expect(invalid.observed.contains("-32768"))
        let hot = Evaluator().evaluate(profile, readings: .values(["v": .integer(465)]), device: "panel")[0]
        #expect(hot.status == .warn)
        #expect(hot.observed.contains("46.5"))
    }

    @Test func dahuaClockTextIsADate() throws {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy/MM/dd HH:mm:ss"
        let profile = try scriptedProfile("  - id: clock\n    title: C\n    point: v\n    clock: {warning: 60, critical: 300}")
        let onTime = Evaluator(now: now).evaluate(profile, readings: .values(["v": .text(f.string(from: now))]), device: "nvr")[0]
        #expect(onTime.status == .pass, "\(onTime.observed)")
        let late = Evaluator(now: now).evaluate(profile, readings: .values(["v": .text(f.string(from: now - 600))]), device: "nvr")[0]
        #expect(late.status == .fail)
    }

    @Test func badAbsentPoliciesAreReportedAtTheirLine() {
        for text in ["absent: sometimes", "absent: {later: x}"] {
            do {
                _ = try scriptedProfile("  - id: c\n    title: C\n    point: v\n    equals: 1\n    \(text)")
                Issue.record("'\(text)' must not load")
            } catch {
                #expect("\(error)".contains("test.yaml:"), "\(error)")
                #expect("\(error)".contains("absent"), "\(error)")
            }
        }
    }
}
