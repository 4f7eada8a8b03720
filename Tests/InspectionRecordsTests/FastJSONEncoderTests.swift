import CheckupCore
import Foundation
import Testing
@testable import InspectionRecords

/// `FastJSONEncoder` writes what Foundation's `JSONEncoder` writes with the same options, byte
/// for byte: content hashes of versions stored before it came, and every export, stay the same.
@Suite struct FastJSONEncoderTests {
    /// Foundation's encoder with the options a `FastJSONEncoder` stands for: the reference.
    static func foundation(_ fast: FastJSONEncoder) -> JSONEncoder {
        let e = JSONEncoder()
        if fast.snakeCaseKeys { e.keyEncodingStrategy = .convertToSnakeCase }
        if fast.iso8601Dates { e.dateEncodingStrategy = .iso8601 }
        var formatting: JSONEncoder.OutputFormatting = [.sortedKeys]
        if !fast.escapeSlashes { formatting.insert(.withoutEscapingSlashes) }
        if fast.pretty { formatting.insert(.prettyPrinted) }
        e.outputFormatting = formatting
        return e
    }

    static let options: [FastJSONEncoder] = [false, true].flatMap { snake in [false, true].flatMap { pretty in
        [FastJSONEncoder(snakeCaseKeys: snake, iso8601Dates: snake, escapeSlashes: !snake, pretty: pretty)]
    } } + [FastJSONEncoder(snakeCaseKeys: true, iso8601Dates: false, escapeSlashes: true, pretty: false)]

    static func same(_ value: some Encodable, _ fast: FastJSONEncoder, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mine = String(decoding: try fast.encode(value), as: UTF8.self)
        let theirs = String(decoding: try foundation(fast).encode(value), as: UTF8.self)
        #expect(mine == theirs, sourceLocation: sourceLocation)
    }

    enum Shape: Codable, Equatable { case point, circle(radius: Double), named(String, tags: [String]) }

    struct Corners: Codable {
        var doubles: [Double] = [0, 1, -0.0, 0.1, 1e20, 1e-7, 1e15, 1e16, 123456789012345680, 2.5e-300, 1.7976931348623157e308, .leastNonzeroMagnitude, 95.5]
        var floats: [Float] = [0.1, 3, 1e-3]
        var integers: [Int64] = [.min, .max, 0, -1]
        var unsigned: UInt64 = .max
        var small: [Int8] = [-128, 127]
        var text = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + " /\\\"\u{7f}\u{2028}é中文 😀 http://a/b"
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String]] = [[], ["a"], ["b", "c"]]
        var camelCaseDictionary = ["someKey": 1, "otherURLKey": 2, "a": 3]
        var wordKeys = ["摄像机": 1, "a": 2, "Z": 3, "é": 4, "ab": 5, "": 6, "a\u{0}": 7, "😀": 8, "ｚ": 9]
        var missing: String?
        var present: String? = "here"
        var flag = true
        var date = Date(timeIntervalSince1970: 1_795_140_000.25)
        var url = URL(string: "snmp://127.0.0.1:161/x?y=z")!
        var data = Data([0, 1, 2, 250])
        var shapes: [Shape] = [.point, .circle(radius: 2), .named("n", tags: ["t"])]
        var someURLValue = "k"
        var optionals: [Int?] = [1, nil, 3]
    }

    struct ExplicitNil: Encodable {
        enum CodingKeys: String, CodingKey { case gone, kept }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeNil(forKey: .gone)
            try c.encode("x", forKey: .kept)
            try c.encode("y", forKey: .kept)  // the last value of a key wins, as in Foundation
        }
    }

    /// Containers handed out and filled later, in between the parent's own members.
    struct Interleaved: Encodable {
        enum CodingKeys: String, CodingKey { case zeta, alphaBeta, nested, list, base, unused }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            var nested = c.nestedContainer(keyedBy: CodingKeys.self, forKey: .nested)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try c.encode(1, forKey: .zeta)
            try nested.encode("n", forKey: .zeta)
            try list.encode(1)
            var inner = list.nestedContainer(keyedBy: CodingKeys.self)
            var innerList = list.nestedUnkeyedContainer()
            try list.encode(3)
            try inner.encode(true, forKey: .alphaBeta)
            try innerList.encode("x")
            try c.encode("a", forKey: .alphaBeta)
            var base = c.superEncoder(forKey: .base).singleValueContainer()
            try base.encode(7)
            try nested.encode([1, 2], forKey: .alphaBeta)
            _ = c.nestedContainer(keyedBy: CodingKeys.self, forKey: .unused)
        }
    }

    @Test(arguments: options)
    func cornerCasesAreFoundationsBytes(_ fast: FastJSONEncoder) throws {
        try Self.same(Corners(), fast)
        try Self.same(ExplicitNil(), fast)
        try Self.same(Interleaved(), fast)
        try Self.same([Interleaved()], fast)
        try Self.same([Corners(), Corners()], fast)
        try Self.same("top level /", fast)
        try Self.same(42, fast)
        try Self.same([String](), fast)
    }

    @Test func notANumberIsAnErrorAsInFoundation() {
        #expect(throws: EncodingError.self) { try FastJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try FastJSONEncoder().encode(["x": Double.infinity]) }
    }

    @Test(arguments: RecordDocumentTests.records())
    func recordsAreFoundationsBytes(_ record: MonthlyRecord) throws {
        for pretty in [false, true] {
            try Self.same(record, FastJSONEncoder(snakeCaseKeys: true, iso8601Dates: true, escapeSlashes: false, pretty: pretty))
        }
    }

    /// The store's columns: results, outcomes, the site (Foundation's default layout).
    @Test func storeColumnsAreFoundationsBytes() throws {
        let report = FixtureRun.report()
        try Self.same(report.results, FastJSONEncoder())
        try Self.same(report.devices, FastJSONEncoder())
        try Self.same(FixtureRun.site, FastJSONEncoder())
        try Self.same(report, FastJSONEncoder(snakeCaseKeys: true, iso8601Dates: true, escapeSlashes: false, pretty: true))
    }
}
