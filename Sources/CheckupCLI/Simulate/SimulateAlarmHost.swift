package import ArgumentParser
import DeviceSimulators
import Foundation

/// `checkup simulate alarm-host`: a simulated intrusion-alarm panel on Modbus TCP or on a
/// pseudo-terminal (Modbus RTU), serving either alarm-host profile's map, until SIGINT or SIGTERM.
///
/// ```
/// checkup simulate alarm-host --port 15020 --fault mains --zone-alarm 5 --zone-bypass 7
/// checkup probe "modbus-tcp://127.0.0.1:15020?unit=1" --profile elmo-modbus
/// checkup simulate alarm-host --link /tmp/panel --map generic --unit 1 --unit 2 --silent-unit 2 --zone-fault 5
/// checkup probe "modbus-rtu:///tmp/panel?baud=9600&unit=1" --profile generic-modbus-alarm-host
/// ```
package struct SimulateAlarmHost: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "alarm-host",
        abstract: "Simulate an alarm panel over Modbus TCP or RTU (a pseudo-terminal), with faults to find.")

    @Option(help: "TCP port to listen on (0 picks a free one). Without --link or --rtu, TCP is used.")
    package var port: Int?

    @Option(help: "Address to listen on for TCP.")
    package var host: String = "127.0.0.1"

    @Option(help: "Serve Modbus RTU on a pseudo-terminal and make this symbolic link to it, e.g. /tmp/panel.")
    package var link: String?

    @Flag(help: "Serve Modbus RTU on a pseudo-terminal (its path is printed).")
    package var rtu = false

    @Option(help: "Register map: elmo (the Elmo panel map) or generic (the generic-modbus-alarm-host layout).")
    package var map: String = "elmo"

    @Option(name: .customLong("unit"), help: "Unit id served; repeat for several panels on one link. Faults apply to every unit.")
    package var units: [Int] = [1]

    @Option(name: .customLong("silent-unit"), help: "A unit that never answers (a dead panel); repeatable.")
    package var silentUnits: [Int] = []

    @Option(help: "Panel faults, comma-separated or repeated: mains, battery, tamper, comms.")
    package var fault: [String] = []

    @Option(name: .customLong("zone-alarm"), help: "A zone in alarm (1-based); repeatable.")
    package var zoneAlarm: [Int] = []

    @Option(name: .customLong("zone-fault"), help: "A zone in fault (detector trouble); repeatable.")
    package var zoneFault: [Int] = []

    @Option(name: .customLong("zone-bypass"), help: "A bypassed zone; repeatable.")
    package var zoneBypass: [Int] = []

    @Option(help: "Baud rate printed in the RTU endpoint URLs (a pseudo-terminal has no line speed).")
    package var baud: Int = 9600

    package init() {}

    var mapValue: AlarmHostMap? { AlarmHostMap(rawValue: map.lowercased()) }

    package func validate() throws {
        guard let mapValue else { throw ValidationError("--map must be elmo or generic, found '\(map)'") }
        if port != nil && (link != nil || rtu) { throw ValidationError("--port is for TCP; --link and --rtu are for RTU: pick one") }
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0–65535") }
        let unitRange = (link != nil || rtu) ? 1...247 : 0...247
        for u in units + silentUnits where !unitRange.contains(u) {
            throw ValidationError("unit \(u) is outside \(unitRange.lowerBound)–\(unitRange.upperBound)")
        }
        for u in silentUnits where !units.contains(u) { throw ValidationError("--silent-unit \(u) is not one of the --unit values \(units)") }
        for z in zoneAlarm + zoneFault + zoneBypass where !(1...mapValue.maxZones).contains(z) {
            throw ValidationError("zone \(z) is outside 1–\(mapValue.maxZones) for the \(mapValue.rawValue) map")
        }
        do { _ = try AlarmHostFaults(names: fault) } catch { throw ValidationError(error.description) }
    }

    /// The simulator these options describe (not started): the lead's `checkup demo` may build one the same way.
    func simulator() throws -> AlarmHostSimulator {
        var faults = try AlarmHostFaults(names: fault)
        faults.zoneAlarms = Set(zoneAlarm)
        faults.zoneFaults = Set(zoneFault)
        faults.zoneBypasses = Set(zoneBypass)
        let chosen = mapValue ?? .elmo
        var table: [Int: (map: AlarmHostMap, faults: AlarmHostFaults)] = [:]
        for unit in units {
            var f = faults
            f.silent = f.silent || silentUnits.contains(unit)
            table[unit] = (chosen, f)
        }
        return AlarmHostSimulator(units: table)
    }

    package func run() async throws {
        let panel = try simulator()
        let chosen = mapValue ?? .elmo
        let urls: [String]
        if link != nil || rtu {
            let slave = try panel.startRTU(link: link)
            let path = link ?? slave
            print("Alarm-host simulator: Modbus RTU, \(chosen.rawValue) map, on \(slave)\(link.map { " (linked at \($0))" } ?? "")")
            urls = units.sorted().map { "modbus-rtu://\(path)?baud=\(baud)&unit=\($0)" }
        } else {
            let bound = try panel.start(tcpPort: port ?? 0, host: host)
            print("Alarm-host simulator: Modbus TCP, \(chosen.rawValue) map, on \(host):\(bound)")
            urls = units.sorted().map { "modbus-tcp://\(host):\(bound)?unit=\($0)" }
        }
        for (unit, url) in zip(units.sorted(), urls) {
            print("  \(url)  --profile \(chosen.profileID)\(silentUnits.contains(unit) ? "  [silent]" : "")")
        }
        let faults = fault.flatMap { $0.split(separator: ",").map(String.init) }
            + zoneAlarm.sorted().map { "zone \($0) alarm" } + zoneFault.sorted().map { "zone \($0) fault" }
            + zoneBypass.sorted().map { "zone \($0) bypassed" }
        print("Faults: \(faults.isEmpty ? "none" : faults.joined(separator: ", "))")
        print("Ctrl-C to stop.")
        fflush(nil)
        await InterruptSignal.waitForTermination()
        panel.stop()
        print("stopped")
    }
}
