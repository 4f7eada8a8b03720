import CheckupTestKit
import CheckupCore
import ModbusProbe
import Testing

/// The probe against pymodbus, an independent Modbus implementation, over TCP.
@Suite(.serialized)
struct TCPPeerTests {
    let probe = AlarmHostProbe()

    func endpoint(_ port: Int, unit: Int = 1) throws -> Endpoint {
        try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=\(unit)")
    }

    @Test func mainsFaultAndZoneAlarmAreRead() async throws {
        let peer = try await PymodbusPeer.start(["--mains", "--zone-alarm", "5", "--zone-bypass", "7"])
        defer { peer.stop() }
        let readings = await probe.read(ElmoPoints.all, from: try endpoint(peer.port), context: testContext())
        #expect(readings.unreachable == nil)
        #expect(readings["mains-fault"]?.value == .bool(true))
        #expect(readings["battery-fault"]?.value == .bool(false))
        #expect(readings["tamper"]?.value == .bool(false))
        #expect(readings["zones"]?.value.rows(where: "alarm") == ["5"])
        #expect(readings["zones"]?.value.rows(where: "bypassed") == ["7"])
        #expect(readings["transmission"]?.value.rows(where: "fault") == [])
        #expect(readings["mains-fault"]?.evidence == "FC02 0x0100 ×1 → 1")
        // 0x0100…0x0104 are contiguous: one request, not five.
        let sent = readings.exchanges.filter { $0.direction == .sent }.map(\.text)
        #expect(sent.filter { $0.contains("FC02 0x0100 ×5") }.count == 1)
    }

    @Test func healthyPanelHasNoFaults() async throws {
        let peer = try await PymodbusPeer.start([])
        defer { peer.stop() }
        let readings = await probe.read(ElmoPoints.all, from: try endpoint(peer.port), context: testContext())
        #expect(readings["mains-fault"]?.value == .bool(false))
        #expect(readings["zones"]?.value.rows(where: "alarm") == [])
        guard case .table(let rows)? = readings["zones"]?.value else { Issue.record("zones is not a table"); return }
        #expect(rows.count == 64)
        #expect(rows.first?.index == "1")
    }

    @Test func illegalAddressMakesOnlyThatPointAbsent() async throws {
        let peer = try await PymodbusPeer.start(["--battery"])
        defer { peer.stop() }
        let readings = await probe.read([ElmoPoints.battery, ElmoPoints.missing], from: try endpoint(peer.port), context: testContext())
        #expect(readings["missing"]?.value == .absent("illegal data address"))
        #expect(readings["battery-fault"]?.value == .bool(true))
    }

    @Test func noWriteReachesThePeerWithoutAllowActive() async throws {
        let peer = try await PymodbusPeer.start([])
        defer { peer.stop() }
        let arm = Point(id: "arm-sector-1", address: ModbusAddress(ModbusField(table: .coil, address: 0x3001), write: 1), active: true)
        let points = ElmoPoints.all + [arm]
        let readOnly = await probe.read(points, from: try endpoint(peer.port), context: testContext(allowActive: false))
        #expect(readOnly["mains-fault"]?.value == .bool(false))
        let writes: Set<Int> = [5, 6, 15, 16]
        #expect(!peer.receivedFunctions.isEmpty)
        #expect(peer.receivedFunctions.filter { writes.contains($0) } == [])
        // The same points with --allow-active do write: the check above can fail.
        _ = await probe.read(points, from: try endpoint(peer.port), context: testContext(allowActive: true))
        #expect(peer.receivedFunctions.filter { writes.contains($0) } == [5])
    }

    @Test func deviceIdentification() async throws {
        let peer = try await PymodbusPeer.start([])
        defer { peer.stop() }
        let identity = await probe.identify(try endpoint(peer.port), context: testContext())
        #expect(identity?.vendor == "Elmo (pymodbus peer)")
        #expect(identity?.model == "ELMO-PYMODBUS")
    }

    @Test func connectionRefusedIsUnreachable() async throws {
        // Start and stop a peer to get a port nobody listens on.
        let peer = try await PymodbusPeer.start([])
        let port = peer.port
        peer.stop()
        let readings = await probe.read(ElmoPoints.all, from: try endpoint(port), context: testContext())
        let reason = try #require(readings.unreachable)
        #expect(reason.contains("cannot connect"))
        #expect(reason.lowercased().contains("refused"))
        #expect(readings.values.isEmpty)
    }
}
