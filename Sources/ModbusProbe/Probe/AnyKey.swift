import CheckupCore
import Foundation

/// A coding key for any string, so addresses can list unknown keys and accept `0x0100` or `256`.
struct AnyKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }

    /// Throws for a key that is neither ours nor shared, with a did-you-mean.
    static func rejectUnknown(in container: KeyedDecodingContainer<AnyKey>, known: [String], shared: Set<String>, what: String) throws {
        for key in container.allKeys where !known.contains(key.stringValue) && !shared.contains(key.stringValue) {
            let hint = Suggest.closest(to: key.stringValue, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)' in a \(what)\(hint); known: \(known.joined(separator: ", "))"))
        }
    }
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// An integer written as `256`, `0x0100` or `"0x0100"`.
    func decodeFlexibleInt(_ key: AnyKey) throws -> Int? {
        guard contains(key) else { return nil }
        if let value = try? decode(Int.self, forKey: key) { return value }
        let text = try decode(String.self, forKey: key).trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        let parsed = lower.hasPrefix("0x") ? Int(lower.dropFirst(2), radix: 16) : Int(lower)
        guard let parsed else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "'\(text)' is not a whole number (write 256 or 0x0100)")
        }
        return parsed
    }

    /// A table name in any of the usual spellings.
    func decodeTable(_ key: AnyKey) throws -> ModbusTable? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let table = ModbusTable(spelling: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "unknown table '\(text)': expected coil, discrete-input, holding or input")
        }
        return table
    }
}
