import CNetSNMP

/// Reads one `netsnmp_variable_list` entry into Swift values, copying every byte out of the
/// response PDU (which is freed right after).
enum SNMPVarBindDecoder {
    static func decode(_ variable: UnsafeMutablePointer<netsnmp_variable_list>) -> SNMPVarBind {
        let v = variable.pointee
        var arcs: [UInt] = []
        if let name = v.name {
            arcs = (0..<v.name_length).map { UInt(name[$0]) }
        }
        let oid = SNMPObjectID(arcs)
        return SNMPVarBind(oid, value(v))
    }

    private static func value(_ v: netsnmp_variable_list) -> SNMPValue {
        let type = Int32(v.type)
        func bytes() -> [UInt8] {
            guard let p = v.val.string, v.val_len > 0 else { return [] }
            return Array(UnsafeBufferPointer(start: p, count: v.val_len))
        }
        /// A 32-bit unsigned type (Counter32, Gauge32, TimeTicks): net-snmp hands it over in a
        /// C `long`, so a hostile encoding can carry more; that is refused, not wrapped.
        func unsigned(_ name: String) -> SNMPValue {
            let raw = Int64(v.val.integer?.pointee ?? 0)
            guard (0...Int64(UInt32.max)).contains(raw) else {
                return .unusable("\(name) \(raw) is outside 0…4294967295, what the type can carry")
            }
            let value = UInt64(raw)
            switch type {
            case 0x41: return .counter32(value)
            case 0x43: return .timeTicks(value)
            default: return .gauge(value)
            }
        }
        switch type {
        case 0x02:                                                                  // INTEGER (Integer32)
            let raw = Int64(v.val.integer?.pointee ?? 0)
            guard (Int64(Int32.min)...Int64(Int32.max)).contains(raw) else {
                return .unusable("INTEGER \(raw) is outside −2147483648…2147483647, what Integer32 can carry")
            }
            return .integer(raw)
        case 0x04: return .octets(bytes())                                          // OCTET STRING
        case 0x05: return .null
        case 0x06:                                                                  // OBJECT IDENTIFIER
            guard let p = v.val.objid else { return .objectID(SNMPObjectID([])) }
            let count = v.val_len / MemoryLayout<CNetSNMP.oid>.size
            return .objectID(SNMPObjectID((0..<count).map { UInt(p[$0]) }))
        case 0x40: return .ipAddress(bytes())                                       // IpAddress
        case 0x41: return unsigned("Counter32")
        case 0x42: return unsigned("Gauge32")                                       // Gauge32 / Unsigned32
        case 0x43: return unsigned("TimeTicks")
        case 0x44: return .opaque(bytes())                                          // Opaque
        case 0x46:                                                                  // Counter64
            guard let c = v.val.counter64 else { return .counter64(0) }
            return .counter64(UInt64(c.pointee.high & 0xFFFF_FFFF) << 32 | UInt64(c.pointee.low & 0xFFFF_FFFF))
        case CNetSNMP_NOSUCHOBJECT(): return .noSuchObject
        case CNetSNMP_NOSUCHINSTANCE(): return .noSuchInstance
        case CNetSNMP_ENDOFMIBVIEW(): return .endOfMibView
        default: return .opaque(bytes())
        }
    }
}
