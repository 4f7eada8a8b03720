import Foundation
import Testing

/// `checkup report callouts`: per client, zone and quarter, from call-outs logged against two
/// sites of one client — one on time, one late, one still open.
@Suite(.serialized)
struct CallOutsCommandTests {
    @Test func onTimeRateAndTimeToResolvePerClientZoneAndQuarter() throws {
        let (quarter, months) = ReportLogCommandTests.lastQuarter
        let dir = try ReportLogCommandTests.twoSitesOfOneClient(months: [(months[0], months[0] + "-05")])
        let store = ["--store", dir + "/s.sqlite"]
        let day = months[1]
        func run(_ args: [String]) throws {
            let out = try CLI.run(args + store)
            #expect(out.status == 0, "\(args): \(out.all)")
        }
        // ring-2: 2 h to arrive. Gate: on time, resolved after 3 h. Yard: late, resolved after 5 h. Gate again: open.
        try run(["log", "add", "--site", "gate", "--reported", "云台不动", "--called", "\(day)-03 08:00", "--zone", "ring-2"])
        try run(["log", "close", "1", "--arrived", "\(day)-03 09:30", "--resolved", "\(day)-03 11:00", "--handling", "更换解码板"])
        try run(["log", "add", "--site", "yard", "--reported", "录像丢失", "--called", "\(day)-04 08:00", "--zone", "ring-2"])
        try run(["log", "close", "2", "--arrived", "\(day)-04 10:30", "--resolved", "\(day)-04 13:00", "--handling", "更换硬盘"])
        try run(["log", "add", "--site", "gate", "--reported", "报警误报", "--called", "\(day)-20 08:00", "--zone", "ring-2"])

        let json = try CLI.run(["report", "callouts", "--quarter", quarter, "--format", "json"] + store)
        #expect(json.status == 0, "\(json.all)")
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]] ?? []
        #expect(rows.count == 1, "one client, one zone, one quarter: \(json.stdout)")
        let g = try #require(rows.first)
        #expect(g["client"] == ReportLogCommandTests.client && g["zone"] == "ring-2" && g["quarter"] == quarter)
        #expect(g["call_outs"] == "3" && g["on_time"] == "1" && g["open"] == "1", "\(g)")
        #expect(g["judged"] == "3", "the open one is past its deadline by now: late, judged too: \(g)")
        #expect(g["median_hours_to_resolve"] == "4.00", "median of 3 h and 5 h: \(g)")
        let none = try CLI.run(["report", "callouts", "--quarter", "2020Q1"] + store)
        #expect(none.status == 0 && none.stdout.contains("no call-outs"), "\(none.all)")
    }
}
