package import CheckupCore
package import DeviceSimulators
import Foundation
import ModbusProbe
import PelcoProbe
import Yams

/// A Modbus or Pelco profile's recorded device (`device-profiles/<kind>/fixtures/<id>.yaml`,
/// `cases:`), served through the real protocol path and read by the real probe: a register
/// image by `AlarmHostSimulator(image:)` over TCP, a reply table or a simulated head by the pty
/// `PTZDecoderSimulator`. So the profile's addresses are tested, not only its checks. SNMP
/// fixtures are served by snmpd instead (SNMPDataset). Format: device-profiles/README.md.
///
/// ```yaml
/// profile: elmo-modbus
/// scheme: pelco-d                            # Pelco files: the line (pelco-d 2400, pelco-p 4800)
/// baud: 2400
/// cases:
///   - name: mains fault, zone 5 in alarm
///     image:                                 # Modbus: table → address → item(s)
///       discrete-input:
///         0x0100: [1, 0, 0, 0, 0, 0, 0, 0]   # a list: consecutive items from the address
///         0x1001: {count: 256, set: {0x1005: 1}}   # a run: N items of `value` (0), some set
///         0x0008: {text: GW-1, count: 8}     # ASCII, two characters per register
///   - name: every read refused
///     exception: 4                           # Modbus exception to every read
///     expect: {mains: fail, zones-alarm: fail}
///     offending: {zones-alarm: [zone 5]}     # optional
///   - name: decoder at pan 123.45°
///     address: 5                             # Pelco: the decoder address (default 1)
///     replies:                               # query frame → reply bytes, as on the wire
///       "FF 05 00 51 00 00 56": "FF 05 00 59 30 39 C7"
///   - name: a moving head, for the active steps
///     allow-active: true
///     decoder: {address: 5, pan: 123.45, tilt: 12.5, zoom: 1000, presets: {1: {pan: 90, tilt: 10}}}
///   - name: dead unit
///     unreachable: "nothing answers"        # a closed port, a silent line
/// ```
package struct RecordedCase: Sendable {
    /// What serves the case.
    package enum Device: Sendable {
        case modbusImage(ModbusRegisterImage, unit: Int)
        case pelcoReplies([[UInt8]: [UInt8]], address: Int)
        case pelcoDecoder(SimulatedDecoder)
        case unreachable(String)
    }

    package var name: String
    package var allowActive: Bool
    package var device: Device
    /// Decoder think time before each reply (a slow decoder).
    package var turnaround: Duration
    package var expect: [String: CheckStatus]
    /// Check id → text its observed value or evidence must contain.
    package var mentions: [String: String]
    package var offending: [String: [String]]
    /// The line a Pelco case is served on: the file's `scheme:` (pelco-d, pelco-p) and `baud:`.
    package var scheme: String
    package var baud: Int

    /// The cases of the fixture at `path`, which must name `profile`.
    package static func load(path: String, profile: String) throws -> [RecordedCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let top = try Yams.load(yaml: text) as? [String: Any] else { throw PeerError("\(path): not a mapping") }
        guard top["profile"] as? String == profile else { throw PeerError("\(path): fixture of another profile") }
        guard let cases = top["cases"] as? [[String: Any]] else { throw PeerError("\(path): no cases") }
        let scheme = top["scheme"] as? String ?? "pelco-d"
        let baud = top["baud"] as? Int ?? (scheme == "pelco-p" ? 4800 : 2400)
        return try cases.map { c in
            let name = c["name"] as? String ?? "?"
            let at = "\(path) / \(name)"
            var expect: [String: CheckStatus] = [:], mentions: [String: String] = [:]
            for (check, raw) in (c["expect"] as? [String: Any]) ?? [:] {
                let spec = raw as? [String: Any]
                let text = spec?["status"] as? String ?? "\(raw)"
                guard let status = CheckStatus(rawValue: text) else { throw PeerError("\(at): unknown status \(text) for \(check)") }
                expect[check] = status
                if let m = spec?["mentions"] { mentions[check] = "\(m)" }
            }
            return RecordedCase(name: name, allowActive: c["allow-active"] as? Bool ?? false, device: try device(c, at: at),
                                turnaround: .milliseconds(c["turnaround-ms"] as? Int ?? 0), expect: expect, mentions: mentions,
                                offending: (c["offending"] as? [String: [String]]) ?? [:], scheme: scheme, baud: baud)
        }
    }

    static func device(_ c: [String: Any], at: String) throws -> Device {
        if let why = c["unreachable"] { return .unreachable("\(why)") }
        if let code = c["exception"] as? Int {
            let everything = ModbusTable.allCases.map { ModbusRegisterImage.Refusal(span: ModbusSpan(table: $0, address: 0, count: 0x10000),
                                                                                     exception: UInt8(truncatingIfNeeded: code)) }
            return .modbusImage(ModbusRegisterImage(refusals: everything), unit: c["unit"] as? Int ?? 1)
        }
        if let image = c["image"] {
            guard let tables = image as? [String: Any] else { throw PeerError("\(at): image must map tables to addresses") }
            return .modbusImage(try FixtureImage.parse(tables, identification: c["identification"], at: at), unit: c["unit"] as? Int ?? 1)
        }
        if let replies = c["replies"] {
            guard let table = replies as? [String: Any] else { throw PeerError("\(at): replies must map query frames to reply bytes") }
            var parsed: [[UInt8]: [UInt8]] = [:]
            for (query, reply) in table {
                guard let q = HexText.bytes(query), let r = HexText.bytes("\(reply)") else {
                    throw PeerError("\(at): replies: '\(query)': '\(reply)' are not hex bytes like \"FF 01 00 51 00 00 52\"")
                }
                parsed[q] = r
            }
            return .pelcoReplies(parsed, address: c["address"] as? Int ?? 1)
        }
        if let spec = c["decoder"] as? [String: Any] { return .pelcoDecoder(try FixtureDecoder.parse(spec, at: at)) }
        throw PeerError("\(at): a case needs image (Modbus), replies or decoder (Pelco), or unreachable")
    }

    /// Serves the case, reads it with the real `probe`, and judges the readings with `profile`.
    package func replay(_ profile: Profile, probe: AnyProbe) async throws -> [CheckResult] {
        let context = ProbeContext(timeout: .seconds(1), retries: 0, allowActive: allowActive)
        let points = ActiveSteps(allowed: allowActive).points(of: profile)
        let readings: Readings
        switch device {
        case .modbusImage(let image, let unit):
            let panel = AlarmHostSimulator(image: image, unit: unit)
            let port = try await BlockingIO.shared.run { try panel.start(tcpPort: 0) }
            readings = await probe.read(points, from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=\(unit)"), context: context)
            await BlockingIO.shared.run { panel.stop() }
        case .unreachable where profile.protocolName == "modbus":
            let port = try FreePort.tcp()
            readings = await probe.read(points, from: try AlarmHostProbe.endpoint(parsing: "modbus-tcp://127.0.0.1:\(port)?unit=1"), context: context)
        case .unreachable:
            readings = try await onLine(PTZDecoderSimulator(protocol: scheme == "pelco-p" ? .p : .d, baud: baud, replies: [:]),
                                        address: 1, points: points, probe: probe, scheme: scheme, baud: baud, context: context)
        case .pelcoReplies(let replies, let address):
            readings = try await onLine(PTZDecoderSimulator(protocol: scheme == "pelco-p" ? .p : .d, baud: baud, replies: replies, turnaround: turnaround),
                                        address: address, points: points, probe: probe, scheme: scheme, baud: baud, context: context)
        case .pelcoDecoder(let decoder):
            readings = try await onLine(PTZDecoderSimulator(protocol: scheme == "pelco-p" ? .p : .d, baud: baud, decoders: [decoder], turnaround: turnaround),
                                        address: Int(decoder.address), points: points, probe: probe, scheme: scheme, baud: baud, context: context)
        }
        return Evaluator(allowActive: allowActive).evaluate(profile, readings: readings, device: name)
    }

    private func onLine(_ line: PTZDecoderSimulator, address: Int, points: [PointSpec], probe: AnyProbe, scheme: String, baud: Int,
                        context: ProbeContext) async throws -> Readings {
        // Starting and stopping wait on the simulator's thread: off the cooperative pool.
        let path = try await BlockingIO.shared.run { try line.start() }
        let readings = await probe.read(points, from: try PTZDecoderProbe.endpoint(parsing: "\(scheme)://\(path)?baud=\(baud)&address=\(address)"), context: context)
        await BlockingIO.shared.run { line.stop() }
        return readings
    }
}
