import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup report callouts`: call-out statistics per client, response zone and quarter.
struct CallOutsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callouts",
        abstract: "Call-out statistics per client, zone and quarter: on-time arrival rate, time to resolve.",
        discussion: """
        Example:
          checkup report callouts --year 2026
          checkup report callouts --quarter 2026Q4 --client "示例客户" --format json
        """)

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Quarter (repeat for several).", valueName: "YYYYQn"))
    var quarter: [Quarter] = []

    @Option(help: "A whole year: its four quarters.")
    var year: Int?

    @Option(help: "Only this client (repeat for several).")
    var client: [String] = []

    @Option(help: "A table for a person, or json for scripts.")
    var format: ListFormat = .text

    func run() async throws {
        var quarters = quarter.map(\.description)
        if let year {
            guard Month.years.contains(year) else { throw ValidationError("--year must be \(Month.years.lowerBound)…\(Month.years.upperBound)") }
            quarters += (1...4).map { "\(year)Q\($0)" }
        }
        if quarters.isEmpty { quarters = [CallOutStatistics.currentQuarter] }
        let s = try store.open()
        let stats = try CallOutStatistics.build(store: s, quarters: quarters, clients: client.isEmpty ? nil : client)
        if format == .json {
            let rows = stats.groups.map { g in
                ["client": g.client, "zone": g.zone, "quarter": g.quarter, "call_outs": "\(g.callOuts)", "judged": "\(g.judged)",
                 "on_time": "\(g.onTime)", "open": "\(g.open)",
                 "on_time_rate": g.onTimeRate.map { String(format: "%.3f", $0) } ?? "",
                 "median_hours_to_resolve": g.medianHoursToResolve.map { String(format: "%.2f", $0) } ?? ""]
            }
            print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
            return
        }
        guard !stats.groups.isEmpty else {
            print("no call-outs in \(quarters.joined(separator: ", "))")
            return
        }
        print(Table(header: ["QUARTER", "CLIENT", "ZONE", "CALL-OUTS", "ON TIME", "RATE", "OPEN", "MEDIAN TO RESOLVE"], rows: stats.groups.map { g in
            [g.quarter, g.client, g.zone, "\(g.callOuts)", "\(g.onTime) of \(g.judged)",
             g.onTimeRate.map { String(format: "%.0f %%", $0 * 100) } ?? "no data", "\(g.open)",
             g.medianHoursToResolve.map { String(format: "%.1f h", $0) } ?? "-"]
        }).render())
    }
}
