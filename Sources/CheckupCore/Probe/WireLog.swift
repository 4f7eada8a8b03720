import Foundation

/// What a probe exchanged with a device, by address: the raw material of a capture.
///
/// Probes fill it as they read (every SNMP object with its type, every Modbus block, every
/// Pelco query and its reply), so `checkup capture` can record the device itself and
/// `profile test --replay` can serve it again to the real probe. Never holds a secret: SNMP
/// communities and passphrases are not objects, and the Scrubber passes over it anyway.
public struct WireLog: Sendable, Hashable, Codable {
    public var snmpObjects: [CapturedObject]
    public var modbusBlocks: [CapturedBlock]
    public var pelcoFrames: [CapturedFrame]

    public init(snmpObjects: [CapturedObject] = [], modbusBlocks: [CapturedBlock] = [], pelcoFrames: [CapturedFrame] = []) {
        self.snmpObjects = snmpObjects
        self.modbusBlocks = modbusBlocks
        self.pelcoFrames = pelcoFrames
    }

    public var isEmpty: Bool { snmpObjects.isEmpty && modbusBlocks.isEmpty && pelcoFrames.isEmpty }

    enum CodingKeys: String, CodingKey {
        case snmpObjects = "snmp_objects", modbusBlocks = "modbus_blocks", pelcoFrames = "pelco_frames"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        snmpObjects = try c.decodeIfPresent([CapturedObject].self, forKey: .snmpObjects) ?? []
        modbusBlocks = try c.decodeIfPresent([CapturedBlock].self, forKey: .modbusBlocks) ?? []
        pelcoFrames = try c.decodeIfPresent([CapturedFrame].self, forKey: .pelcoFrames) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !snmpObjects.isEmpty { try c.encode(snmpObjects, forKey: .snmpObjects) }
        if !modbusBlocks.isEmpty { try c.encode(modbusBlocks, forKey: .modbusBlocks) }
        if !pelcoFrames.isEmpty { try c.encode(pelcoFrames, forKey: .pelcoFrames) }
    }
}

/// One SNMP object as the agent answered it: `{"oid": "1.3.6.1.2.1.1.1.0", "type": "OctetString", "value": "…"}`.
///
/// Types use the SMI names (`Integer`, `OctetString`, `ObjectIdentifier`, `IpAddress`,
/// `Counter32`, `Gauge32`, `TimeTicks`, `Counter64`, `Opaque`, `Null`) or the exceptions
/// `noSuchObject` / `noSuchInstance`. An octet string that is not printable UTF-8 is written
/// as hex bytes with `"encoding": "hex"`.
public struct CapturedObject: Sendable, Hashable, Codable {
    public var oid: String
    public var type: String
    public var value: String?
    /// `hex` when `value` is space-separated hex bytes; absent for plain text and numbers.
    public var encoding: String?

    public init(oid: String, type: String, value: String? = nil, encoding: String? = nil) {
        self.oid = oid
        self.type = type
        self.value = value
        self.encoding = encoding
    }

    public static let types = ["Integer", "OctetString", "ObjectIdentifier", "IpAddress", "Counter32", "Gauge32",
                               "TimeTicks", "Counter64", "Opaque", "Null", "noSuchObject", "noSuchInstance"]

    /// True for the agent saying the object is not there.
    public var isException: Bool { type == "noSuchObject" || type == "noSuchInstance" }
}

/// One Modbus read as the unit answered it: the function, the first PDU address, how many
/// items, and either their values (bits as 0/1, registers as 0…65535) or the exception code.
public struct CapturedBlock: Sendable, Hashable, Codable {
    /// 1 coils, 2 discrete inputs, 3 holding registers, 4 input registers.
    public var function: Int
    public var start: Int
    public var count: Int
    public var values: [Int]?
    /// Modbus exception code (2 = illegal data address) when the unit refused the read.
    public var exception: Int?
    /// Anything else that went wrong (a timeout, a malformed reply), in words.
    public var error: String?

    public init(function: Int, start: Int, count: Int, values: [Int]? = nil, exception: Int? = nil, error: String? = nil) {
        self.function = function
        self.start = start
        self.count = count
        self.values = values
        self.exception = exception
        self.error = error
    }
}

/// One Pelco query frame and the reply frame the decoder sent (nil: it stayed silent), hex.
public struct CapturedFrame: Sendable, Hashable, Codable {
    public var query: String
    public var reply: String?
    public var elapsedMilliseconds: Double?

    public init(query: String, reply: String?, elapsedMilliseconds: Double? = nil) {
        self.query = query
        self.reply = reply
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case query, reply
        case elapsedMilliseconds = "elapsed_ms"
    }
}
