import CheckupCore
package import Foundation

/// Encodes our Codable values to exactly the bytes Foundation's `JSONEncoder` writes with the
/// same options (sorted keys always; snake_case keys, ISO-8601 dates, unescaped slashes and
/// pretty printing as asked), a few times faster: keys are converted once per name, leaves are
/// written straight to bytes, and no `Any` is boxed. Records of 10,000 devices are encoded for
/// the store, the content hash and the JSON file; `FastJSONEncoderTests` holds the bytes equal
/// to Foundation's on every record type and on the corner cases (numbers, escapes, empties).
package struct FastJSONEncoder: Sendable {
    package var snakeCaseKeys = false
    package var iso8601Dates = false
    package var escapeSlashes = true
    package var pretty = false

    package init(snakeCaseKeys: Bool = false, iso8601Dates: Bool = false, escapeSlashes: Bool = true, pretty: Bool = false) {
        self.snakeCaseKeys = snakeCaseKeys
        self.iso8601Dates = iso8601Dates
        self.escapeSlashes = escapeSlashes
        self.pretty = pretty
    }

    package func encode(_ value: some Encodable) throws -> Data {
        let encoder = NodeEncoder(options: self, convertsKeys: snakeCaseKeys)
        let node = try encoder.node(for: value)
        var writer = JSONByteWriter(escapeSlashes: escapeSlashes, pretty: pretty)
        writer.write(node, depth: 0)
        return Data(writer.bytes)
    }
}

/// A value on its way out: a leaf already written as JSON text, or a container still filling.
enum JSONNode {
    case leaf(String)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
    /// A `superEncoder`'s slot: whatever its encoder holds when the parent is written.
    case later(NodeEncoder)
}

final class JSONObject {
    var members: [(key: String, value: JSONNode)] = []

    /// Appended as encoded: a key encoded twice (Foundation keeps the last value) is settled
    /// when the members are written in order, not by a scan of every member on each set.
    func set(_ key: String, _ value: JSONNode) { members.append((key, value)) }

    /// The members in key order as `.sortedKeys` sorts them (UTF-8), the last of a repeated key kept.
    var sortedMembers: [(key: String, value: JSONNode)] {
        var inOrder = true
        for i in members.indices.dropFirst() where !Self.precedes(members[i - 1].key, members[i].key) { inOrder = false; break }
        if inOrder { return members }
        let sorted = members.indices.sorted { a, b in
            Self.precedes(members[a].key, members[b].key) || (members[a].key == members[b].key && a < b)
        }
        var out: [(key: String, value: JSONNode)] = []
        out.reserveCapacity(sorted.count)
        for (n, i) in sorted.enumerated() where n + 1 == sorted.count || members[sorted[n + 1]].key != members[i].key {
            out.append(members[i])
        }
        return out
    }

    /// UTF-8 order of two keys, compared as bytes.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b  // withUTF8 needs them mutable; native strings are not copied
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let c = min(x.count, y.count) == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
                return c < 0 || (c == 0 && x.count < y.count)
            }
        }
    }
}

final class JSONArray {
    var items: [JSONNode] = []
}

/// Marks `[String: V]`, whose keys are data, not property names: no snake_case for them.
private protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

/// snake_case of property names, computed once per name by Foundation's own conversion.
private let snakeCaseNames = Locked<[String: String]>([:])

private func snakeCase(_ name: String) -> String {
    // An ASCII name without capitals is its own snake_case (most names): no lock, no lookup.
    if !name.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }) { return name }
    if let known = snakeCaseNames.withLock({ $0[name] }) { return known }
    struct One: Encodable {
        let name: String
        struct Key: CodingKey {
            var stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: name))
        }
    }
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let json = (try? encoder.encode(One(name: name))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    // {"snake_name":0}: the name sits between the first quote pair (property names carry no quote).
    let converted = json.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? name
    snakeCaseNames.withLock { $0[name] = converted }
    return converted
}

// Every primitive has its own overload in each container below: the protocols' defaults would
// send them back through `encode<T>`, and so round again into the value's own `encode(to:)`.

/// The `Encoder` our values write to: one per nesting level, as Foundation's, but it only builds nodes.
final class NodeEncoder: Encoder {
    let options: FastJSONEncoder
    let convertsKeys: Bool
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var result: JSONNode?

    init(options: FastJSONEncoder, convertsKeys: Bool) {
        self.options = options
        self.convertsKeys = convertsKeys
    }

    func key(_ key: some CodingKey) -> String {
        convertsKeys ? snakeCase(key.stringValue) : key.stringValue
    }

    /// The node of any value: the types Foundation writes specially first, then the value's own encoding.
    func node<T: Encodable>(for value: T) throws -> JSONNode {
        // Metatype compares, not casts: this runs for every value of a 10,000-device record.
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .leaf(String(value as! Int)) }
        if T.self == Bool.self { return .leaf((value as! Bool) ? "true" : "false") }
        if T.self == Double.self { return try Self.number(value as! Double) }
        if T.self == Int64.self { return .leaf(String(value as! Int64)) }
        if T.self == UInt64.self { return .leaf(String(value as! UInt64)) }
        if T.self == Date.self {
            let date = value as! Date
            if options.iso8601Dates { return .string(date.formatted(.iso8601)) }
            return try Self.number(date.timeIntervalSinceReferenceDate)
        }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        let child = NodeEncoder(options: options, convertsKeys: options.snakeCaseKeys && !(value is any StringKeyedDictionary))
        try value.encode(to: child)
        return child.result ?? .object(JSONObject())
    }

    /// Foundation's numbers: the shortest text that reads back the same, without a trailing `.0`.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not valid JSON"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .leaf(text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = result { object = existing } else { object = JSONObject(); result = .object(object) }
        return KeyedEncodingContainer(KeyedNodes<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = result { array = existing } else { array = JSONArray(); result = .array(array) }
        return UnkeyedNodes(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNode(encoder: self) }
}

struct KeyedNodes<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    let object: JSONObject
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { object.set(encoder.key(key), .leaf("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(encoder.key(key), .leaf(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(encoder.key(key), .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.set(encoder.key(key), try NodeEncoder.number(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { object.set(encoder.key(key), try NodeEncoder.number(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(encoder.key(key), .leaf(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { object.set(encoder.key(key), try encoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        object.set(encoder.key(key), .object(nested))
        return KeyedEncodingContainer(KeyedNodes<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        object.set(encoder.key(key), .array(nested))
        return UnkeyedNodes(encoder: encoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = NodeEncoder(options: encoder.options, convertsKeys: encoder.convertsKeys)
        object.set(encoder.key(key), .later(child))
        return child
    }
}

struct UnkeyedNodes: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    let array: JSONArray
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(.leaf("null")) }
    mutating func encode(_ value: Bool) throws { array.items.append(.leaf(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.items.append(try NodeEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { array.items.append(try NodeEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: Int64) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: UInt64) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: Int8) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: Int16) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: Int32) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: UInt) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: UInt8) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: UInt16) throws { array.items.append(.leaf(String(value))) }
    mutating func encode(_ value: UInt32) throws { array.items.append(.leaf(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try encoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedNodes<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        array.items.append(.array(nested))
        return UnkeyedNodes(encoder: encoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = NodeEncoder(options: encoder.options, convertsKeys: encoder.convertsKeys)
        array.items.append(.later(child))
        return child
    }
}

struct SingleNode: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.result = .leaf("null") }
    mutating func encode(_ value: Bool) throws { encoder.result = .leaf(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.result = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.result = try NodeEncoder.number(value) }
    mutating func encode(_ value: Float) throws { encoder.result = try NodeEncoder.number(value) }
    mutating func encode(_ value: Int) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.result = .leaf(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.result = .leaf(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.result = try encoder.node(for: value) }
}

/// Writes nodes as Foundation's `JSONWriter` does: sorted keys (by UTF-8), its escapes, its pretty layout.
struct JSONByteWriter {
    let escapeSlashes: Bool
    let pretty: Bool
    var bytes: [UInt8] = []

    init(escapeSlashes: Bool, pretty: Bool) {
        self.escapeSlashes = escapeSlashes
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .leaf(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .later(let encoder): write(encoder.result ?? .object(JSONObject()), depth: depth)
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            if pretty {
                if array.items.isEmpty { bytes.append(UInt8(ascii: "\n")) } else { newline(depth + 1) }
                for (i, item) in array.items.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")); newline(depth + 1) }
                    write(item, depth: depth + 1)
                }
                newline(depth)
            } else {
                for (i, item) in array.items.enumerated() {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    write(item, depth: depth)
                }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            if pretty {
                if object.members.isEmpty { bytes.append(UInt8(ascii: "\n")) } else { newline(depth + 1) }
            }
            let members = object.sortedMembers
            for (i, member) in members.enumerated() {
                if i > 0 {
                    bytes.append(UInt8(ascii: ","))
                    if pretty { newline(depth + 1) }
                }
                writeString(member.key)
                if pretty { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { bytes.append(UInt8(ascii: ":")) }
                write(member.value, depth: depth + 1)
            }
            if pretty { newline(depth) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and the indent: Foundation's pretty layout, an empty container as `[\n\n]`.
    private mutating func newline(_ depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts (ids, words, readings) have nothing to escape: runs are copied at once.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var run = 0  // where the bytes not copied yet start
        for (i, byte) in utf8.enumerated() {
            let letter: UInt8  // of a two-character escape; 0: \u00XX
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): letter = byte
            case UInt8(ascii: "/") where escapeSlashes: letter = byte
            case 0x08: letter = UInt8(ascii: "b")
            case 0x09: letter = UInt8(ascii: "t")
            case 0x0A: letter = UInt8(ascii: "n")
            case 0x0C: letter = UInt8(ascii: "f")
            case 0x0D: letter = UInt8(ascii: "r")
            case 0x00..<0x20: letter = 0
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            bytes.append(UInt8(ascii: "\\"))
            if letter != 0 {
                bytes.append(letter)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            }
            run = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
}
