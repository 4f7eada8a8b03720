import CheckupCore
import DeviceSimulators
import ModbusProbe
import Testing

/// Our simulator over TCP with the generic gateway map: every data type the map uses.
@Suite(.serialized)
struct TCPSimulatorTests {
    let probe = AlarmHostProbe()

    @Test func genericMapDecodes() async throws {
        let panel = AlarmHostSimulator(map: .generic, faults: AlarmHostFaults(battery: true, zoneFaults: [5], zoneBypasses: [7]))
        let port = try panel.start(tcpPort: 0)
        defer { panel.stop() }
        let readings = await probe.read(GenericPoints.all, from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=1"),
                                        context: testContext())
        #expect(readings.unreachable == nil)
        #expect(readings["panel-status"]?.value == .integer(0b110_0010))
        #expect(readings["mains-fault"]?.value == .bool(false))
        #expect(readings["battery-voltage"]?.value == .integer(1120))
        #expect(readings["uptime"]?.value == .integer(86400))
        #expect(readings["model"]?.value == .text("CHECKUP-SIM-GW"))
        #expect(readings["zones"]?.value.rows(where: "fault") == ["5"])
        #expect(readings["zones"]?.value.rows(where: "bypassed") == ["7"])
        #expect(readings["zones"]?.value.rows(where: "alarm") == [])
        // 0x0001…0x0002 and 0x0006…0x000F (a gap is never bridged); 256 zone registers in three (125 + 125 + 6).
        let sent = readings.exchanges.filter { $0.direction == .sent }.map(\.text)
        #expect(sent.filter { $0.contains("FC03 0x0001 ×2 ") || $0.contains("FC03 0x0006 ×10 ") }.count == 2)
        #expect(sent.filter { $0.contains("FC03 0x0100 ×125") || $0.contains("FC03 0x017D ×125") || $0.contains("FC03 0x01FA ×6") }.count == 3)
        #expect(readings["zones"]?.duration ?? .zero > .zero)
    }

    @Test func faultsChangeWhileRunning() async throws {
        let panel = AlarmHostSimulator(map: .elmo)
        let port = try panel.start(tcpPort: 0)
        defer { panel.stop() }
        let endpoint = try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)")
        let healthy = await probe.read([ElmoPoints.mains], from: endpoint, context: testContext())
        #expect(healthy["mains-fault"]?.value == .bool(false))
        panel.setFaults(AlarmHostFaults(mains: true))
        let faulty = await probe.read([ElmoPoints.mains], from: endpoint, context: testContext())
        #expect(faulty["mains-fault"]?.value == .bool(true))
    }

    /// Up to three tries: a port freed by `stop()` can be taken at once by a simulator another
    /// test starts in parallel, which then answers. A simulator that kept listening fails all three.
    @Test func stoppedSimulatorRefusesConnections() async throws {
        var reasons: [String] = []
        for _ in 0..<3 {
            let panel = AlarmHostSimulator(map: .elmo)
            let port = try panel.start(tcpPort: 0)
            panel.stop()
            let readings = await probe.read([ElmoPoints.mains], from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)"),
                                            context: testContext())
            if readings.unreachable?.contains("cannot connect") == true { return }
            reasons.append(readings.unreachable ?? "answered on port \(port)")
        }
        Issue.record("a stopped simulator still took connections: \(reasons)")
    }
}

/// Misbehaving units over TCP, and RS-485 mode asked on a port that cannot do it.
@Suite(.serialized)
struct MisbehaviourTests {
    let probe = AlarmHostProbe()

    @Test func tcpReplyFromTheWrongUnitIsAnError() async throws {
        let panel = AlarmHostSimulator(units: [1: (.elmo, AlarmHostFaults(mains: true, replyAsUnit: 7))])
        let port = try panel.start(tcpPort: 0)
        defer { panel.stop() }
        let readings = await probe.read([ElmoPoints.mains], from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=1"),
                                        context: testContext())
        let value = try #require(readings["mains-fault"]?.value, "unreachable: \(readings.unreachable ?? "")")
        guard case .error = value else {
            Issue.record("a reply carrying unit 7 must not be taken for unit 1's: \(value)")
            return
        }
    }

    @Test func rs485ModeRefusedByAPtyIsANoteNotAFailure() async throws {
        let bus = AlarmHostSimulator(units: [1: (.elmo, AlarmHostFaults(battery: true))])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let readings = await probe.read([ElmoPoints.battery], from: try AlarmHostProbe.endpoint(parsing: "modbus-rtu://\(path)?unit=1&rs485=true"),
                                        context: testContext())
        #expect(readings["battery-fault"]?.value == .bool(true))
        #expect(readings.exchanges.contains { $0.direction == .note && $0.text.contains("RS-485 mode refused") })
    }
}
