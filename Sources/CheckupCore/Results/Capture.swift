package import Foundation

/// A recorded device, by address: every SNMP object, Modbus block or Pelco frame a profile's
/// read exchanged with it, at one moment (`checkup capture`). `checkup profile test --replay`
/// serves it again through the real protocol path and probes it live, so a wrong OID or
/// register fails replay as it fails on the device. Format: docs/capture-format.md.
package struct Capture: Sendable, Codable {
    package static let format = "checkup.capture"
    /// 2: exchanges by address. 1 (readings by point name, no `format` key) is refused.
    package static let formatVersion = 2

    package var profile: String
    /// The profile's protocol: `snmp`, `modbus` or `pelco`.
    package var protocolName: String
    /// Redacted endpoint URL (no community), kept for its query (unit, address, baud).
    package var endpoint: String
    package var capturedAt: Date
    package var durationMilliseconds: Int
    /// What the device said about itself (sysObjectID, sysDescr, model), when it could.
    package var identity: DeviceIdentity?
    package var unreachable: String?
    package var wire: WireLog
    /// Expected status per check id: makes the capture a regression test of the profile.
    package var expect: [String: CheckStatus]?

    package init(profile: String, protocolName: String, endpoint: String, capturedAt: Date, duration: Duration,
                identity: DeviceIdentity?, readings: Readings, expect: [String: CheckStatus]? = nil) {
        self.profile = profile
        self.protocolName = protocolName
        self.endpoint = endpoint
        self.capturedAt = capturedAt
        let c = duration.components
        durationMilliseconds = Int(c.seconds) * 1000 + Int(c.attoseconds / 1_000_000_000_000_000)
        self.identity = identity
        unreachable = readings.unreachable
        wire = readings.wire
        self.expect = expect
    }

    enum CodingKeys: String, CodingKey {
        case format
        case formatVersion = "format_version"
        case profile
        case protocolName = "protocol"
        case endpoint
        case capturedAt = "captured_at"
        case durationMilliseconds = "duration_ms"
        case identity, unreachable, expect
    }

    enum IdentityKeys: String, CodingKey {
        case objectID = "sys_object_id", description = "sys_descr", model, vendor
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decodeIfPresent(String.self, forKey: .format)
        let version = try c.decodeIfPresent(Int.self, forKey: .formatVersion)
        guard format == Self.format else {
            throw CaptureFormatError(format == nil
                ? "a capture of format version 1 (readings by point name, written before \(Self.format) version 2): it cannot test a profile's addresses; capture the device again with `checkup capture`"
                : "not a \(Self.format) file (format: \(format ?? ""))")
        }
        guard version == Self.formatVersion else {
            throw CaptureFormatError("\(Self.format) format_version \(version.map(String.init) ?? "missing"): this checkup reads version \(Self.formatVersion)")
        }
        profile = try c.decode(String.self, forKey: .profile)
        protocolName = try c.decode(String.self, forKey: .protocolName)
        endpoint = try c.decode(String.self, forKey: .endpoint)
        capturedAt = try c.decode(Date.self, forKey: .capturedAt)
        durationMilliseconds = try c.decodeIfPresent(Int.self, forKey: .durationMilliseconds) ?? 0
        if c.contains(.identity) {
            let i = try c.nestedContainer(keyedBy: IdentityKeys.self, forKey: .identity)
            identity = DeviceIdentity(objectID: try i.decodeIfPresent(String.self, forKey: .objectID),
                                      description: try i.decodeIfPresent(String.self, forKey: .description),
                                      model: try i.decodeIfPresent(String.self, forKey: .model),
                                      vendor: try i.decodeIfPresent(String.self, forKey: .vendor))
        }
        unreachable = try c.decodeIfPresent(String.self, forKey: .unreachable)
        wire = try WireLog(from: decoder)
        expect = try c.decodeIfPresent([String: CheckStatus].self, forKey: .expect)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.format, forKey: .format)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(profile, forKey: .profile)
        try c.encode(protocolName, forKey: .protocolName)
        try c.encode(endpoint, forKey: .endpoint)
        try c.encode(capturedAt, forKey: .capturedAt)
        try c.encode(durationMilliseconds, forKey: .durationMilliseconds)
        if let identity {
            var i = c.nestedContainer(keyedBy: IdentityKeys.self, forKey: .identity)
            try i.encodeIfPresent(identity.objectID, forKey: .objectID)
            try i.encodeIfPresent(identity.description, forKey: .description)
            try i.encodeIfPresent(identity.model, forKey: .model)
            try i.encodeIfPresent(identity.vendor, forKey: .vendor)
        }
        try c.encodeIfPresent(unreachable, forKey: .unreachable)
        try c.encodeIfPresent(expect, forKey: .expect)
        try wire.encode(to: encoder)
    }

    /// Reads a capture; a file of another format or version says which it is.
    package static func decode(_ data: Data) throws -> Capture {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Capture.self, from: data)
    }

    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Self.compactingNumberLists(try encoder.encode(self))
    }

    /// Puts each list of plain numbers (a block's values) on one line: 256 zone bits stay one line.
    static func compactingNumberLists(_ json: Data) -> Data {
        let text = String(decoding: json, as: UTF8.self)
        guard let list = try? NSRegularExpression(pattern: #"\[\s*(-?[0-9]+(?:,\s*-?[0-9]+)*)\s*\]"#) else { return json }
        let out = NSMutableString(string: text)
        for match in list.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let numbers = (text as NSString).substring(with: match.range(at: 1))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            out.replaceCharacters(in: match.range, with: "[" + numbers.joined(separator: ", ") + "]")
        }
        return Data((out as String).utf8)
    }
}

/// A capture file of another format or version than this checkup reads.
package struct CaptureFormatError: UserFacingError, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
