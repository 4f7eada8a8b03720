import CheckupCore
import Foundation

/// The one JSON convention of the store's JSON columns (sites, outcomes, results, answers,
/// plans): each type's own Codable form, keys sorted, dates as Foundation writes them by
/// default (seconds since 2001, lossless). The record itself is stored as its document
/// (`RecordCoding`, the export format its content hash is computed over).
enum StoreJSON {
    /// Foundation's default layout (camelCase, sorted, escaped slashes), written fast.
    static let options = FastJSONEncoder()

    static func encode(_ value: some Encodable) -> String { generic(value) }

    /// A device's results, written member by member (`CheckResult.writeStored`): a result per check.
    static func encode(_ results: [CheckResult]) -> String {
        CheckResult.storedArray(results).map { String(decoding: $0, as: UTF8.self) } ?? generic(results)
    }

    /// A device's outcome, written member by member (`DeviceOutcome.writeStored`).
    static func encode(_ outcome: DeviceOutcome) -> String {
        var bytes: [UInt8] = []
        guard CanonicalObject.append(to: &bytes, options: options, outcome.writeStored) else { return generic(outcome) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func generic(_ value: some Encodable) -> String {
        // Our plain Codable values always encode; an empty string would fail loudly on reading.
        String(decoding: (try? options.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Decodes a stored row; one that cannot be read is an error naming it, never dropped.
    static func decode<T: Decodable>(_ type: T.Type, _ json: String, what: String) throws(RecordError) -> T {
        do { return try JSONDecoder().decode(type, from: Data(json.utf8)) } catch {
            throw RecordError("\(what) cannot be read (\(error))")
        }
    }
}
