import CheckupCore
import Foundation

/// A capture's SNMP objects as snmpd can serve them (`TYPE:VALUE` of `SNMPAgentValue`).
///
/// snmpd's `override` and `pass` have no Counter64: a Counter64 up to 2³²−1 is served as a
/// Counter32 (the probe reads the same number), a larger one is left out and said so in
/// `notes`. Opaque is served as an octet string. sysDescr and sysObjectID go to snmpd's own
/// directives. The exceptions (noSuchObject, noSuchInstance) are simply not served.
struct SNMPCapturedObjects {
    static let sysDescrOID = "1.3.6.1.2.1.1.1.0"
    static let sysObjectIDOID = "1.3.6.1.2.1.1.2.0"

    var served: [String: String] = [:]
    var sysDescr: String?
    var sysObjectID: String?
    var notes: [String] = []

    init(_ objects: [CapturedObject], identity: DeviceIdentity?) {
        sysDescr = identity?.description
        sysObjectID = identity?.objectID
        for object in objects where !object.isException {
            let oid = object.oid.hasPrefix(".") ? String(object.oid.dropFirst()) : object.oid
            let value = object.value ?? ""
            if oid == Self.sysDescrOID, object.encoding == nil { sysDescr = value; continue }
            if oid == Self.sysObjectIDOID { sysObjectID = value; continue }
            switch object.type {
            case "Integer": served[oid] = "integer:\(value)"
            case "Gauge32": served[oid] = "gauge:\(value)"
            case "Counter32": served[oid] = "counter:\(value)"
            case "Counter64":
                if let n = UInt64(value), n <= UInt64(UInt32.max) {
                    served[oid] = "counter:\(value)"
                    notes.append("\(oid): Counter64 served as Counter32 (snmpd cannot serve Counter64)")
                } else {
                    notes.append("\(oid): Counter64 \(value) left out (snmpd cannot serve Counter64; snmpsim can)")
                }
            case "TimeTicks": served[oid] = "timeticks:\(value)"
            case "IpAddress": served[oid] = "ipaddress:\(value)"
            case "ObjectIdentifier": served[oid] = "oid:\(value)"
            case "Opaque": served[oid] = "hex:\(value)"
            case "OctetString":
                served[oid] = object.encoding == "hex" || !Self.fitsOverride(value) ? "hex:\(Self.hex(object))" : "string:\(value)"
            default:
                notes.append("\(oid): type \(object.type) not served")
            }
        }
    }

    /// `override … octet_str "…"` takes printable ASCII without quotes or backslashes.
    static func fitsOverride(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }
    }

    static func hex(_ object: CapturedObject) -> String {
        if object.encoding == "hex" { return object.value ?? "" }
        return (object.value ?? "").utf8.map { String(format: "%02X", $0) }.joined(separator: " ")
    }
}
