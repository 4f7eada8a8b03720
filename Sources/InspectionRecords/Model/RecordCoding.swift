package import Foundation

/// The one JSON convention of records, the store and the export: snake_case keys, sorted,
/// ISO-8601 dates in UTC. Stable so that hashes and diffs of exports stay meaningful.
package enum RecordCoding: Sendable {
    package static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                    : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    package static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.dateDecodingStrategy = .iso8601
        return d
    }

    /// Compact canonical bytes of a value; encoding our own plain structs cannot fail.
    static func canonicalData(_ value: some Encodable) -> Data {
        (try? encoder(pretty: false).encode(value)) ?? Data()
    }
}
