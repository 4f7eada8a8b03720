import CheckupCore
import CheckupTestKit
import Foundation
import PelcoProbe
import Testing

/// A hostile Pelco-D line (CheckupTestKit/Peers/hostile_pelco.py, a pty): every bad answer to
/// a pan query is an error or an absence that says what came, never a crash, never a wrapped
/// angle. docs/reliability.md counts these.
@Suite(.serialized)
struct HostileLineTests {
    func pan(_ mode: String) async throws -> Readings {
        let peer = try await HostilePeer.start(.pelco, mode)
        defer { peer.stop() }
        let probe = PTZDecoderProbe(lines: PelcoLines(linger: .milliseconds(50)))
        let endpoint = try PTZDecoderProbe.endpoint(parsing: "pelco-d://\(peer.address)?baud=9600&address=5")
        let readings = await probe.read([Point(id: "pan", address: PTZPointAddress(kind: .query(.pan))),
                                         Point(id: "tilt", address: PTZPointAddress(kind: .query(.tilt)))],
                                        from: endpoint, context: ProbeContext(timeout: .milliseconds(500), retries: 1))
        await probe.lines.closeIdle()
        return readings
    }

    @Test func theTracedCommandIsTheWire() async throws {
        let peer = try await HostilePeer.start(.pelco, "good")
        defer { peer.stop() }
        let probe = PTZDecoderProbe(lines: PelcoLines(linger: .milliseconds(50)))
        let step = Point(id: "step", address: PTZPointAddress(kind: .command(.goToPreset), preset: 3), active: true)
        let readings = await probe.read([Point(id: "pan", address: PTZPointAddress(kind: .query(.pan))), step],
                                        from: try PTZDecoderProbe.endpoint(parsing: "pelco-d://\(peer.address)?baud=9600&address=5"),
                                        context: ProbeContext(timeout: .milliseconds(500), retries: 1, allowActive: true))
        await probe.lines.closeIdle()
        let traced = try #require(readings.exchanges.first { $0.direction == .sent && $0.text.contains("go to preset 3") })
        #expect(traced.text.hasSuffix("FF 05 00 07 00 03 0F"), "\(traced.text)")
        for _ in 0..<100 where peer.requests.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(peer.requests.map { Exchange.hex($0) }.contains("FF 05 00 07 00 03 0F"), "\(peer.requests)")
    }

    @Test func theReferenceModeAnswersWell() async throws {
        let readings = try await pan("good")
        #expect(readings["pan"]?.value == .number(123.45))
    }

    @Test func aPanOutsideTheProtocolsRangeIsAnErrorNamingTheRawValue() async throws {
        let readings = try await pan("panrange")
        guard case .error(let why)? = readings["pan"]?.value else {
            Issue.record("got \(String(describing: readings["pan"]?.value))"); return
        }
        #expect(why.contains("65535") && why.contains("0–35999"), "\(why)")
        #expect(readings["tilt"]?.value == .number(3.5), "the next query is unaffected")
    }

    @Test(arguments: [("checksum", "checksum"), ("address", "reply from address 6, expected 5")])
    func aBadReplyIsAnErrorSayingWhy(mode: String, message: String) async throws {
        let readings = try await pan(mode)
        #expect(readings.unreachable == nil, "\(readings.unreachable ?? "")")
        guard case .error(let why)? = readings["pan"]?.value else {
            Issue.record("\(mode): got \(String(describing: readings["pan"]?.value))"); return
        }
        #expect(why.contains(message), "\(why)")
    }

    @Test(arguments: ["garbage", "partial", "oversized"])
    func bytesThatAreNoReplyAreNeverAValue(mode: String) async throws {
        let readings = try await pan(mode)
        let described = readings.unreachable ?? readings["pan"].map { $0.value.text } ?? "nothing"
        if readings.unreachable == nil {
            switch readings["pan"]?.value {
            case .error?, .absent?: break
            default: Issue.record("\(mode): bytes taken for a value: \(described)")
            }
        }
        // Whatever the verdict, the bytes that came are in the trace.
        #expect(readings.exchanges.contains { $0.direction == .received }, "\(mode): \(described)")
        #expect(!described.isEmpty)
    }
}
