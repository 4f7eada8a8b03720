package import CheckupCore
import Foundation

/// Reads cameras, recorders and UPSes over SNMP (`snmp://`, `snmpv3://`).
///
/// All of a device's net-snmp work (session open, GETs, table walks) runs as one job on
/// `context.io`, so hundreds of devices can be in flight without touching the cooperative pool.
/// A device that does not answer, or rejects our v3 credentials, is `Readings.unreachable`
/// with the reason; an object it does not have is an `.absent` reading naming the OID.
package struct SNMPProbe: IdentifyingProbe {
    package typealias Address = SNMPAddress
    package static let protocolName = "snmp"
    package static let schemes = [SNMPEndpoints.v1v2c, SNMPEndpoints.v3]
    package static let addressKeys = SNMPAddress.ownKeys

    package init() {}

    /// Starts net-snmp's process-wide state (`init_snmp`, with `MIBS` emptied). `init_snmp` and
    /// `setenv` are not thread-safe: call this once at the top of `main`, before any task or
    /// thread runs. Idempotent. Reads and identification still start it lazily when nobody
    /// did (tests), which is safe only while nothing else touches the environment.
    package static func startLibrary() { SNMPLibrary.start() }

    package func read(_ points: [Point<SNMPAddress>], from endpoint: Endpoint, context: ProbeContext) async -> Readings {
        let configuration: SNMPSessionConfiguration
        do {
            configuration = try SNMPEndpointConfiguration.make(endpoint, context: context)
        } catch {
            return .unreachable(error.description)
        }
        SNMPLibrary.start()
        // Not scrubbed here: the pipeline's exit and every writer do it (docs/design.md).
        return await context.io.run {
            SNMPPointReader(configuration: configuration, context: context).read(points)
        }
    }

    /// sysObjectID and sysDescr, plus the model where a vendor MIB gives one (HIK-DEVICE-MIB
    /// deviceType, DAHUA-SNMP-MIB deviceType). Nil when the device does not answer.
    package func identify(_ endpoint: Endpoint, context: ProbeContext) async -> DeviceIdentity? {
        guard let configuration = try? SNMPEndpointConfiguration.make(endpoint, context: context) else { return nil }
        SNMPLibrary.start()
        return await context.io.run { () -> DeviceIdentity? in
            guard let session = try? SNMPSession(configuration),
                  let binds = try? session.get(SNMPIdentification.objects) else { return nil }
            return SNMPIdentification.identity(from: binds)
        }
    }

    package static func profileSkeleton(vendor: String) -> String { SNMPProfileSkeleton.yaml(vendor: vendor) }

    package static func validate(_ address: SNMPAddress) -> String? {
        if case .table(let entry, let columns) = address.target {
            let numbers = columns.map(\.number)
            if Set(numbers).count != numbers.count { return "table \(entry): two columns share a number" }
            if numbers.contains(0) { return "table \(entry): column numbers start at 1" }
        }
        return nil
    }
}
