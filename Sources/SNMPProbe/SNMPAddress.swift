/// Where an SNMP point lives, as written in a profile's `points:` (Telegraf-style).
///
/// ```yaml
/// cpu:      {oid: 1.3.6.1.4.1.39165.1.7.0}                  # a scalar
/// clock:    {oid: 1.3.6.1.2.1.25.1.2.0, as: date}           # DateAndTime → a date
/// disks:                                                    # a table, read column by column
///   table: 1.3.6.1.4.1.50001.1.241.1                        # the entry OID (…Table.1)
///   columns: {volume: 2, status: 3, mac: {column: 7, as: hex}}
/// ```
/// Tables also take `where: {COLUMN: VALUE}` (keep only rows whose cell equals VALUE, e.g.
/// hrStorageType = hrStorageFixedDisk) and `percent: {NEW: [PART, WHOLE]}` (a computed cell,
/// PART / WHOLE × 100, e.g. hrStorageUsed / hrStorageSize).
///
/// `as:` is `text` (bytes as text even if not printable), `hex` (bytes as bytes), or `date`
/// (SNMPv2-TC DateAndTime, or a date written as text). Without it, an OCTET STRING is text
/// when printable UTF-8 and bytes otherwise. The shared point keys (`title`, `unit`, `scale`,
/// `offset`, `active`, `description`) are accepted and left to the core.
package struct SNMPAddress: Sendable, Hashable, Decodable, CustomStringConvertible {
    package enum Target: Sendable, Hashable {
        case scalar(SNMPObjectID)
        case table(entry: SNMPObjectID, columns: [SNMPColumn])
    }

    package var target: Target
    /// How to read an OCTET STRING scalar.
    package var hint: SNMPValueHint?
    /// Tables: keep only rows whose cell (by column name) has this text.
    package var rowFilter: [String: String] = [:]
    /// Tables: computed cells, name → (part column, whole column), as a percentage.
    package var percentages: [String: [String]] = [:]

    package init(oid: SNMPObjectID, as hint: SNMPValueHint? = nil) {
        target = .scalar(oid)
        self.hint = hint
    }

    package init(table entry: SNMPObjectID, columns: [SNMPColumn]) {
        target = .table(entry: entry, columns: columns.sorted { $0.number < $1.number })
        hint = nil
    }

    package var description: String {
        switch target {
        case .scalar(let oid): return oid.description
        case .table(let entry, let columns):
            return "table \(entry) {" + columns.map { "\($0.name): \($0.number)" }.joined(separator: ", ") + "}"
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let ownKeys = ["oid", "table", "columns", "as", "where", "percent"]
    static let sharedKeys: Set<String> = ["title", "unit", "scale", "offset", "active", "description"]

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for key in c.allKeys where !Self.ownKeys.contains(key.stringValue) && !Self.sharedKeys.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription:
                "unknown SNMP point key '\(key.stringValue)'; expected oid: OID, or table: OID with columns: {name: N}, and optionally as: text|hex|date")
        }
        let hint = try c.decodeIfPresent(SNMPValueHint.self, forKey: Key(stringValue: "as"))
        let oidText = try c.decodeIfPresent(LooseString.self, forKey: Key(stringValue: "oid"))?.value
        let tableText = try c.decodeIfPresent(LooseString.self, forKey: Key(stringValue: "table"))?.value
        switch (oidText, tableText) {
        case (let oid?, nil):
            guard let parsed = SNMPObjectID(oid) else {
                throw DecodingError.dataCorruptedError(forKey: Key(stringValue: "oid"), in: c, debugDescription:
                    "'\(oid)' is not a numeric OID such as 1.3.6.1.2.1.1.3.0 (names are not resolved: no MIB files are loaded)")
            }
            for key in ["columns", "where", "percent"] where c.contains(Key(stringValue: key)) {
                throw DecodingError.dataCorruptedError(forKey: Key(stringValue: key), in: c, debugDescription:
                    "\(key): belongs to a table: point, not to an oid: point")
            }
            self.init(oid: parsed, as: hint)
        case (nil, let table?):
            guard let entry = SNMPObjectID(table) else {
                throw DecodingError.dataCorruptedError(forKey: Key(stringValue: "table"), in: c, debugDescription:
                    "'\(table)' is not a numeric OID such as 1.3.6.1.4.1.50001.1.241.1")
            }
            guard c.contains(Key(stringValue: "columns")) else {
                throw DecodingError.keyNotFound(Key(stringValue: "columns"), .init(codingPath: c.codingPath, debugDescription:
                    "a table: point needs columns: {name: column number, …}"))
            }
            let specs = try c.decode([String: SNMPColumn.Spec].self, forKey: Key(stringValue: "columns"))
            guard !specs.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: Key(stringValue: "columns"), in: c, debugDescription: "columns: is empty")
            }
            let columns = specs.map { SNMPColumn(name: $0.key, number: $0.value.number, hint: $0.value.hint ?? hint) }
            self.init(table: entry, columns: columns)
            let names = Set(specs.keys)
            if let filter = try c.decodeIfPresent([String: LooseString].self, forKey: Key(stringValue: "where")) {
                for column in filter.keys where !names.contains(column) {
                    throw DecodingError.dataCorruptedError(forKey: Key(stringValue: "where"), in: c, debugDescription:
                        "where: names '\(column)', which is not one of the columns (\(names.sorted().joined(separator: ", ")))")
                }
                rowFilter = filter.mapValues(\.value)
            }
            if let percent = try c.decodeIfPresent([String: [String]].self, forKey: Key(stringValue: "percent")) {
                for (name, pair) in percent {
                    guard pair.count == 2, names.contains(pair[0]), names.contains(pair[1]) else {
                        throw DecodingError.dataCorruptedError(forKey: Key(stringValue: "percent"), in: c, debugDescription:
                            "percent: \(name) needs [PART, WHOLE], two of the columns (\(names.sorted().joined(separator: ", ")))")
                    }
                }
                percentages = percent
            }
        case (nil, nil):
            throw DecodingError.keyNotFound(Key(stringValue: "oid"), .init(codingPath: c.codingPath, debugDescription:
                "an SNMP point needs oid: OID (a scalar) or table: OID with columns:"))
        case (_?, _?):
            throw DecodingError.dataCorruptedError(forKey: Key(stringValue: "table"), in: c, debugDescription:
                "a point is either oid: (a scalar) or table: (a table), not both")
        }
    }
}

/// One column of a table point: its name in checks and labels, its number under the entry.
package struct SNMPColumn: Sendable, Hashable {
    package var name: String
    package var number: UInt
    package var hint: SNMPValueHint?

    package init(name: String, number: UInt, hint: SNMPValueHint? = nil) {
        self.name = name
        self.number = number
        self.hint = hint
    }

    /// `volume: 2` or `mac: {column: 7, as: hex}`.
    struct Spec: Decodable {
        var number: UInt
        var hint: SNMPValueHint?
        private enum Keys: String, CodingKey { case column, `as` }
        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let n = try? single.decode(UInt.self) {
                number = n
                hint = nil
                return
            }
            let c = try decoder.container(keyedBy: Keys.self)
            number = try c.decode(UInt.self, forKey: .column)
            hint = try c.decodeIfPresent(SNMPValueHint.self, forKey: .as)
        }
    }
}

/// How to turn an OCTET STRING into a value.
package enum SNMPValueHint: String, Sendable, Hashable, Decodable, CaseIterable {
    case text, hex, date
}

/// A YAML scalar read as text whether it was written as a string or a number (`oid: 1.3.6`
/// is a string to YAML, but a short OID could look like a float).
struct LooseString: Decodable {
    var value: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { value = s; return }
        if let d = try? c.decode(Double.self) { value = String(d); return }
        value = String(try c.decode(Int.self))
    }
}
