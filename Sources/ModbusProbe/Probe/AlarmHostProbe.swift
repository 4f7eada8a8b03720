package import CheckupCore
import Foundation

/// Reads intrusion-alarm panels (报警主机) and their gateways over Modbus TCP or RTU.
///
/// It reads what the profile's points name — panel fault bits, zone blocks, partition states —
/// merging contiguous runs into as few requests as the protocol allows, and times each
/// exchange. It never judges: the core's evaluator turns the readings into verdicts.
/// One transaction at a time per bus (an RS-485 line, a TCP gateway), every libmodbus call on
/// the blocking-I/O threads, and no write unless a point is active and `--allow-active` given.
package struct AlarmHostProbe: DeviceProbe, IdentifyingProbe {
    package typealias Address = ModbusAddress

    package static let protocolName = "modbus"
    package static let schemes = [ModbusEndpoints.tcp, ModbusEndpoints.rtu]
    package static let addressKeys = ModbusAddress.Key.allCases.map(\.rawValue)

    package init() {}

    package func read(_ points: [Point<ModbusAddress>], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        let connection: ModbusConnection
        do {
            connection = try ModbusConnection(endpoint: endpoint)
        } catch {
            return .unreachable(error.description)
        }
        // Which points run is the pipeline's decision (ActiveSteps); a write still needs its WritePermit.
        return await context.buses.withBus(Self.busKey(endpoint)) {
            await context.io.run { UnitReader(connection: connection, context: context).read(points) }
        }
    }

    package static func validate(_ address: ModbusAddress) -> String? { address.problem }

    package static func busKey(_ endpoint: Endpoint) -> String? { ModbusEndpoints.busKey(endpoint) }

    package static func profileSkeleton(vendor: String) -> String { ModbusProfileSkeleton.yaml(vendor: vendor) }

    /// Asks the unit who it is (0x2B/0x0E, regular level, then basic); nil when it cannot say.
    package func identify(_ endpoint: Endpoint, context: ProbeContext) async -> DeviceIdentity? {
        guard let connection = try? ModbusConnection(endpoint: endpoint) else { return nil }
        return await context.buses.withBus(Self.busKey(endpoint)) {
            await context.io.run { () -> DeviceIdentity? in
                guard let client = try? ModbusClient(connection, responseTimeout: context.timeoutSeconds) else { return nil }
                guard (try? client.connect()) != nil else { return nil }
                defer { client.close() }
                // Regular level first (adds model and product names); some servers answer it
                // with no objects or an exception, so fall back to the mandatory basic level.
                var objects = (try? client.readDeviceIdentification(level: 0x02)) ?? [:]
                if objects.isEmpty {
                    objects = (try? client.readDeviceIdentification(level: 0x01)) ?? [:]
                }
                return AlarmHostProbe.identity(from: objects)
            }
        }
    }

    /// Maps identification objects to the core's identity: vendor (0), model name (5) or product code (1),
    /// product name (4) and revision (2) as the description.
    package static func identity(from objects: [UInt8: String]) -> DeviceIdentity? {
        guard !objects.isEmpty else { return nil }
        let description = [objects[4], objects[2].map { "rev \($0)" }].compactMap { $0 }.joined(separator: " ")
        return DeviceIdentity(objectID: nil, description: description.isEmpty ? nil : description,
                              model: objects[5] ?? objects[1], vendor: objects[0])
    }
}
