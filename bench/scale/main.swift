import BenchSupport
import CheckupCore
import CheckupTestKit
import DeviceSimulators
import Foundation
import SNMPProbe

// The whole `checkup run` process at scale, each figure a ratio measured in this run:
//  1. 1,000 live cameras on 4 snmpd agents vs net-snmp's `snmpget` fanned out with `xargs -P 64`
//     over the same devices and OIDs (goal ≥ 5× faster); 400 live vs the same (goal ≥ 4×).
//  2. The same with 5 % dead (timeout 1 s, 1 retry: the floor is 2 s; goal ≤ 1.3×), and
//     400 live + 20 dead (goal ≤ 2.6 s).
//  3. 10,000 devices: the records phase (after the last reply) against the network phase
//     (goal < 10 %); peak RSS at 1,000 (≤ 60 MB) and 10,000 devices (≤ 250 MB).
//  4. `checkup probe` start-up (goal ≤ 50 ms) and loading a 10,000-device inventory.
// Lines starting with `FIGURE` are collected into bench/results/latest.md by bench/run.

let (binary, clock) = (Bench.binary, Bench.clock)
let work = try Bench.workDirectory("scale")
defer { try? FileManager.default.removeItem(atPath: work) }
let seconds = Bench.seconds

/// Runs a command, returns its wall time and its standard error.
@discardableResult
func timed(_ path: String, _ args: [String], environment: [String: String] = [:], input: String? = nil) throws -> (Double, String) {
    let run = try Bench.run(path, args, environment: environment, input: input, dropsOutput: true)
    return (run.seconds, run.output)
}

/// Peak RSS of the last `checkup run`, as GNU time measured that one process (not all children so far).
func peakRSSOfLastRunMB() -> Double {
    let text = (try? String(contentsOfFile: work + "/rss.txt", encoding: .utf8)) ?? ""
    return (Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan) / 1024
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("device-profiles")
var started: [SNMPAgentFixture] = []
for _ in 0..<4 { started.append(try await SNMPAgentFixture.start(profile: "hikvision-camera", profilesRoot: root)) }
let agents = started
/// The objects checkup's GET asks of each camera (hikvision-camera.yaml's points, `probe --trace`).
let oids = ["1.3.6.1.4.1.39165.1.1.0", "1.3.6.1.4.1.39165.1.3.0", "1.3.6.1.4.1.39165.1.7.0",
            "1.3.6.1.4.1.39165.1.11.0", "1.3.6.1.4.1.39165.1.9.0", "1.3.6.1.4.1.39165.1.19.0"]
/// Dead cameras are silent, as a unit switched off behind a router is: the hostile responder's
/// `silent` mode. A closed port would answer ICMP "port unreachable", which checkup reports at once.
var silent: [HostilePeer] = []
for _ in 0..<4 { silent.append(try await HostilePeer.start(.snmp, "silent")) }
let deadPorts = silent.map(\.port)

/// An inventory of `live` cameras round-robin on the agents and `dead` ones on closed ports.
func inventory(live: Int, dead: Int) throws -> String {
    var text = "site: {id: bench-\(live)-\(dead), client: Bench}\ndevices:\n"
    for i in 0..<live {
        text += "  - {id: cam-\(i), name: Camera \(i), kind: camera, profile: hikvision-camera, endpoint: \"\(agents[i % agents.count].snmpURL)?version=2c\"}\n"
    }
    for i in 0..<dead {
        text += "  - {id: dead-\(i), name: Dead \(i), kind: camera, profile: hikvision-camera, endpoint: \"snmp://127.0.0.1:\(deadPorts[i % 4])?version=2c\"}\n"
    }
    let path = work + "/site-\(live)-\(dead).yaml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// One `checkup run` as a technician types it (the default formats, HTML and Markdown): wall
/// time, and its network and records phases from its own log lines.
func run(live: Int, dead: Int) throws -> (wall: Double, network: Double, records: Double) {
    let site = try inventory(live: live, dead: dead)
    let store = work + "/s-\(live)-\(dead).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }  // each run a first visit
    let (wall, log) = try timed("/usr/bin/time", ["-f", "%M", "-o", work + "/rss.txt", binary, "run", "--site", site, "--store", store, "--out", work + "/out",
                                         "--timeout", "1", "--retries", "1"],
                                environment: ["CHECKUP_SNMP_COMMUNITY": "public", "CHECKUP_LOG_LEVEL": "info"])
    func phase(_ name: String) -> Double {
        log.firstMatch(of: try! Regex("\(name) phase ([0-9.]+) s")).flatMap { Double($0.output[1].substring ?? "") } ?? .nan
    }
    return (wall, phase("network"), phase("records"))
}

/// net-snmp's own tools over the same devices and OIDs: one `snmpget` process per device, 64 at once.
func snmpgetFanOut(live: Int) throws -> Double {
    var lines = ""
    for i in 0..<live {
        let url = agents[i % agents.count].snmpURL.replacingOccurrences(of: "snmp://", with: "")
        lines += "\(url) \(oids.joined(separator: " "))\n"
    }
    return try timed("/usr/bin/xargs", ["-P", "64", "-L", "1", "snmpget", "-v2c", "-c", "public", "-t", "1", "-r", "1", "-On"],
                     input: lines).0
}

_ = try run(live: 40, dead: 0)  // warm-up: page cache, agents
/// checkup and the fan-out in turns, three times each (a shared VM's speed drifts): the medians.
func versusFanOut(live: Int) throws -> (checkup: Double, fanOut: Double, rssMB: Double) {
    var ours: [(Double, Double)] = [], theirs: [Double] = []
    for _ in 0..<3 {
        ours.append((try run(live: live, dead: 0).wall, peakRSSOfLastRunMB()))
        theirs.append(try snmpgetFanOut(live: live))
    }
    let median = ours.sorted { $0.0 < $1.0 }[1]
    return (median.0, theirs.sorted()[1], median.1)
}
let small = try versusFanOut(live: 1000)
let rss1k = small.rssMB
Bench.figure("SNMP: 1,000 cameras, checkup run vs snmpget × xargs -P 64 (medians of 3 in turns)",
       String(format: "%.2f s vs %.2f s: %.1f× faster", small.checkup, small.fanOut, small.fanOut / small.checkup),
       goal: "≥ 5×", met: small.fanOut / small.checkup >= 5)
let live400 = try versusFanOut(live: 400)
Bench.figure("SNMP: 400 cameras, checkup run vs snmpget × xargs -P 64 (medians of 3 in turns)",
       String(format: "%.2f s vs %.2f s: %.1f× faster", live400.checkup, live400.fanOut, live400.fanOut / live400.checkup),
       goal: "≥ 4×", met: live400.fanOut / live400.checkup >= 4)
let withDead = try run(live: 950, dead: 50)
Bench.figure("SNMP: 1,000 cameras, 5 % dead (timeout 1 s, 1 retry; floor 2 s)",
       String(format: "%.2f s: %.2f× the floor", withDead.wall, withDead.wall / 2), goal: "≤ 1.3×", met: withDead.wall / 2 <= 1.3)
let dead20 = try run(live: 400, dead: 20)
Bench.figure("SNMP: 400 live + 20 dead cameras", String(format: "%.2f s", dead20.wall), goal: "≤ 2.6 s", met: dead20.wall <= 2.6)
Bench.figure("peak RSS of checkup run, 1,000 devices", String(format: "%.0f MB", rss1k), goal: "≤ 60 MB", met: rss1k <= 60)

let large = try run(live: 10_000, dead: 0)
let rss10k = peakRSSOfLastRunMB()
Bench.figure("records phase after the last reply, 10,000 devices",
       String(format: "%.2f s vs %.2f s of network: %.0f %%", large.records, large.network, large.records / large.network * 100),
       goal: "< 10 %", met: large.records / large.network < 0.10)
Bench.figure("peak RSS of checkup run, 10,000 devices", String(format: "%.0f MB", rss10k), goal: "≤ 250 MB", met: rss10k <= 250)

var startups: [Double] = []
for _ in 0..<7 {
    startups.append(try timed(binary, ["probe", "snmp://127.0.0.1:\(deadPorts[0])?version=2c", "--profile", "generic-snmp",
                                       "--timeout", "0.001", "--retries", "0"],
                              environment: ["CHECKUP_SNMP_COMMUNITY": "public"]).0)
}
let startup = startups.sorted()[3]
Bench.figure("checkup probe start-up (whole process, a 1 ms timeout)", String(format: "%.0f ms", startup * 1000),
       goal: "≤ 50 ms", met: startup <= 0.050)

let inventoryPath = try inventory(live: 10_000, dead: 0)
let loadStart = clock.now
let site = try InventoryLoader.load(path: inventoryPath, probes: ProbeRegistry { $0.register(SNMPProbe()) })
let load = seconds(clock.now - loadStart)
Bench.figure("inventory load, 10,000 devices", String(format: "%.2f s (%d devices)", load, site.devices.count),
       goal: "linear (1,000: ≈ a tenth)", met: load < 5)

for agent in agents { await BlockingIO.shared.run { agent.stop() } }
for peer in silent { peer.stop() }
