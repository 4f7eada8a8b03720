import DeviceSimulators
import Foundation
import Testing

/// `checkup history` of an NVR (snmpd) over three months: a healthy month, a month at 97 %
/// memory, a month with a SMART-failed disk — its verdicts, and a chart of its memory usage.
@Suite(.serialized)
struct HistoryCommandTests {
    @Test func threeMonthsOfOneDeviceWithAChartOfOneReading() async throws {
        let dir = CLI.temporaryDirectory()
        let months = ReportLogCommandTests.lastQuarter.months
        for (month, variant) in zip(months, [nil, "memory-97", "disk-2-smart-failed"]) {
            let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: variant)
            try """
            site: {id: vault, client: 示例客户}
            devices:
              - {id: nvr-1, name: 录像机, kind: recorder, profile: hikvision-nvr, endpoint: "\(nvr.snmpURL)?version=2c"}
            """.write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
            let run = try CLI.run(["run", "--site", dir + "/site.yaml", "--month", month, "--date", month + "-10", "--out", dir + "/out",
                                   "--store", dir + "/s.sqlite", "--format", "json", "--timeout", "0.5", "--retries", "0"],
                                  environment: ["CHECKUP_SNMP_COMMUNITY": "public"])
            await nvr.stop()
            #expect(run.status != 3, "\(run.all)")
        }
        let store = ["--store", dir + "/s.sqlite"]
        let text = try CLI.run(["history", "--site", "vault", "--device", "nvr-1", "--lang", "en"] + store)
        #expect(text.status == 0, "\(text.all)")
        for month in months { #expect(text.stdout.contains(month), "\(month) missing: \(text.stdout)") }
        #expect(text.stdout.contains("Normal") && text.stdout.contains("Abnormal"), "\(text.stdout)")
        #expect(text.stdout.contains("41 → 97 → 41"), "the memory reading month by month: \(text.stdout)")

        let html = try CLI.run(["history", "--site", "vault", "--device", "nvr-1", "--format", "html", "--out", dir + "/h.html"] + store)
        #expect(html.status == 0, "\(html.all)")
        let page = try String(contentsOfFile: dir + "/h.html", encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("<polyline"), "a chart")
        #expect(page.components(separatedBy: "<circle").count - 1 >= 3, "a point per month")
        #expect(page.contains("设备运行记录") && page.contains("录像机") && page.contains("异常"))

        let unknown = try CLI.run(["history", "--site", "vault", "--device", "nvr-2"] + store)
        #expect(unknown.status == 3 && unknown.stderr.contains("did you mean 'nvr-1'?"), "\(unknown.all)")
    }
}
