import CheckupCore
import Foundation

/// The canonical JSON (`RecordCoding`) of the record's most numerous values, rows and evidence
/// entries, written member by member in sorted key order instead of through `Encodable`'s
/// containers: the same bytes (`CanonicalJSONTests` holds them to the generic encoder's), at a
/// fraction of the cost — the containers, nodes and key sorting were most of a record's encoding.
/// Findings are written so too (`CanonicalFinding.swift`); the other nested values with cases
/// (expectations, mappings) go through `FastJSONEncoder`, once for each value that repeats
/// (`RepeatedValues`).
protocol CanonicalJSONWritable {
    /// False when only the generic encoder can say (a value it refuses, like a NaN duration).
    func writeCanonical(_ out: inout CanonicalObject) -> Bool
}

extension CanonicalJSONWritable {
    /// Appends the value's JSON to `bytes` (a chunk of a long list); on false, `bytes` is as it was.
    func writeCanonical(into bytes: inout [UInt8]) -> Bool {
        CanonicalObject.append(to: &bytes, options: RecordCoding.canonicalOptions, writeCanonical)
    }
}

/// A JSON object written member by member; the caller gives the members in sorted key order,
/// named as `options` would name them.
struct CanonicalObject {
    private var json: JSONByteWriter
    private let options: FastJSONEncoder
    private var first = true

    private init(options: FastJSONEncoder, appendingTo bytes: [UInt8]) {
        self.options = options
        json = JSONByteWriter(escapeSlashes: options.escapeSlashes, pretty: false)
        json.bytes = bytes
        json.bytes.append(UInt8(ascii: "{"))
    }

    /// Appends the object `write` gives to `bytes`, in place; on false, `bytes` is as it was.
    static func append(to bytes: inout [UInt8], options: FastJSONEncoder, _ write: (inout CanonicalObject) -> Bool) -> Bool {
        let start = bytes.count
        var object = CanonicalObject(options: options, appendingTo: bytes)
        bytes = []  // held by the object meanwhile: appended in place, not copied
        let written = write(&object)
        if written { object.json.bytes.append(UInt8(ascii: "}")) }
        bytes = object.json.bytes
        if !written { bytes.removeSubrange(start...) }
        return written
    }

    private mutating func key(_ key: StaticString) {
        if !first { json.bytes.append(UInt8(ascii: ",")) }
        first = false
        json.bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { json.bytes.append(contentsOf: $0) }  // our keys need no escape
        json.bytes.append(UInt8(ascii: "\""))
        json.bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        json.writeString(value)
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        json.bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func int(_ name: StaticString, _ value: Int) {
        key(name)
        json.bytes.append(contentsOf: String(value).utf8)
    }

    /// False for a value JSON cannot hold (the generic encoder refuses it).
    mutating func double(_ name: StaticString, _ value: Double) -> Bool {
        guard case .leaf(let text)? = try? NodeEncoder.number(value) else { return false }
        key(name)
        json.bytes.append(contentsOf: text.utf8)
        return true
    }

    mutating func text(_ name: StaticString, _ value: LocalizedText?) {
        guard let value else { return }
        key(name)
        json.bytes.append(contentsOf: "{\"en\":".utf8)
        json.writeString(value.en)
        json.bytes.append(contentsOf: ",\"zh\":".utf8)
        json.writeString(value.zh)
        json.bytes.append(UInt8(ascii: "}"))
    }

    /// `[…]` of objects, each written by `write`; false (and nothing of the array kept) if one refuses.
    mutating func objects<Element>(_ name: StaticString, _ values: [Element],
                                   _ write: (Element, inout CanonicalObject) -> Bool) -> Bool {
        let start = json.bytes.count, wasFirst = first
        key(name)
        json.bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { json.bytes.append(UInt8(ascii: ",")) }
            guard CanonicalObject.append(to: &json.bytes, options: options, { write(value, &$0) }) else {
                json.bytes.removeSubrange(start...)
                first = wasFirst
                return false
            }
        }
        json.bytes.append(UInt8(ascii: "]"))
        return true
    }

    /// `"name":{…}` as `write` writes it; false (and nothing of it kept) if `write` refuses.
    mutating func object(_ name: StaticString, _ write: (inout CanonicalObject) -> Bool) -> Bool {
        let start = json.bytes.count, wasFirst = first
        key(name)
        guard CanonicalObject.append(to: &json.bytes, options: options, write) else {
            json.bytes.removeSubrange(start...)
            first = wasFirst
            return false
        }
        return true
    }

    /// True when names are written snake_case (the record's), false when as declared (the store's).
    var snakeCaseKeys: Bool { options.snakeCaseKeys }

    mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        json.bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { json.bytes.append(UInt8(ascii: ",")) }
            json.writeString(value)
        }
        json.bytes.append(UInt8(ascii: "]"))
    }

    /// Any other value, through the generic encoder, once for a value met before (`known`);
    /// false if the encoder refuses the value.
    mutating func value<Value: Encodable & Hashable & Sendable>(_ name: StaticString, _ value: Value?,
                                                                known: RepeatedValues<Value>) -> Bool {
        guard let value else { return true }
        guard let bytes = known.json(value, options: options) else { return false }
        key(name)
        json.bytes.append(contentsOf: bytes)
        return true
    }
}

/// The JSON of the nested values that repeat across a record's rows and a run's results: each
/// check's expectation and mapping (findings, mostly unique to their device, are written
/// directly: `CanonicalObject.finding`). The generic encoder's nodes for these were a tenth of
/// a 1,000-camera run's CPU; each value is now encoded once, the same bytes reused
/// (`CanonicalJSONTests` holds them to the encoder's).
final class RepeatedValues<Value: Encodable & Hashable & Sendable>: Sendable {
    private struct Key: Hashable {
        var value: Value
        var snakeCase: Bool
        var escapeSlashes: Bool
        var iso8601Dates: Bool
    }

    private let encoded = Locked<[Key: [UInt8]]>([:])
    /// Values kept at most: past them (a reading unique to each device), a value is encoded each time.
    private let limit = 4096

    /// The value's JSON as `options` write it; nil if the encoder refuses it.
    func json(_ value: Value, options: FastJSONEncoder) -> [UInt8]? {
        let key = Key(value: value, snakeCase: options.snakeCaseKeys, escapeSlashes: options.escapeSlashes,
                      iso8601Dates: options.iso8601Dates)
        if let known = encoded.withLock({ $0[key] }) { return known }
        guard let node = try? NodeEncoder(options: options, convertsKeys: options.snakeCaseKeys).node(for: value) else { return nil }
        var json = JSONByteWriter(escapeSlashes: options.escapeSlashes, pretty: false)
        json.bytes = []  // kept: as long as the value, not the writer's 4 KB start
        json.write(node, depth: 0)
        let bytes = json.bytes
        encoded.withLock { if $0.count < limit { $0[key] = bytes } }
        return bytes
    }
}

/// One set of repeated values per type, shared by the record's and the store's writers.
enum Repeated {
    static let expectations = RepeatedValues<Expectation>()
    static let mappings = RepeatedValues<RecordMapping>()
    static let perf = RepeatedValues<PerfData>()
}

extension RecordRow: CanonicalJSONWritable {
    func writeCanonical(_ out: inout CanonicalObject) -> Bool {
        out.text("check", check)
        out.bool("cleared_on_site", clearedOnSite)
        out.string("device", device)
        out.string("device_id", deviceId)
        out.string("evidence_ref", evidenceRef)
        guard out.value("expectation", expectation, known: Repeated.expectations) else { return false }
        out.string("expected", expected)
        out.string("filled_by", filledBy)
        guard out.finding("finding", finding) else { return false }
        out.string("handling", handling)
        out.string("inspected_on", inspectedOn)
        out.text("instruction", instruction)
        out.text("item", item)
        out.string("key", key)
        out.string("location", location)
        out.int("number", number)
        out.string("observed", observed)
        out.string("result", result.rawValue)
        out.string("source", source.rawValue)
        out.string("status", status?.rawValue)
        return true
    }
}

extension EvidenceEntry: CanonicalJSONWritable {
    func writeCanonical(_ out: inout CanonicalObject) -> Bool {
        out.text("check", check)
        out.string("device", device)
        out.string("device_id", deviceId)
        guard out.double("duration_ms", durationMs) else { return false }
        out.string("expected", expected)
        guard out.finding("finding", finding) else { return false }
        out.strings("lines", lines)
        out.string("observed", observed)
        out.string("ref", ref)
        out.string("status", status.rawValue)
        return true
    }
}

/// A check's result as the store keeps it (`StoreJSON`: its Codable names, which snake_case
/// leaves as they are, slashes escaped): one per check of every device, written as each arrives.
extension CheckResult {
    func writeStored(_ out: inout CanonicalObject) -> Bool {
        out.string("check", check)
        out.string("device", device)
        guard out.double("duration_ms", durationMs) else { return false }
        out.strings("evidence", evidence)
        guard out.value("expectation", expectation, known: Repeated.expectations) else { return false }
        out.string("expected", expected)
        guard out.finding("finding", finding) else { return false }
        out.string("note", note)
        out.string("observed", observed)
        out.strings("offending", offending)
        guard out.value("perf", perf, known: Repeated.perf), out.value("record", record, known: Repeated.mappings) else { return false }
        out.string("status", status.rawValue)
        out.text("title", title)
        return true
    }

    /// `[…]` of the results as `StoreJSON` writes them; nil if one needs the generic encoder.
    static func storedArray(_ results: [CheckResult]) -> Data? {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (i, result) in results.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            guard CanonicalObject.append(to: &bytes, options: StoreJSON.options, result.writeStored) else { return nil }
        }
        bytes.append(UInt8(ascii: "]"))
        return Data(bytes)
    }
}

/// A device's outcome as the store keeps it (`StoreJSON`), written as each device arrives: the
/// generic encoder's nodes for it and its exchanges were a third of storing a camera's read.
extension DeviceOutcome {
    func writeStored(_ out: inout CanonicalObject) -> Bool {
        out.string("device", device)
        guard out.double("duration_ms", durationMs) else { return false }
        out.string("endpoint", endpoint)
        guard out.objects("exchanges", exchanges, { exchange, object in
            // A date as Foundation's default writes it: seconds since 2001.
            guard object.double("at", exchange.at.timeIntervalSinceReferenceDate) else { return false }
            object.string("direction", exchange.direction.rawValue)
            object.string("text", exchange.text)
            return true
        }) else { return false }
        out.string("profile", profile)
        out.string("unreachable", unreachable)
        return true
    }
}
