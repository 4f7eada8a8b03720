import CheckupCore
import DeviceSimulators
import Foundation

/// The simulated site of `checkup demo`: every simulator started on free loopback ports and a
/// pseudo-terminal, with three faults injected (an NVR disk SMART-failed, zone 5 in fault, one
/// PTZ decoder silent), and the inventory that points at them.
final class DemoSite: @unchecked Sendable {
    /// How to stop each simulator started so far; a signal handler may call `stop()` at any time.
    private let stops = Locked<[@Sendable () -> Void]>([])
    private(set) var devices: [String] = []
    let workDirectory: String

    init(workDirectory: String) { self.workDirectory = workDirectory }

    deinit { stop() }

    /// Starts every simulator; on failure stops those already running and says what is missing.
    func start() async throws -> String {
        do {
            try startPTZDecoders()
            try startAlarmHost()
            try await startSNMPAgents()
        } catch {
            stop()
            throw error
        }
        return inventory()
    }

    func stop() {
        let running = stops.withLock { list in defer { list.removeAll() }; return list }
        for stop in running.reversed() { stop() }
    }

    // MARK: simulators

    private var ptzLink = ""
    private func startPTZDecoders() throws {
        ptzLink = workDirectory + "/ptz-bus"
        let simulator = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [
            SimulatedDecoder(address: 1, presets: [1: HeadPosition(pan: 90, tilt: 10, zoom: 0)]),
            SimulatedDecoder(address: 2, silent: true),
        ])
        do { _ = try simulator.start(link: ptzLink) } catch {
            throw CheckupError("demo: cannot start the PTZ decoder simulator: \(error)")
        }
        stops.withLock { $0.append { simulator.stop() } }
        devices.append(contentsOf: [
            device("ptz-gate", "大门云台 Gate PTZ", "大门 Main gate", "ptz-decoder", "pelco-d-generic", "pelco-d://\(ptzLink)?baud=2400&address=1"),
            device("ptz-yard", "后院云台 Yard PTZ", "后院 Back yard", "ptz-decoder", "pelco-d-generic", "pelco-d://\(ptzLink)?baud=2400&address=2"),
        ])
    }

    private func startAlarmHost() throws {
        let panel = AlarmHostSimulator(map: .generic, faults: AlarmHostFaults(zoneFaults: [5]))
        let port: Int
        do { port = try panel.start(tcpPort: 0) } catch {
            throw CheckupError("demo: cannot start the alarm-host simulator: \(error)")
        }
        stops.withLock { $0.append { panel.stop() } }
        devices.append(device("panel-1", "报警主机 Alarm panel", "监控室 Control room", "alarm-host", "generic-modbus-alarm-host",
                              "modbus-tcp://127.0.0.1:\(port)?unit=1"))
    }

    /// The camera, the NVR (disk 2 SMART-failed) and the UPS: net-snmp's own snmpd, each on a
    /// free loopback port, serving the profile's recorded fixture embedded in this binary.
    private func startSNMPAgents() async throws {
        guard (try? SNMPAgentFixture.locateSNMPD()) != nil else {
            throw CheckupError("demo: the SNMP half of the site runs net-snmp's snmpd, which is not installed: apt-get install snmpd (make demo installs it)")
        }
        let agents: [(id: String, name: String, location: String, kind: String, profile: String, variant: String?)] = [
            ("cam-lobby", "大厅摄像机 Lobby camera", "大厅 Lobby", "camera", "hikvision-camera", nil),
            ("nvr-1", "硬盘录像机 NVR", "监控室 Control room", "recorder", "hikvision-nvr", "disk-2-smart-failed"),
            ("ups-1", "不间断电源 UPS", "监控室 Control room", "power", "ups-mib", nil),
        ]
        for agent in agents {
            let fixture: SNMPAgentFixture
            do {
                let dataset = try DemoSite.dataset(agent.profile)
                fixture = try await SNMPAgentFixture.start(dataset: dataset, variant: agent.variant, community: "public")
            } catch {
                throw CheckupError("demo: cannot start snmpd for \(agent.profile): \(error)")
            }
            stops.withLock { $0.append { fixture.stop() } }
            devices.append(device(agent.id, agent.name, agent.location, agent.kind, agent.profile, "\(fixture.snmpURL)?version=2c"))
        }
    }

    /// A profile's recorded SNMP fixture, from the copy embedded at build time.
    static func dataset(_ profile: String) throws -> SNMPDataset {
        guard let dataset = try Workspace.embeddedSNMPDataset(profile) else {
            throw CheckupError("no recorded fixture for \(profile) in this build")
        }
        return dataset
    }

    // MARK: inventory

    private func device(_ id: String, _ name: String, _ location: String, _ kind: String, _ profile: String, _ endpoint: String) -> String {
        """
          - id: \(id)
            name: \(name)
            location: \(location)
            kind: \(kind)
            profile: \(profile)
            endpoint: "\(endpoint)"
        """
    }

    /// The site inventory YAML, the same shape as examples/demo-site.yaml.
    func inventory() -> String {
        """
        # Generated by `checkup demo`: the simulated site, on the ports chosen for this run.
        site:
          id: demo-bank-branch
          client: 示例银行 Demo Bank
          name: 东城支行 East branch
          address: 1 Demo Road
          contract: MC-2026-001
          response-zone: ring-2
        devices:
        \(devices.joined(separator: "\n"))

        """
    }
}
