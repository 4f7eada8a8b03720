import CheckupCore
import DeviceSimulators
import Foundation
import ModbusProbe
import Testing

/// The probe against our libmodbus simulator on a pseudo-terminal: Modbus RTU, several units on
/// one link, a dead unit, misbehaving units.
@Suite(.serialized)
struct RTUSimulatorTests {
    let probe = AlarmHostProbe()

    func endpoint(_ path: String, unit: Int) throws -> Endpoint {
        try AlarmHostProbe.endpoint(parsing: "modbus-rtu://\(path)?baud=19200&unit=\(unit)")
    }

    @Test func twoUnitsOnOneBusAndADeadOne() async throws {
        let bus = AlarmHostSimulator(units: [
            1: (.elmo, AlarmHostFaults(mains: true)),
            2: (.elmo, AlarmHostFaults(zoneAlarms: [3])),
        ])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let context = testContext()
        // Polled one after the other by the bus lock, even when asked at once.
        let (e1, e3, e2) = (try endpoint(path, unit: 1), try endpoint(path, unit: 3), try endpoint(path, unit: 2))
        async let first = probe.read(ElmoPoints.all, from: e1, context: context)
        async let dead = probe.read(ElmoPoints.all, from: e3, context: context)
        async let second = probe.read(ElmoPoints.all, from: e2, context: context)
        let (one, three, two) = await (first, dead, second)

        #expect(one.unreachable == nil)
        #expect(one["mains-fault"]?.value == .bool(true))
        #expect(one["zones"]?.value.rows(where: "alarm") == [])

        let reason = try #require(three.unreachable)
        #expect(reason.contains("no reply from unit 3"))
        // A dead unit costs one request (one timeout), not one per point.
        #expect(three.exchanges.filter { $0.direction == .sent }.count == 1)

        #expect(two.unreachable == nil)
        #expect(two["mains-fault"]?.value == .bool(false))
        #expect(two["zones"]?.value.rows(where: "alarm") == ["3"])
        #expect(Set(bus.receivedRequests.map(\.unit)) == [1, 2, 3])
    }

    @Test func silentUnitIsUnreachableAndTheNextUnitStillAnswers() async throws {
        let bus = AlarmHostSimulator(units: [
            1: (.generic, AlarmHostFaults(silent: true)),
            2: (.generic, AlarmHostFaults(zoneFaults: [5])),
        ])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let context = testContext()
        let silent = await probe.read(GenericPoints.all, from: try endpoint(path, unit: 1), context: context)
        let next = await probe.read(GenericPoints.all, from: try endpoint(path, unit: 2), context: context)
        #expect(silent.unreachable != nil)
        #expect(next.unreachable == nil)
        #expect(next["zones"]?.value.rows(where: "fault") == ["5"])
    }

    @Test func replyFromTheWrongUnitIsAnError() async throws {
        let bus = AlarmHostSimulator(units: [4: (.elmo, AlarmHostFaults(replyAsUnit: 9))])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let readings = await probe.read([ElmoPoints.mains], from: try endpoint(path, unit: 4), context: testContext())
        let reading = try #require(readings["mains-fault"], "a unit that answers is not unreachable: \(readings.unreachable ?? "")")
        guard case .error(let why) = reading.value else {
            Issue.record("expected an error reading, got \(reading.value)")
            return
        }
        #expect(why.lowercased().contains("slave") || why.lowercased().contains("unit"))
    }

    @Test(arguments: [(UInt8(0x04), "server device failure"), (UInt8(0x06), "server device busy")])
    func exceptionRepliesAreErrorsNamedByCode(code: UInt8, name: String) async throws {
        let bus = AlarmHostSimulator(units: [1: (.elmo, AlarmHostFaults(exception: code))])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let readings = await probe.read([ElmoPoints.mains, ElmoPoints.zones], from: try endpoint(path, unit: 1), context: testContext())
        #expect(readings.unreachable == nil)
        #expect(readings["mains-fault"]?.value == .error("exception \(String(format: "%02X", code)) (\(name)) to FC02 0x0100 ×1"))
        #expect(readings["zones"]?.value.isAbsent == false)
    }

    @Test func gatewayWhoseTargetIsSilentMakesTheUnitUnreachable() async throws {
        let bus = AlarmHostSimulator(units: [1: (.elmo, AlarmHostFaults(exception: 0x0B))])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let readings = await probe.read(ElmoPoints.all, from: try endpoint(path, unit: 1), context: testContext())
        let reason = try #require(readings.unreachable)
        #expect(reason.contains("gateway target device failed to respond (exception 0B)"))
        #expect(readings.exchanges.filter { $0.direction == .sent }.count == 1)
    }

    @Test func deviceIdentificationOverRTU() async throws {
        let bus = AlarmHostSimulator(map: .generic, unit: 7)
        let path = try bus.startRTU()
        defer { bus.stop() }
        let identity = await probe.identify(try endpoint(path, unit: 7), context: testContext())
        #expect(identity?.vendor == "checkup")
        #expect(identity?.model == "CHECKUP-SIM-GW")
    }

    @Test func activeWriteOnlyWithAllowActive() async throws {
        let bus = AlarmHostSimulator(units: [1: (.elmo, .none)])
        let path = try bus.startRTU()
        defer { bus.stop() }
        let arm2 = Point(id: "arm-sector-2", address: ModbusAddress(ModbusField(table: .coil, address: 0x3002), write: 1), active: true)
        let sector2 = Point(id: "sector-2-armed", address: ModbusAddress.scalar(.discreteInput, 0x3002))
        let before = await probe.read([arm2, sector2], from: try endpoint(path, unit: 1), context: testContext())
        #expect(before["sector-2-armed"]?.value == .bool(false))
        // Which points are read is the pipeline's decision (ActiveSteps); handed one anyway, the
        // probe without a WritePermit only reads it back: nothing is written.
        #expect(before["arm-sector-2"]?.value == .bool(false))
        #expect(!bus.receivedRequests.contains { $0.function == 0x05 })
        let after = await probe.read([arm2, sector2], from: try endpoint(path, unit: 1), context: testContext(allowActive: true))
        #expect(after["arm-sector-2"]?.value == .bool(true))
        #expect(after["sector-2-armed"]?.value == .bool(true))
    }
}
