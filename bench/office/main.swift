import BenchSupport
import CheckupCore
import CheckupTestKit
import Foundation
import InspectionRecords

// The office store at scale: 300 sites (20 clients × 15) × 24 months of records, each
// site-month one run of 4 devices and one version, every third month signed. Figures, on
// SQLite and on PostgreSQL (the bench's own server, PostgresPeer):
//  1. `checkup schedule --month` over the 300 sites (goal < 1 s, the whole process);
//  2. `checkup report quarterly --client` over one client's 15 sites (goal < 1 s);
//  3. `checkup sync --to` of the whole laptop-sized store into an empty PostgreSQL store, and a
//     second sync (nothing to send) against the first (goal: the second ≤ 10 % of the first).
// Lines starting with `FIGURE` are collected into bench/results/latest.md by bench/run.

let (binary, clock) = (Bench.binary, Bench.clock)
let work = try Bench.workDirectory("office")
defer { try? FileManager.default.removeItem(atPath: work) }
let seconds = Bench.seconds

/// Runs the checkup binary; returns its wall time (the best of `repeats`) and its output.
func timed(_ args: [String], environment: [String: String] = [:], repeats: Int = 3) throws -> (Double, String) {
    var best = Double.infinity, output = ""
    for _ in 0..<repeats {
        let run = try Bench.run(binary, args, environment: environment)
        (best, output) = (min(best, run.seconds), run.output)
        if run.status > 1 { print("checkup \(args.joined(separator: " ")) exited \(run.status): \(output)") }
    }
    return (best, output)
}

let (clients, sitesPerClient, deviceCount) = (20, 15, 4)
let months: [String] = (0..<24).map { i in String(format: "%04d-%02d", 2025 + i / 12, i % 12 + 1) }
let mapping = RecordMapping(section: .centralControl, item: LocalizedText(zh: "报警主机", en: "Alarm host"))

func site(_ client: Int, _ n: Int) -> Site {
    let devices = (1...deviceCount).map { d in
        // The endpoint never leaves this process: sites are stored with endpoints redacted.
        Device(id: "dev-\(d)", name: "设备 \(d)", location: "机房", kind: .alarmHost, profile: "generic-modbus-alarm-host",
               endpoint: try! Endpoint(splitting: "modbus-tcp://127.0.0.1:1502?unit=\(d)"))
    }
    var s = Site(id: "c\(client)-s\(n)", client: "客户 \(client)", name: "站点 \(client)-\(n)", contract: "WB-\(client)-\(n)",
                 devices: devices)
    s.visits = VisitPlan(dueDay: 10 + n % 15)
    s.technician = Technician(id: "tech-\(n % 7)", name: "技术员 \(n % 7)")
    return s
}

/// Fills `store` as 24 months of real runs would: begin, commit each device, finish, compose.
func fill(_ store: RecordStore) throws {
    for c in 0..<clients {
        for n in 0..<sitesPerClient {
            let s = site(c, n)
            for (m, month) in months.enumerated() {
                let day = "\(month)-\(String(format: "%02d", 10 + n % 15))"
                let started = Date(timeIntervalSince1970: 1_735_700_000 + Double(m) * 30 * 86_400 + Double(c * 100 + n) * 60)
                let run = try store.beginRun(RunPlan(site: s, month: month, inspectedOn: day, technicians: [s.technician!.name],
                                                     devices: s.devices.map(\.id), startedAt: started))
                for d in s.devices {
                    let volts = 12.0 + Double((m + n) % 10) / 10
                    let results = [
                        CheckResult(device: d.id, check: "mains", title: LocalizedText(zh: "主电源", en: "Mains"), status: .pass,
                                    observed: "normal", expected: "normal", durationMs: 3, record: mapping),
                        CheckResult(device: d.id, check: "battery", title: LocalizedText(zh: "电池电压", en: "Battery"),
                                    status: volts < 12.2 ? .warn : .pass, observed: "\(volts) V", expected: "≥ 12.2 V", durationMs: 3,
                                    record: mapping, perf: PerfData(label: "battery", value: volts, unit: "V")),
                    ]
                    try store.commit(DeviceInspection(outcome: DeviceOutcome(device: d.id, profile: d.profile, endpoint: "modbus-tcp://…",
                                                                             durationMs: 6),
                                                      results: results, inspectedAt: started.addingTimeInterval(5)),
                                     run: run, scrubber: Scrubber(site: s))
                }
                try store.finishRun(run, finishedAt: started.addingTimeInterval(10), incomplete: false, exitStatus: .ok, notInspected: [])
                let v = try store.storeNewVersion(site: s.id, month: month, run: run, at: started.addingTimeInterval(11))
                if m % 3 == 0, let version = v.record.version {
                    try store.sign(RecordSignature(siteId: s.id, month: month, version: version, signedBy: "客户代表", signedOn: day))
                }
            }
        }
    }
}

let server = try PostgresPeer.start()
defer { server.stop() }
let pgEnv = ["PGPASSWORD": server.password, "HOME": work]
let sqlitePath = work + "/office.sqlite"
var start = clock.now
try fill(try RecordStore(path: sqlitePath))
let fillTime = seconds(clock.now - start)
print("filled \(clients * sitesPerClient) sites × \(months.count) months (\(clients * sitesPerClient * months.count) site-months, "
      + "\(clients * sitesPerClient * months.count * deviceCount) inspections) into SQLite in \(String(format: "%.1f", fillTime)) s")

let postgres = try server.createDatabase("office")
let (syncTime, syncOutput) = try timed(["sync", "--to", postgres, "--store", sqlitePath], environment: pgEnv, repeats: 1)
print(syncOutput.split(separator: "\n").filter { !$0.hasPrefix("  committed ") }.joined(separator: "\n"))
let (again, _) = try timed(["sync", "--to", postgres, "--store", sqlitePath], environment: pgEnv, repeats: 1)
Bench.figure("sync --to PostgreSQL, 7,200 site-months (28,800 inspections) into an empty store", String(format: "%.1f s", syncTime),
       goal: "(for scale)", met: true)
Bench.figure("sync --to again, nothing to send, vs the first", String(format: "%.1f s: %.0f %%", again, again / syncTime * 100),
       goal: "≤ 10 %", met: again / syncTime <= 0.10)

let month = months[20], quarter = "2026Q3"
for (name, store, env) in [("SQLite", sqlitePath, ["HOME": work]), ("PostgreSQL", postgres, pgEnv)] {
    let (schedule, out) = try timed(["schedule", "--month", month, "--today", month + "-28", "--format", "csv", "--store", store],
                                    environment: env)
    let rows = out.split(separator: "\r\n").count - 1
    Bench.figure("schedule --month, 300 sites × 24 months, \(name)", String(format: "%.0f ms (%d rows)", schedule * 1000, rows),
           goal: "< 1 s", met: schedule < 1)
    let (report, text) = try timed(["report", "quarterly", "--client", "客户 7", "--quarter", quarter, "--format", "md",
                                    "--store", store], environment: env)
    Bench.figure("report quarterly --client (15 sites × 3 months), \(name)",
           String(format: "%.0f ms (%d lines)", report * 1000, text.split(separator: "\n").count), goal: "< 1 s", met: report < 1)
}
