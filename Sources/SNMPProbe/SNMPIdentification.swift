import CheckupCore

/// What `identify` asks a device, and how the answers become a `DeviceIdentity`.
enum SNMPIdentification {
    static let hikvisionCameraModel: SNMPObjectID = "1.3.6.1.4.1.39165.1.1.0"
    static let dahuaDeviceType: SNMPObjectID = "1.3.6.1.4.1.1004849.2.1.2.6.0"

    static let objects: [SNMPObjectID] = [MIB2.sysObjectID, MIB2.sysDescr, hikvisionCameraModel, dahuaDeviceType]

    /// Enterprise numbers (1.3.6.1.4.1.N) of the vendors we have profiles for.
    static let vendors: [UInt: String] = [39165: "Hikvision", 50001: "Hikvision", 1004849: "Dahua", 368: "Axis"]

    static func identity(from binds: [SNMPVarBind]) -> DeviceIdentity? {
        var identity = DeviceIdentity()
        for bind in binds {
            switch (bind.oid, bind.value) {
            case (MIB2.sysObjectID, .objectID(let o)):
                identity.objectID = o.description
                if o.arcs.count > 6, o.arcs.starts(with: [1, 3, 6, 1, 4, 1]) { identity.vendor = vendors[o.arcs[6]] }
            case (MIB2.sysDescr, .octets(let b)):
                identity.description = SNMPValue.printableText(b)
            case (hikvisionCameraModel, .octets(let b)):
                if let model = SNMPValue.printableText(b), !model.isEmpty {
                    identity.model = model
                    identity.vendor = identity.vendor ?? "Hikvision"
                }
            case (dahuaDeviceType, .octets(let b)):
                if let model = SNMPValue.printableText(b), !model.isEmpty {
                    identity.model = model
                    identity.vendor = identity.vendor ?? "Dahua"
                }
            default: break
            }
        }
        if identity.objectID == nil && identity.description == nil && identity.model == nil { return nil }
        return identity
    }
}
