import CheckupTestKit
import CheckupCore
import Foundation
import ModbusProbe
import Testing

/// Malformed Modbus TCP replies (Peers/odd_peer.py): an error reading naming the request, never a
/// crash, and a late reply to an earlier transaction skipped rather than taken for the answer.
@Suite(.serialized)
struct OddRepliesTests {
    let probe = AlarmHostProbe()
    let points = [Point(id: "bits", address: ModbusAddress.scalar(.discreteInput, 0x0100)),
                  Point(id: "next", address: ModbusAddress.scalar(.discreteInput, 0x0101))]

    func read(_ mode: String) async throws -> Readings {
        let peer = try await OddPeer.start(mode)
        defer { peer.stop() }
        return await probe.read(points, from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(peer.port)?unit=1"),
                                context: testContext())
    }

    @Test func lateReplyToAnEarlierTransactionIsSkipped() async throws {
        let readings = try await read("stale")
        #expect(readings["bits"]?.value == .bool(true))
        #expect(readings["next"]?.value == .bool(false))
        #expect(readings.exchanges.contains { $0.direction == .note && $0.text.contains("skipped a reply to transaction") })
    }

    @Test(arguments: [("short", "data bytes, expected 1"), ("protocol", "protocol id"), ("function", "reply to function 03")])
    func malformedRepliesAreErrors(mode: String, message: String) async throws {
        let readings = try await read(mode)
        #expect(readings.unreachable == nil)
        guard case .error(let why)? = readings["bits"]?.value else {
            Issue.record("\(mode): expected an error, got \(String(describing: readings["bits"]?.value))")
            return
        }
        #expect(why.contains(message), "\(why)")
        #expect(why.contains("FC02 0x0100 ×2"))
    }

    @Test func connectionClosedBeforeAnyReplyIsUnreachable() async throws {
        let readings = try await read("close")
        #expect(readings.unreachable?.contains("closed") == true, "\(readings.unreachable ?? "nil")")
    }
}

/// Runs Peers/odd_peer.py in one mode.
final class OddPeer: @unchecked Sendable {
    let port: Int
    private let process: Process

    static func start(_ mode: String) async throws -> OddPeer {
        try await BlockingIO.shared.run { try OddPeer(mode) }
    }

    private init(_ mode: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Peers/odd_peer.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, mode]
        let out = Pipe()
        process.standardOutput = out
        do { try process.run() } catch { throw PeerError("cannot run python3 (\(error)): install Python 3") }
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("READY "), let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw PeerError("odd_peer.py did not start: \(line)")
        }
        self.port = port
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            for _ in 0..<200 where process.isRunning { usleep(10_000) }
        }
    }

    deinit { stop() }
}
