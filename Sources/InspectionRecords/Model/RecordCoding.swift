package import Foundation

/// The one JSON convention of records, the store and the export: snake_case keys, sorted,
/// ISO-8601 dates in UTC. Stable so that hashes and diffs of exports stay meaningful.
/// Written by `FastJSONEncoder`: the bytes Foundation's `JSONEncoder` gives with these options.
package enum RecordCoding: Sendable {
    static let canonicalOptions = FastJSONEncoder(snakeCaseKeys: true, iso8601Dates: true, escapeSlashes: false, pretty: false)

    package static func encode(_ value: some Encodable, pretty: Bool = true) throws -> Data {
        var options = canonicalOptions
        options.pretty = pretty
        return try options.encode(value)
    }

    package static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.dateDecodingStrategy = .iso8601
        return d
    }

    /// Compact canonical bytes of a value; encoding our own plain structs cannot fail.
    /// (Rows and evidence entries are written directly: `CanonicalJSONWritable`, `RecordDocument`.)
    static func canonicalData(_ value: some Encodable) -> Data {
        (try? encode(value, pretty: false)) ?? Data()
    }
}
