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
        func unsigned() -> UInt64 {
            guard let p = v.val.integer else { return 0 }
            return UInt64(UInt32(truncatingIfNeeded: p.pointee))
        }
        switch type {
        case 0x02: return .integer(Int64(v.val.integer?.pointee ?? 0))               // INTEGER
        case 0x04: return .octets(bytes())                                          // OCTET STRING
        case 0x05: return .null
        case 0x06:                                                                  // OBJECT IDENTIFIER
            guard let p = v.val.objid else { return .objectID(SNMPObjectID([])) }
            let count = v.val_len / MemoryLayout<CNetSNMP.oid>.size
            return .objectID(SNMPObjectID((0..<count).map { UInt(p[$0]) }))
        case 0x40: return .ipAddress(bytes())                                       // IpAddress
        case 0x41: return .counter32(unsigned())                                    // Counter32
        case 0x42: return .gauge(unsigned())                                        // Gauge32 / Unsigned32
        case 0x43: return .timeTicks(unsigned())                                    // TimeTicks
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
