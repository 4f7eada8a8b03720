import CheckupCore
import CheckupTestKit
import Foundation

// The pipeline against its floor: 1,000 devices, 5 % dead, a dead device costing its timeout
// (1 s × (1 + 2 retries) = 3 s, docs/reference.md §6). The floor is the longest single device
// at full fan-out; the baseline, measured in the same run, is concurrency 1 on a 100-device slice.
// Dead devices block a BlockingIO thread as a real library call would.

let io = BlockingIO(maxThreads: 128, name: "bench.io")

struct BlockingProbe: DeviceProbe {
    struct Address: Decodable, Sendable { var key: String }
    static let protocolName = "bench"
    static let schemes = [EndpointScheme("bench", .network(defaultPort: 0), usage: "bench://HOST")]
    static let addressKeys = ["key"]
    static func profileSkeleton(vendor: String) -> String { "" }
    let deadHosts: Set<String>
    let deadCost: Double
    let liveCost: Double

    func read(_ points: [Point<Address>], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        let dead = deadHosts.contains(endpoint.host ?? "")
        let cost = dead ? deadCost : liveCost
        await context.io.run { usleep(useconds_t(cost * 1_000_000)) }
        if dead { return .unreachable("timeout") }
        var readings = Readings()
        for point in points { readings[point.id] = Reading(.integer(1)) }
        return readings
    }
}

func jobs(_ count: Int, deadEvery: Int, probe: BlockingProbe) throws -> [Job] {
    let registry = ProbeRegistry { $0.register(probe) }
    let profile = try ProfileLoader(registry: registry).load(text: """
    schema: 1
    id: bench
    protocol: bench
    title: Bench
    record: {section: central-control, item: Bench}
    points: {v: {key: v}}
    checks: [{id: v, title: V, point: v, equals: 1}]
    """, origin: "bench")
    return (0..<count).map { i in
        let endpoint = Endpoint(scheme: "bench", host: "h\(i)")
        let device = Device(id: "h\(i)", name: "h\(i)", kind: .camera, profile: "bench", endpoint: endpoint)
        return Job(device: device, profile: profile, probe: registry.probes[0], credentials: Credentials())
    }
}

func measure(_ jobs: [Job], concurrency: Int) async -> Double {
    let pipeline = CheckPipeline(options: PipelineOptions(concurrency: concurrency, deadline: .seconds(60)), io: io)
    let start = ContinuousClock.now
    _ = await pipeline.run(jobs)
    let d = (ContinuousClock.now - start).components
    return Double(d.seconds) + Double(d.attoseconds) / 1e18
}

let deadCost = 3.0, liveCost = 0.002
let dead = Set((0..<1000).filter { $0 % 20 == 0 }.map { "h\($0)" })
let probe = BlockingProbe(deadHosts: dead, deadCost: deadCost, liveCost: liveCost)

let serialSlice = try jobs(100, deadEvery: 20, probe: probe)
let serial = await measure(serialSlice, concurrency: 1)
let serialPerDevice = serial / 100
let full = try jobs(1000, deadEvery: 20, probe: probe)
let fanned = await measure(full, concurrency: 64)
let floor = deadCost + liveCost
print(String(format: "pipeline: 1000 devices (50 dead × %.0f s) at concurrency 64: %.2f s; floor %.2f s; ratio %.2f×",
             deadCost, fanned, floor, fanned / floor))
print(String(format: "baseline: concurrency 1 costs %.3f s per device → %.0f s for 1000; fan-out speed-up %.0f×",
             serialPerDevice, serialPerDevice * 1000, serialPerDevice * 1000 / fanned))
