import CheckupCore
import Foundation

/// The one JSON convention of the store's JSON columns (sites, outcomes, results, answers,
/// plans): each type's own Codable form, keys sorted, dates as Foundation writes them by
/// default (seconds since 2001, lossless). The record itself is stored as its document
/// (`RecordCoding`, the export format its content hash is computed over).
enum StoreJSON {
    /// Foundation's default layout (camelCase, sorted, escaped slashes), written fast.
    static let options = FastJSONEncoder()

    static func encode(_ value: some Encodable) -> String {
        // A device's results are written member by member (`CheckResult.writeStored`): a result per check.
        if let results = value as? [CheckResult], let direct = CheckResult.storedArray(results) {
            return String(decoding: direct, as: UTF8.self)
        }
        // Our plain Codable values always encode; an empty string would fail loudly on reading.
        return String(decoding: (try? options.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Decodes a stored row; one that cannot be read is an error naming it, never dropped.
    static func decode<T: Decodable>(_ type: T.Type, _ json: String, what: String) throws(RecordError) -> T {
        do { return try JSONDecoder().decode(type, from: Data(json.utf8)) } catch {
            throw RecordError("\(what) cannot be read (\(error))")
        }
    }
}
