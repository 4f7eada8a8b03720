import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe

// SNMP probe costs against a baseline measured in the same run (docs/reference.md §6: net-snmp sync
// GET on loopback ≈ 60–190 µs). The issue's target: 200 live devices probed in well under a
// second on loopback.
//  1. 200 logical devices (4 real snmpd agents — camera, Hikvision NVR, Dahua NVR, UPS — × 50)
//     read with their full profiles, all at once through BlockingIO, vs one at a time.
//  2. One bare GET of sysDescr on an open session (the floor of one request).
//  3. A dead device vs timeout × (retries + 1).
//  5. The same 200 devices over SNMPv3 authPriv (SHA + AES): engine discovery, keys, crypto.
//  4. 200 devices of which 10 are dead (5 %, timeout 200 ms × 2): all at once vs one at a time;
//     the floor is one dead device's cost, not ten.

let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
let ms = { (s: Double) in String(format: "%.1f ms", s * 1000) }

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("device-profiles")
let loader = ProfileLoader(registry: ProbeRegistry { $0.register(SNMPProbe()) })
func points(_ id: String) throws -> [Point<SNMPAddress>] {
    guard let path = ProfileCatalog.profileFiles(in: root.path).first(where: { $0.hasSuffix("/\(id).yaml") }) else {
        throw SNMPAgentError("no profile \(id)")
    }
    return try loader.load(path: path).points.compactMap { spec in
        (spec.address as? SNMPAddress).map { Point(id: spec.id, address: $0, unit: spec.unit) }
    }
}

let community = "bench-community"
let benchUser = SNMPFixtureUser(name: "bench", authPassphrase: "bench-auth-pass", privPassphrase: "bench-priv-pass")
let kinds = ["hikvision-camera", "hikvision-nvr", "dahua-nvr", "ups-mib"]
var started: [SNMPAgentFixture] = []
var logical: [(Endpoint, [Point<SNMPAddress>])] = []
for kind in kinds {
    let agent = try await SNMPAgentFixture.start(profile: kind, community: community, v3User: benchUser, profilesRoot: root)
    started.append(agent)
    let profilePoints = try points(kind)
    let endpoint = try SNMPProbe.endpoint(parsing: agent.snmpURL)
    logical += Array(repeating: (endpoint, profilePoints), count: 50)
}
let agents = started
let devices = logical
let context = ProbeContext(timeout: .seconds(1), retries: 1, credentials: Credentials(community: Secret(community)))
let probe = SNMPProbe()

func readAll(concurrently: Bool, _ devices: [(Endpoint, [Point<SNMPAddress>])]) async -> (Double, Int) {
    let start = clock.now
    var answered = 0
    if concurrently {
        answered = await withTaskGroup(of: Bool.self) { group in
            for (endpoint, points) in devices {
                group.addTask { await probe.read(points, from: endpoint, context: context).unreachable == nil }
            }
            var ok = 0
            for await answeredOne in group where answeredOne { ok += 1 }
            return ok
        }
    } else {
        for (endpoint, points) in devices where await probe.read(points, from: endpoint, context: context).unreachable == nil {
            answered += 1
        }
    }
    return (seconds(clock.now - start), answered)
}

_ = await readAll(concurrently: true, devices)   // warm-up: library start, threads
let (sequential, okSequential) = await readAll(concurrently: false, devices)
var concurrentRuns: [Double] = []
var okConcurrent = 0
for _ in 0..<3 {
    let (t, ok) = await readAll(concurrently: true, devices)
    concurrentRuns.append(t)
    okConcurrent = ok
}
let concurrent = concurrentRuns.sorted()[1]
let requests = devices.count
print("200 devices (4 snmpd × 50), full profiles: one at a time \(ms(sequential)) (\(okSequential) answered); all at once through BlockingIO \(ms(concurrent)) (median of 3, \(okConcurrent) answered, \(BlockingIO.shared.threadCount) I/O threads); speed-up ×\(String(format: "%.2f", sequential / concurrent)); \(concurrent < 1 ? "under" : "OVER") one second")

// 2. Floor: bare GETs on one open session.
let floorPort = agents[0].port
let floor = await BlockingIO.shared.run { () -> Double in
    let config = SNMPSessionConfiguration(host: "127.0.0.1", port: floorPort, community: Secret(community))
    guard let session = try? SNMPSession(config) else { return .nan }
    let start = clock.now
    for _ in 0..<1000 { _ = try? session.get([MIB2.sysDescr]) }
    return seconds(clock.now - start) / 1000
}
print("one bare GET on an open session: \(String(format: "%.0f µs", floor * 1e6)); one device read (\(requests) devices) averages \(String(format: "%.0f µs", sequential / Double(requests) * 1e6)) sequentially, ratio ×\(String(format: "%.1f", sequential / Double(requests) / floor))")

// 3. A dead device: one port nobody listens on.
let deadContext = ProbeContext(timeout: .milliseconds(200), retries: 1, credentials: Credentials(community: Secret(community)))
let deadStart = clock.now
let dead = await probe.read(try points("ups-mib"), from: try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:9"), context: deadContext)
let deadTime = seconds(clock.now - deadStart)
print("dead device: \(ms(deadTime)) against 200 ms × 2 attempts; ratio \(String(format: "%.2f", deadTime / 0.4)) (\(dead.unreachable == nil ? "answered?!" : "unreachable"))")

// 4. Mixed: 190 live + 10 dead, with the dead device's short timeout for everyone.
let upsPoints = try points("ups-mib")
let deadEndpoint = try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:9")
let mixed = Array(devices.prefix(190)) + Array(repeating: (deadEndpoint, upsPoints), count: 10)
func readMixed(concurrently: Bool) async -> (Double, Int) {
    let start = clock.now
    var unreachable = 0
    if concurrently {
        unreachable = await withTaskGroup(of: Bool.self) { group in
            for (endpoint, points) in mixed {
                group.addTask { await probe.read(points, from: endpoint, context: deadContext).unreachable != nil }
            }
            var n = 0
            for await dead in group where dead { n += 1 }
            return n
        }
    } else {
        for (endpoint, points) in mixed where await probe.read(points, from: endpoint, context: deadContext).unreachable != nil {
            unreachable += 1
        }
    }
    return (seconds(clock.now - start), unreachable)
}
let (mixedSequential, deadSequential) = await readMixed(concurrently: false)
let (mixedConcurrent, deadConcurrent) = await readMixed(concurrently: true)
print("200 devices, 10 dead: one at a time \(ms(mixedSequential)) (\(deadSequential) unreachable); all at once \(ms(mixedConcurrent)) (\(deadConcurrent) unreachable); speed-up ×\(String(format: "%.1f", mixedSequential / mixedConcurrent)); ratio to one dead device \(String(format: "%.2f", mixedConcurrent / deadTime))")

// 5. SNMPv3 authPriv.
let v3Devices = try agents.flatMap { agent -> [(Endpoint, [Point<SNMPAddress>])] in
    let endpoint = try SNMPProbe.endpoint(parsing: agent.snmpv3URL ?? "")
    let kindPoints = try points(agent.dataset.profile)
    return Array(repeating: (endpoint, kindPoints), count: 50)
}
let v3Context = ProbeContext(timeout: .seconds(1), retries: 1, credentials: Credentials(
    authPassphrase: Secret(benchUser.authPassphrase), privPassphrase: Secret(benchUser.privPassphrase)))
func readV3(concurrently: Bool) async -> (Double, Int) {
    let start = clock.now
    var answered = 0
    if concurrently {
        answered = await withTaskGroup(of: Bool.self) { group in
            for (endpoint, points) in v3Devices {
                group.addTask { await probe.read(points, from: endpoint, context: v3Context).unreachable == nil }
            }
            var n = 0
            for await ok in group where ok { n += 1 }
            return n
        }
    } else {
        for (endpoint, points) in v3Devices where await probe.read(points, from: endpoint, context: v3Context).unreachable == nil {
            answered += 1
        }
    }
    return (seconds(clock.now - start), answered)
}
let (v3Sequential, v3OkSequential) = await readV3(concurrently: false)
let (v3Concurrent, v3OkConcurrent) = await readV3(concurrently: true)
print("200 devices over SNMPv3 authPriv: one at a time \(ms(v3Sequential)) (\(v3OkSequential) answered); all at once \(ms(v3Concurrent)) (\(v3OkConcurrent) answered); speed-up ×\(String(format: "%.2f", v3Sequential / v3Concurrent)); ratio to v2c all at once \(String(format: "%.1f", v3Concurrent / concurrent))")

for agent in agents { agent.stop() }
