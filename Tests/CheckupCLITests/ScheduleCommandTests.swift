import DeviceSimulators
import Foundation
import Testing

/// `checkup schedule` (维护工作周期表) and `sites import|list` over a store where two sites of a
/// client were inspected (real runs of a simulated decoder), a third is overdue and a fourth,
/// on a quarterly cycle, is not due.
@Suite(.serialized)
struct ScheduleCommandTests {
    @Test func doneOverdueAndNotDueSitesInTheCycleTable() throws {
        let month = ReportLogCommandTests.lastQuarter.months[1]
        let dir = try ReportLogCommandTests.twoSitesOfOneClient(months: [(month, month + "-12")])
        let store = ["--store", dir + "/s.sqlite"]
        try """
        site: {id: depot, client: 示例客户 ACME, name: 仓库 Depot, technician: {id: zhang-wei, name: 张伟}, visits: {due-day: 10}}
        devices:
          - {id: cam-1, name: Camera, kind: camera, profile: generic-snmp, endpoint: "snmp://127.0.0.1:1"}
        """.write(toFile: dir + "/depot.yaml", atomically: true, encoding: .utf8)
        let nextMonthOfCycle = ReportLogCommandTests.lastQuarter.months[0]
        try """
        site: {id: annex, client: 其他客户, name: 附楼 Annex, visits: {every-months: 3, from: \(nextMonthOfCycle)}}
        devices:
          - {id: cam-1, name: Camera, kind: camera, profile: generic-snmp, endpoint: "snmp://127.0.0.1:1"}
        """.write(toFile: dir + "/annex.yaml", atomically: true, encoding: .utf8)
        let imported = try CLI.run(["sites", "import", dir + "/depot.yaml", dir + "/annex.yaml"] + store)
        #expect(imported.status == 0 && imported.stdout.contains("imported depot") && imported.stdout.contains("sha256"), "\(imported.all)")
        let sites = try CLI.run(["sites", "list"] + store)
        #expect(sites.stdout.contains("张伟") && sites.stdout.contains("every 3 month(s)") && sites.stdout.contains("gate"), "\(sites.all)")

        let today = month + "-28"
        let table = try CLI.run(["schedule", "--month", month, "--today", today, "--format", "text,csv,html", "--out", dir + "/s",
                                 "--lang", "en"] + store)
        #expect(table.status == 0, "\(table.all)")
        let csv = try String(contentsOfFile: dir + "/s/schedule-\(month).en.csv", encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map(String.init)
        func state(_ site: String) -> String? {
            lines.first { $0.contains(site) }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }?[5]
        }
        #expect(state("大门 Gate") == "Done" && state("堆场 Yard") == "Done", "\(csv)")
        #expect(state("仓库 Depot") == "Overdue", "\(csv)")
        #expect(state("附楼 Annex") == "Not due", "\(csv)")
        #expect(lines.first { $0.contains("Depot") }?.contains("\(month)-10") == true, "the due day: \(csv)")
        #expect(lines.first { $0.contains("Gate") }?.contains("v1 · ") == true, "the version and hash of a done site")
        let html = try String(contentsOfFile: dir + "/s/schedule-\(month).en.html", encoding: .utf8)
        #expect(html.contains("Maintenance Cycle Table") && html.contains("class=\"overdue\""))

        let overdue = try CLI.run(["schedule", "--month", month, "--today", today, "--overdue"] + store)
        #expect(overdue.status == 1, "exit 1 when a site is overdue: \(overdue.all)")
        #expect(overdue.stdout.contains("depot") && !overdue.stdout.contains("gate"), "\(overdue.stdout)")
        let early = try CLI.run(["schedule", "--month", month, "--today", month + "-05", "--overdue"] + store)
        #expect(early.status == 0, "before the due day nothing is overdue: \(early.all)")
    }
}
