package import CheckupCore
import Foundation
import ModbusProbe

/// A capture served again as a live device through the real protocol path: its SNMP objects
/// by snmpd, its Modbus blocks by `AlarmHostSimulator(image:)` over TCP, its Pelco-D replies
/// by the pty decoder simulator. Probing `endpoint` with a profile reads exactly what the
/// device answered, at the addresses the profile names; any other address is not there.
///
/// ```swift
/// let device = try await CapturedDevice.serve(capture)
/// // probe device.endpoint with the profile …
/// await device.stopServing()
/// ```
package final class CapturedDevice: @unchecked Sendable {
    /// The URL to probe (loopback, or the decoder simulator's pty).
    package let endpoint: String
    /// What the replay serves differently from the device (e.g. Counter64 through snmpd).
    package let notes: [String]
    private let stopServing: @Sendable () -> Void
    private let stopped = Locked(false)

    private init(endpoint: String, notes: [String], stop: @escaping @Sendable () -> Void) {
        self.endpoint = endpoint
        self.notes = notes
        stopServing = stop
    }

    deinit { stop() }

    /// Stops the server from async code: the wait for its thread runs on `BlockingIO`.
    package func stopServing() async {
        await BlockingIO.shared.run { self.stop() }
    }

    /// Stops the server and waits for its thread. Idempotent.
    package func stop() {
        guard stopped.withLock({ let was = $0; $0 = true; return !was }) else { return }
        stopServing()
    }

    /// Starts the server the capture's protocol needs. An unreachable capture has nothing to serve.
    package static func serve(_ capture: Capture) async throws -> CapturedDevice {
        guard capture.unreachable == nil else {
            throw SimulatorError("the capture holds an unreachable device (\(capture.unreachable ?? "")): nothing to serve")
        }
        let original = try Endpoint(splitting: capture.endpoint)
        switch capture.protocolName {
        case "snmp": return try await serveSNMP(capture)
        case "modbus": return try await BlockingIO.shared.run { try serveModbus(capture, unit: original.int("unit") ?? 1) }
        case "pelco": return try await BlockingIO.shared.run { try servePelco(capture, original: original) }
        default: throw SimulatorError("cannot replay protocol '\(capture.protocolName)' (snmp, modbus, pelco)")
        }
    }

    private static func serveSNMP(_ capture: Capture) async throws -> CapturedDevice {
        let objects = SNMPCapturedObjects(capture.wire.snmpObjects, identity: capture.identity)
        var dataset = try SNMPDataset(yaml: "profile: replay\n", source: "capture")
        dataset.profile = capture.profile
        dataset.objects = objects.served
        dataset.sysDescr = objects.sysDescr
        dataset.sysObjectID = objects.sysObjectID
        let agent = try await SNMPAgentFixture.start(dataset: dataset)
        return CapturedDevice(endpoint: agent.snmpURL + "?version=2c", notes: objects.notes) { agent.stop() }
    }

    private static func serveModbus(_ capture: Capture, unit: Int) throws -> CapturedDevice {
        let image = try ModbusRegisterImage(blocks: capture.wire.modbusBlocks, identity: capture.identity)
        let simulator = AlarmHostSimulator(image: image, unit: unit)
        let port = try simulator.start(tcpPort: 0)
        return CapturedDevice(endpoint: "modbus-tcp://127.0.0.1:\(port)?unit=\(unit)", notes: []) { simulator.stop() }
    }

    private static func servePelco(_ capture: Capture, original: Endpoint) throws -> CapturedDevice {
        let baud = original.int("baud") ?? (original.scheme == "pelco-p" ? 4800 : 2400)
        var replies: [[UInt8]: [UInt8]] = [:]
        for frame in capture.wire.pelcoFrames {
            guard let query = HexText.bytes(frame.query) else { throw SimulatorError("Pelco frame '\(frame.query)' is not hex bytes") }
            guard let reply = frame.reply else { continue }
            guard let bytes = HexText.bytes(reply) else { throw SimulatorError("Pelco reply '\(reply)' is not hex bytes") }
            replies[query] = bytes
        }
        let simulator = PTZDecoderSimulator(protocol: original.scheme == "pelco-p" ? .p : .d, baud: baud, replies: replies)
        let path = try simulator.start()
        let address = original.int("address") ?? 1
        return CapturedDevice(endpoint: "\(original.scheme)://\(path)?baud=\(baud)&address=\(address)", notes: []) { simulator.stop() }
    }
}

/// Space-separated hex bytes (`FF 01 00 51`), as captures write frames.
package enum HexText: Sendable {
    package static func bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(whereSeparator: \.isWhitespace)
        let bytes = parts.compactMap { $0.count == 2 ? UInt8($0, radix: 16) : nil }
        return bytes.count == parts.count ? bytes : nil
    }
}
