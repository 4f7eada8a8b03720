// bench-pelco: 32 Pelco-D decoders × 3 queries on one emulated 2400-baud bus, against the
// wire-time floor (96 transactions × 58.3 ms ≈ 5.6 s), and the cost of a dead decoder.
//
//     swift run -c release bench-pelco
//
// The simulator releases every byte at the emulated baud (10 bits per byte), so the floor is
// real time on the pty; what the probe adds on top (scheduling, the inter-frame gap, thread
// hops) is the overhead measured here.
import BenchSupport
import CheckupCore
import DeviceSimulators
import Foundation
import PelcoProbe

let decoders = 32
let baud = 2400
let timeout: Duration = .milliseconds(250)
let settings = SerialSettings(baud: baud)
let transaction = settings.wireTime(7 + 7)

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

let points: [Point<PTZPointAddress>] = [
    Point(id: "pan", address: PTZPointAddress(kind: .query(.pan))),
    Point(id: "tilt", address: PTZPointAddress(kind: .query(.tilt))),
    Point(id: "zoom", address: PTZPointAddress(kind: .query(.zoom))),
]

/// Reads every address the way the pipeline does: all devices started at once, each read under
/// the bus lock of its endpoint. Returns the wall time and the readings by address.
func sweep(_ probe: PTZDecoderProbe, path: String, addresses: [Int]) async -> (Duration, [Int: Readings], [Int: Duration]) {
    let buses = BusRegistry()
    let context = ProbeContext(timeout: timeout, retries: 1, buses: buses)
    let clock = ContinuousClock()
    let start = clock.now
    let results = await withTaskGroup(of: (Int, Readings, Duration).self) { group in
        for a in addresses {
            group.addTask {
                let endpoint = try! PTZDecoderProbe.endpoint(parsing: "pelco-d://\(path)?baud=\(baud)&address=\(a)")
                return await buses.withBus(PTZDecoderProbe.busKey(endpoint)) {
                    let t0 = ContinuousClock.now
                    let r = await probe.read(points, from: endpoint, context: context)
                    return (a, r, ContinuousClock.now - t0)
                }
            }
        }
        var all: [Int: Readings] = [:]
        var times: [Int: Duration] = [:]
        for await (a, r, t) in group { all[a] = r; times[a] = t }
        return (all, times)
    }
    return (clock.now - start, results.0, results.1)
}

func check(_ results: [Int: Readings], live: [Int], dead: [Int]) -> Bool {
    var ok = true
    for a in live {
        guard let r = results[a], r.unreachable == nil,
              case .number = r["pan"]?.value, case .number = r["tilt"]?.value, case .integer = r["zoom"]?.value else {
            print("  !! decoder \(a): \(String(describing: results[a]?.unreachable ?? results[a]?.values.description))"); ok = false; continue
        }
    }
    for a in dead where results[a]?.unreachable == nil { print("  !! decoder \(a) should be unreachable"); ok = false }
    return ok
}

// 1. 32 live decoders × 3 queries.
let heads = (1...decoders).map { SimulatedDecoder(address: UInt8($0), position: HeadPosition(pan: Double($0), tilt: 1, zoom: 2)) }
let live = PTZDecoderSimulator(protocol: .d, baud: baud, decoders: heads)
let livePath = try live.start()
let floor = transaction * (decoders * 3)
print("Pelco-D bench: \(decoders) decoders × 3 queries on one \(baud)-baud bus (\(settings)); reply timeout \(timeout)")
print(String(format: "wire-time floor: %d × %.1f ms = %.3f s", decoders * 3, seconds(transaction) * 1000, seconds(floor)))
var ratios: [Double] = []
for run in 1...3 {
    let probe = PTZDecoderProbe()
    let (elapsed, results, _) = await sweep(probe, path: livePath, addresses: Array(1...decoders))
    let ok = check(results, live: Array(1...decoders), dead: [])
    let ratio = seconds(elapsed) / seconds(floor)
    ratios.append(ratio)
    print(String(format: "run %d: %.3f s, %.3f× the floor, %.2f ms overhead per transaction%@", run, seconds(elapsed), ratio,
                 (seconds(elapsed) - seconds(floor)) * 1000 / Double(decoders * 3), ok ? "" : "  (WRONG READINGS)"))
    await probe.lines.closeIdle()
}
live.stop()
let best = ratios.min() ?? 0
let medianRatio = ratios.sorted()[ratios.count / 2]
print(String(format: "best %.3f×, median %.3f× (target ≤ 1.15×): %@", best, medianRatio, medianRatio <= 1.15 ? "PASS" : "MISS"))
Bench.figure("Pelco-D: 32 decoders × 3 queries at 2400 baud vs the wire floor",
             String(format: "%.2f×, median of %d sweeps", medianRatio, ratios.count), goal: "≤ 1.15×", met: medianRatio <= 1.15)

// 2. The same bus with one dead decoder: it costs one timeout once, then nothing.
var withDead = heads
withDead[decoders - 1].silent = true
let deadSim = PTZDecoderSimulator(protocol: .d, baud: baud, decoders: withDead)
let deadPath = try deadSim.start()
let probe = PTZDecoderProbe()
let liveAddresses = Array(1..<decoders)
let (first, r1, t1) = await sweep(probe, path: deadPath, addresses: Array(1...decoders))
let ok1 = check(r1, live: liveAddresses, dead: [decoders])
let (second, r2, t2) = await sweep(probe, path: deadPath, addresses: Array(1...decoders))
let ok2 = check(r2, live: liveAddresses, dead: [decoders])
deadSim.stop()
let liveFloor = transaction * ((decoders - 1) * 3)
let deadFloor = settings.wireTime(7 + 7) + timeout
print(String(format: "one dead decoder, first sweep: %.3f s = live floor %.3f s + %.3f s (one timeout + request: %.3f s)%@",
             seconds(first), seconds(liveFloor), seconds(first) - seconds(liveFloor), seconds(deadFloor), ok1 ? "" : "  (WRONG READINGS)"))
print(String(format: "same run, second sweep (dead decoder skipped): %.3f s = live floor + %.3f s%@",
             seconds(second), seconds(second) - seconds(liveFloor), ok2 ? "" : "  (WRONG READINGS)"))
let deadRead1 = seconds(t1[decoders] ?? .zero), deadRead2 = seconds(t2[decoders] ?? .zero)
print(String(format: "the dead decoder's read: %.3f s in the first sweep (one timeout + request = %.3f s), %.6f s in the second (skipped)",
             deadRead1, seconds(deadFloor), deadRead2))

// 3. The same 32 × 3 through the core's CheckPipeline (what `checkup run` does): profile
//    loading, the per-device bus lock, fan-out and evaluation included.
let benchProfile = """
schema: 1
id: bench-pelco
protocol: pelco
kind: ptz-decoder
title: {zh: 基准, en: Bench}
record: {section: front-end, item: {zh: 云台/解码器, en: PTZ heads and decoders}}
points:
  pan: {query: pan}
  tilt: {query: tilt}
  zoom: {query: zoom}
checks:
  - {id: pan, title: {zh: 水平, en: Pan}, point: pan, range: "0:360"}
  - {id: tilt, title: {zh: 垂直, en: Tilt}, point: tilt, range: "-90:90"}
  - {id: zoom, title: {zh: 变倍, en: Zoom}, point: zoom, range: "0:65535"}
"""
let pipelineSim = PTZDecoderSimulator(protocol: .d, baud: baud, decoders: heads)
let pipelinePath = try pipelineSim.start()
let pipelineProbe = PTZDecoderProbe()
let registry = ProbeRegistry { $0.register(pipelineProbe) }
let profile = try ProfileLoader(registry: registry).load(text: benchProfile, origin: "bench")
guard let anyProbe = registry.probe(forProtocol: "pelco") else { fatalError("pelco probe not registered") }
let jobs = try (1...decoders).map { a in
    Job(device: Device(id: "ptz-\(a)", name: "PTZ \(a)", kind: .ptzDecoder, profile: profile.id,
                       endpoint: try PTZDecoderProbe.endpoint(parsing: "pelco-d://\(pipelinePath)?baud=\(baud)&address=\(a)")),
        profile: profile, probe: anyProbe, credentials: Credentials())
}
let pipeline = CheckPipeline(options: PipelineOptions(concurrency: 64, timeout: timeout))
let pipelineStart = ContinuousClock.now
let report = await pipeline.run(jobs)
let pipelineElapsed = ContinuousClock.now - pipelineStart
pipelineSim.stop()
let passes = report.results.filter { $0.status == .pass }.count
print(String(format: "through CheckPipeline: %.3f s, %.3f× the floor, %d/%d checks pass",
             seconds(pipelineElapsed), seconds(pipelineElapsed) / seconds(floor), passes, decoders * 3))
