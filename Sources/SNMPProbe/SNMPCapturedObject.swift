import CheckupCore

extension SNMPVarBind {
    /// This binding as a capture records it: the OID, the SMI type name and the value as text.
    /// endOfMibView is the end of a walk, not an object: nil.
    var captured: CapturedObject? {
        let text = self.oid.description
        let oid = text.hasPrefix(".") ? String(text.dropFirst()) : text
        switch value {
        case .integer(let v): return CapturedObject(oid: oid, type: "Integer", value: String(v))
        case .gauge(let v): return CapturedObject(oid: oid, type: "Gauge32", value: String(v))
        case .counter32(let v): return CapturedObject(oid: oid, type: "Counter32", value: String(v))
        case .counter64(let v): return CapturedObject(oid: oid, type: "Counter64", value: String(v))
        case .timeTicks(let v): return CapturedObject(oid: oid, type: "TimeTicks", value: String(v))
        case .octets(let bytes):
            if let text = SNMPValue.printableText(bytes), text.utf8.count == bytes.count {
                return CapturedObject(oid: oid, type: "OctetString", value: text)
            }
            return CapturedObject(oid: oid, type: "OctetString", value: bytes.map(hexByte).joined(separator: " "), encoding: "hex")
        case .objectID(let o):
            let text = o.description
            return CapturedObject(oid: oid, type: "ObjectIdentifier", value: text.hasPrefix(".") ? String(text.dropFirst()) : text)
        case .ipAddress(let b): return CapturedObject(oid: oid, type: "IpAddress", value: b.map(String.init).joined(separator: "."))
        case .opaque(let b): return CapturedObject(oid: oid, type: "Opaque", value: b.map(hexByte).joined(separator: " "), encoding: "hex")
        case .null: return CapturedObject(oid: oid, type: "Null")
        case .noSuchObject: return CapturedObject(oid: oid, type: "noSuchObject")
        case .noSuchInstance: return CapturedObject(oid: oid, type: "noSuchInstance")
        case .endOfMibView, .unusable: return nil
        }
    }
}
