import CheckupCore
import CheckupTestKit
import Foundation
import ModbusProbe
import Testing

/// A hostile Modbus TCP server (CheckupTestKit/Peers/hostile_modbus.py): each bad reply is an
/// error reading that names what was wrong, within the timeout, and is not retried when
/// retrying cannot help. docs/reliability.md counts these.
@Suite(.serialized)
struct HostileServerTests {
    let probe = AlarmHostProbe()
    let points = [Point(id: "bits", address: ModbusAddress.scalar(.discreteInput, 0x0100)),
                  Point(id: "next", address: ModbusAddress.scalar(.discreteInput, 0x0101))]

    func read(_ mode: String, _ arguments: [String] = [], timeout: Duration = .milliseconds(300),
              allowActive: Bool = false) async throws -> Readings {
        let peer = try await HostilePeer.start(.modbus, mode, arguments)
        defer { peer.stop() }
        return await probe.read(points, from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(peer.port)?unit=1"),
                                context: ProbeContext(timeout: timeout, retries: 1, allowActive: allowActive))
    }

    func error(_ readings: Readings, _ mode: String) -> String? {
        guard case .error(let why)? = readings["bits"]?.value else {
            Issue.record("\(mode): expected an error, got \(String(describing: readings["bits"]?.value)) / \(readings.unreachable ?? "")")
            return nil
        }
        return why
    }

    @Test func aTricklingReplyIsCutAtTheTimeout() async throws {
        // 50 bytes at 0.2 s each is 10 s of trickle; the timeout is 1 s, and each byte comes
        // well within the byte timeout, which alone would have waited for all of them.
        let readings = try await read("trickle", ["0.2"], timeout: .seconds(1))
        guard let why = error(readings, "trickle") else { return }
        #expect(why.contains("incomplete reply"), "\(why)")
        let got = try #require(why.split(separator: " ").drop { $0 != "only" }.dropFirst().first.flatMap { Int($0) })
        #expect(got < 50, "the reply was read whole: \(why)")
        #expect(readings.exchanges.filter { $0.direction == .sent }.count == 1, "an incomplete reply is not retried")
    }

    @Test func trailingGarbageIsAMalformedReplyNotATimeout() async throws {
        let readings = try await read("garbage")
        guard let why = error(readings, "garbage") else { return }
        #expect(why.contains("malformed reply: 6 bytes of garbage after the frame"), "\(why)")
        #expect(readings.exchanges.contains { $0.text.contains("DE AD BE EF 01 02") }, "the bytes are in the trace")
        #expect(readings.exchanges.filter { $0.direction == .sent }.count == 1, "a malformed reply is not retried")
    }

    @Test(arguments: [("oversized", "announces 65535 bytes"), ("noise", "malformed reply"),
                      ("wrongunit", "reply from unit 99, expected unit 1")])
    func badFramesAreNamed(mode: String, message: String) async throws {
        let readings = try await read(mode)
        #expect(readings.unreachable == nil)
        guard let why = error(readings, mode) else { return }
        #expect(why.contains(message), "\(why)")
        #expect(why.contains("FC02 0x0100 ×2"))
    }

    @Test func aTruncatedReplyIsIncomplete() async throws {
        let readings = try await read("truncated")
        guard let why = error(readings, "truncated") else { return }
        #expect(why.contains("incomplete reply: only 5 bytes within"), "\(why)")
    }

    @Test func onlyRepliesToOtherTransactionsIsNoReply() async throws {
        let readings = try await read("wrongtid")
        #expect(readings.exchanges.contains { $0.text.contains("skipped a reply to transaction") })
        #expect(readings.unreachable?.contains("no reply") == true, "\(readings.unreachable ?? "nil")")
    }
}

/// The `--trace` hex of an active step's write is the PDU that reached the peer.
@Suite(.serialized)
struct WriteTraceTests {
    @Test(arguments: [(ModbusTable.coil, 1, "05 30 01 FF 00"), (ModbusTable.holding, 0x1234, "06 00 10 12 34")])
    func theTracedWriteIsTheWire(table: ModbusTable, value: Int, pdu: String) async throws {
        let peer = try await HostilePeer.start(.modbus, "good")
        defer { peer.stop() }
        let address = table == .coil ? 0x3001 : 0x0010
        let write = Point(id: "step", address: ModbusAddress(ModbusField(table: table, address: address), write: value), active: true)
        let readings = await AlarmHostProbe().read([write], from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(peer.port)?unit=1"),
                                                   context: ProbeContext(timeout: .milliseconds(500), retries: 0, allowActive: true))
        let traced = try #require(readings.exchanges.first { $0.direction == .sent && $0.text.contains("active point step") })
        #expect(traced.text.hasSuffix("[\(pdu)]"), "\(traced.text)")
        // The peer logs the ADU: the 7-byte MBAP header, then the PDU.
        for _ in 0..<100 where peer.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        let wire = try #require(peer.requests.first)
        #expect(Exchange.hex(wire.dropFirst(7)) == pdu)
    }
}
