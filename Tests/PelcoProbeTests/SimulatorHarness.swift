import CheckupCore
import DeviceSimulators
import Foundation
import PelcoProbe

/// Starts a simulator on a fresh pty and gives the endpoint URL of each decoder on it.
/// Reply timeout 1 s: generous, so a loaded CI machine never turns a slow reply into a dead decoder.
struct SimulatorHarness {
    let simulator: PTZDecoderSimulator
    let path: String
    let probe: PTZDecoderProbe

    init(_ dialect: PTZDecoderSimulator.Dialect = .d, baud: Int = 2400, decoders: [SimulatedDecoder]) throws {
        simulator = PTZDecoderSimulator(protocol: dialect, baud: baud, decoders: decoders)
        path = try simulator.start()
        probe = PTZDecoderProbe(lines: PelcoLines(linger: .milliseconds(50)))
    }

    func endpoint(_ address: Int, scheme: String = "pelco-d") throws -> Endpoint {
        let baud = simulator.settings.baud
        return try PTZDecoderProbe.endpoint(parsing: "\(scheme)://\(path)?baud=\(baud)&address=\(address)")
    }

    func read(_ address: Int, _ points: [Point<PTZPointAddress>], allowActive: Bool = false,
              timeout: Duration = .seconds(1), scheme: String = "pelco-d") async throws -> Readings {
        let context = ProbeContext(timeout: timeout, retries: 1, allowActive: allowActive)
        return await probe.read(points, from: try endpoint(address, scheme: scheme), context: context)
    }

    func stop() async {
        await probe.lines.closeIdle()
        simulator.stop()
    }

    static func query(_ id: String, _ q: PTZPointAddress.Query) -> Point<PTZPointAddress> {
        Point(id: id, address: PTZPointAddress(kind: .query(q)))
    }

    static let positionPoints = [query("pan", .pan), query("tilt", .tilt), query("zoom", .zoom), query("reply-time", .replyTime)]
}
