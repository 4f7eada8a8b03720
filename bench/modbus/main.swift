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
