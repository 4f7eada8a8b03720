import BenchSupport
import CModbus
import CheckupCore
import DeviceSimulators
import Foundation
import ModbusProbe

// Modbus probe costs against floors measured in the same run (docs/reference.md §6: libmodbus FC03 on
// loopback ≈ 26–150 µs per read; a dead unit should cost one reply timeout).
//  1. One Elmo panel read (9 points, 7 requests) over TCP loopback vs 7 × one bare FC02 request.
//  2. The same over RTU on a pseudo-terminal.
//  3. A dead RTU unit vs its timeout (ratio should be ≈ 1, not ×requests).
//  4. 64 simulated TCP panels read at concurrency 16 vs one at a time.
//  5. 200 TCP panels × 4 reads through CheckPipeline (profile, evaluation, fan-out: what
//     `checkup run` does) vs a plain libmodbus loop over the same panels and registers
//     (goal: overhead ≤ 1.5×, total < 1 s). Lines starting with FIGURE go to bench/results/latest.md.

let clock = ContinuousClock()

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

func elmoPoints() -> [Point<ModbusAddress>] {
    let di = ModbusTable.discreteInput
    return [
        Point(id: "mains", address: .scalar(di, 0x0100)), Point(id: "battery", address: .scalar(di, 0x0101)),
        Point(id: "tamper", address: .scalar(di, 0x0102)),
        Point(id: "transmission", address: ModbusAddress(ModbusField(table: di, address: 0x0103), count: 2, columns: ["fault": ModbusColumn()])),
        Point(id: "not-armable", address: .scalar(di, 0x0401)), Point(id: "armed", address: .scalar(di, 0x0402)),
        Point(id: "zones", address: ModbusAddress(ModbusField(table: di, address: 0x1001), count: 256,
              columns: ["alarm": ModbusColumn(address: 0x1001), "bypassed": ModbusColumn(address: 0x2001),
                        "low-battery": ModbusColumn(address: 0x8001)])),
        Point(id: "sectors", address: ModbusAddress(ModbusField(table: di, address: 0x3001), count: 16,
              columns: ["armed": ModbusColumn(address: 0x3001), "triggered": ModbusColumn(address: 0x1401)])),
    ]
}

/// Mean seconds of one bare FC02 read on an open connection (the floor of one request).
func bareRequest(_ connection: ModbusConnection, count: Int) async -> Double {
    await BlockingIO.shared.run { () -> Double in
        guard let client = try? ModbusClient(connection, responseTimeout: 1), (try? client.connect()) != nil else { return .nan }
        let start = clock.now
        for _ in 0..<count { _ = try? client.readBits(.discreteInput, address: 0x0100, count: 8) }
        return seconds(clock.now - start) / Double(count)
    }
}

func meanProbeRead(_ endpoint: Endpoint, context: ProbeContext, count: Int) async -> (Double, Int) {
    let probe = AlarmHostProbe()
    var requests = 0
    let start = clock.now
    for _ in 0..<count {
        let readings = await probe.read(elmoPoints(), from: endpoint, context: context)
        requests = readings.exchanges.filter { $0.direction == .sent }.count
    }
    return (seconds(clock.now - start) / Double(count), requests)
}

let context = ProbeContext(timeout: .milliseconds(300), retries: 1)
let ms = { (s: Double) in String(format: "%.3f ms", s * 1000) }

// 1. TCP
let panel = AlarmHostSimulator(map: .elmo, faults: AlarmHostFaults(mains: true, zoneAlarms: [5]))
let port = try panel.start(tcpPort: 0)
let tcp = try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=1")
let tcpFloor = await bareRequest(ModbusConnection(transport: .tcp(host: "127.0.0.1", port: port), unit: 1), count: 2000)
let (tcpRead, tcpRequests) = await meanProbeRead(tcp, context: context, count: 300)
print("TCP loopback: one bare FC02 request \(String(format: "%.1f µs", tcpFloor * 1e6)); one panel read (\(tcpRequests) requests, connect included) \(ms(tcpRead)); ratio to \(tcpRequests) bare requests \(String(format: "%.2f", tcpRead / (tcpFloor * Double(tcpRequests))))")
panel.stop()

// 2 and 3. RTU on a pty
let bus = AlarmHostSimulator(units: [1: (.elmo, AlarmHostFaults(mains: true))])
let path = try bus.startRTU()
let rtu = try AlarmHostProbe.endpoint(parsing: "modbus-rtu://\(path)?baud=115200&unit=1")
let rtuFloor = await bareRequest(ModbusConnection(transport: .rtu(SerialLine(path: path, baud: 115200)), unit: 1), count: 500)
let (rtuRead, rtuRequests) = await meanProbeRead(rtu, context: context, count: 100)
print("RTU pty: one bare FC02 request \(ms(rtuFloor)); one panel read (\(rtuRequests) requests, open included) \(ms(rtuRead)); ratio \(String(format: "%.2f", rtuRead / (rtuFloor * Double(rtuRequests))))")
let dead = try AlarmHostProbe.endpoint(parsing: "modbus-rtu://\(path)?baud=115200&unit=9")
let (deadRead, deadRequests) = await meanProbeRead(dead, context: context, count: 5)
print("RTU dead unit: \(ms(deadRead)) for \(deadRequests) request(s) against a 300 ms timeout; ratio \(String(format: "%.2f", deadRead / 0.3))")
bus.stop()

// 4. Fan-out
let panels = (0..<64).map { _ in AlarmHostSimulator(map: .elmo) }
let endpoints = try panels.map { try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(try $0.start(tcpPort: 0))?unit=1") }
func readAll(concurrency: Int) async -> Double {
    let start = clock.now
    await withTaskGroup(of: Void.self) { group in
        var next = 0
        for _ in 0..<min(concurrency, endpoints.count) {
            let e = endpoints[next]; next += 1
            group.addTask { _ = await AlarmHostProbe().read(elmoPoints(), from: e, context: context) }
        }
        while await group.next() != nil, next < endpoints.count {
            let e = endpoints[next]; next += 1
            group.addTask { _ = await AlarmHostProbe().read(elmoPoints(), from: e, context: context) }
        }
    }
    return seconds(clock.now - start)
}
let serial = await readAll(concurrency: 1)
let fanned = await readAll(concurrency: 16)
print("64 TCP panels: one at a time \(ms(serial)); concurrency 16 \(ms(fanned)); speed-up \(String(format: "%.1f", serial / fanned))× (2 cores, simulators in-process)")
panels.forEach { $0.stop() }

// 5. 200 panels × 4 reads: checkup's pipeline vs a plain libmodbus loop, in the same run.
let fourReads: [UInt16] = [0x0100, 0x0401, 0x1001, 0x3001]  // far apart: four requests, never merged
let farm = (0..<200).map { _ in AlarmHostSimulator(map: .elmo) }
let farmPorts = try farm.map { try $0.start(tcpPort: 0) }

/// The baseline: connect, four FC02 reads of 8 bits, close, panel after panel, on libmodbus alone.
func plainLoop() async -> (seconds: Double, failures: Int) {
    await BlockingIO.shared.run { () -> (Double, Int) in
        var failures = 0
        var bits = [UInt8](repeating: 0, count: 8)
        let start = clock.now
        for port in farmPorts {
            guard let ctx = modbus_new_tcp("127.0.0.1", Int32(port)) else { failures += 1; continue }
            modbus_set_slave(ctx, 1)
            if modbus_connect(ctx) == 0 {
                for address in fourReads where modbus_read_input_bits(ctx, Int32(address), 8, &bits) != 8 { failures += 1 }
                modbus_close(ctx)
            } else {
                failures += 1
            }
            modbus_free(ctx)
        }
        return (seconds(clock.now - start), failures)
    }
}

let farmProfileText = """
schema: 1
id: bench-modbus
protocol: modbus
kind: alarm-host
title: {zh: 基准, en: Bench}
record: {section: central-control, item: {zh: 报警主机, en: Alarm host}}
points:
  mains: {table: discrete-input, address: 0x0100}
  not-armable: {table: discrete-input, address: 0x0401}
  zone-1: {table: discrete-input, address: 0x1001}
  sector-1: {table: discrete-input, address: 0x3001}
checks:
  - {id: mains, title: {zh: 主电, en: Mains}, point: mains, equals: false}
  - {id: not-armable, title: {zh: 不可布防, en: Not armable}, point: not-armable, equals: false}
  - {id: zone-1, title: {zh: 1 号防区, en: Zone 1}, point: zone-1, equals: false}
  - {id: sector-1, title: {zh: 1 号分区, en: Sector 1}, point: sector-1, equals: false}
"""
let farmRegistry = ProbeRegistry { $0.register(AlarmHostProbe()) }
let farmProfile = try ProfileLoader(registry: farmRegistry).load(text: farmProfileText, origin: "bench")
guard let modbusProbe = farmRegistry.probe(forProtocol: "modbus") else { fatalError("modbus probe not registered") }
let farmJobs = try farmPorts.enumerated().map { i, port in
    Job(device: Device(id: "panel-\(i)", name: "Panel \(i)", kind: .alarmHost, profile: farmProfile.id,
                       endpoint: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=1")),
        profile: farmProfile, probe: modbusProbe, credentials: Credentials())
}

/// The 200 panels through the pipeline; the requests sent, and how many checks passed.
func throughPipeline(concurrency: Int) async -> (seconds: Double, requests: Int, passed: Int) {
    let pipeline = CheckPipeline(options: PipelineOptions(concurrency: concurrency, timeout: .seconds(1)))
    let start = clock.now
    let report = await pipeline.run(farmJobs)
    let elapsed = seconds(clock.now - start)
    let requests = report.devices.reduce(0) { $0 + $1.exchanges.filter { $0.direction == .sent }.count }
    // Judged: a value was read and compared (the simulated panel has a sector armed: one check fails by design).
    return (elapsed, requests, report.results.filter { [.pass, .warn, .fail].contains($0.status) }.count)
}

_ = await plainLoop()  // warm-up: connections, page cache
var plainRuns: [Double] = [], oneAtATime: [Double] = [], fannedOut: [Double] = []
var farmRequests = 0, farmPassed = 0, plainFailures = 0
for _ in 0..<7 {
    let plain = await plainLoop()
    plainRuns.append(plain.seconds)
    plainFailures += plain.failures
    let one = await throughPipeline(concurrency: 1)
    oneAtATime.append(one.seconds)
    let many = await throughPipeline(concurrency: 64)
    fannedOut.append(many.seconds)
    (farmRequests, farmPassed) = (many.requests, many.passed)
}
farm.forEach { $0.stop() }
let median = { (runs: [Double]) in runs.sorted()[runs.count / 2] }
let (plain, one, many) = (median(plainRuns), median(oneAtATime), median(fannedOut))
print(String(format: "200 TCP panels × 4 reads: plain libmodbus loop %.1f ms (%d failures); CheckPipeline one at a time %.1f ms, at concurrency 64 %.1f ms; %d requests, %d/800 checks judged (medians of 7)",
             plain * 1000, plainFailures, one * 1000, many * 1000, farmRequests, farmPassed))
Bench.figure("Modbus TCP: 200 panels × 4 reads, checkup pipeline (one at a time) vs a plain libmodbus loop",
             String(format: "%.0f ms vs %.0f ms: %.2f×", one * 1000, plain * 1000, one / plain), goal: "≤ 1.5×", met: one / plain <= 1.5)
Bench.figure("Modbus TCP: 200 panels × 4 reads, checkup pipeline at concurrency 64",
             String(format: "%.0f ms (%d requests, %d/800 checks judged)", many * 1000, farmRequests, farmPassed),
             goal: "< 1 s", met: many < 1 && farmPassed == 800)
