import CheckupCore

/// Where a point lives in a Modbus unit and how to decode it: the `points:` entry of a
/// `protocol: modbus` profile, minus the shared keys (`title`, `unit`, `scale`, `offset`, `active`).
///
/// A scalar point is one item: `{table: discrete-input, address: 0x0100}`. A point with
/// `count: N` is a block — one `Value.table` with N rows indexed from `first-index` (zone 1,
/// zone 2…) — whose `columns:` each read their own run of items (Elmo: zone alarms at 0x1001,
/// zone bypasses at 0x2001) or bits of the same register (a zone-state word). See README.md.
package struct ModbusAddress: Decodable, Sendable, Hashable {
    /// Which table and where: the point's default for its columns too.
    package var field: ModbusField
    /// Rows of a block point; nil for a scalar point.
    package var count: Int?
    /// Index of the first row (`zone {index}`); default 1.
    package var firstIndex: Int
    /// Names of the rows instead of numbers (`[PSTN, cellular]`).
    package var rowNames: [String]?
    /// Columns of a block point, each a run of `count` items; default one column `value`.
    package var columns: [String: ModbusColumn]?
    /// The value an active point writes (coil 0/1 with FC05, register with FC06), then reads back.
    package var write: Int?

    package init(_ field: ModbusField, count: Int? = nil, firstIndex: Int = 1, rowNames: [String]? = nil,
                columns: [String: ModbusColumn]? = nil, write: Int? = nil) {
        self.field = field
        self.count = count
        self.firstIndex = firstIndex
        self.rowNames = rowNames
        self.columns = columns
        self.write = write
    }

    /// A scalar point: one bit or one value of `type`.
    package static func scalar(_ table: ModbusTable, _ address: Int, type: ModbusDataType? = nil, bit: Int? = nil,
                              order: WordOrder = .abcd, length: Int? = nil) -> ModbusAddress {
        ModbusAddress(ModbusField(table: table, address: address, type: type, bit: bit, order: order, length: length))
    }

    /// True for a block point (its value is a table).
    package var isBlock: Bool { count != nil }

    /// The columns with everything resolved, in name order; a scalar point has one, named `value`.
    package var resolvedColumns: [(name: String, field: ModbusField)] {
        guard let columns, !columns.isEmpty else { return [("value", field)] }
        return columns.keys.sorted().compactMap { name in columns[name].map { (name, $0.resolved(over: field)) } }
    }

    /// The index text of row `i` (0-based).
    package func rowIndex(_ i: Int) -> String {
        if let rowNames, i < rowNames.count { return rowNames[i] }
        return String(firstIndex + i)
    }

    /// The runs of items this point needs: (table, first address, number of items).
    package var spans: [ModbusSpan] {
        let rows = count ?? 1
        return resolvedColumns.map { column in
            let f = column.field
            return ModbusSpan(table: f.table, address: f.address, count: f.stride * (rows - 1) + f.width)
        }
    }

    // MARK: Decoding

    enum Key: String, CaseIterable {
        case table, address, type, bit, order, length, stride, count, columns, write
        case firstIndex = "first-index", rowNames = "row-names"
    }

    /// Keys the core may leave in the mapping; not ours, not typos.
    static let sharedKeys: Set<String> = ["title", "unit", "scale", "offset", "active", "description", "note"]

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        try AnyKey.rejectUnknown(in: container, known: Key.allCases.map(\.rawValue), shared: Self.sharedKeys, what: "Modbus point")
        let table = try container.decodeTable(AnyKey("table"))
        guard let table else {
            throw DecodingError.keyNotFound(AnyKey("table"), .init(codingPath: decoder.codingPath,
                debugDescription: "a Modbus point needs 'table': one of coil, discrete-input, holding, input"))
        }
        let columns = try container.decodeIfPresent([String: ModbusColumn].self, forKey: AnyKey("columns"))
        let columnAddresses = columns?.values.compactMap(\.address) ?? []
        let ownAddress = try container.decodeFlexibleInt(AnyKey("address"))
        // A block whose columns all say where they are needs no address of its own.
        let fallback = columns.map { !$0.isEmpty && columnAddresses.count == $0.count } == true ? columnAddresses.min() : nil
        guard let address = ownAddress ?? fallback else {
            throw DecodingError.keyNotFound(AnyKey("address"), .init(codingPath: decoder.codingPath,
                debugDescription: "a Modbus point needs 'address' (PDU address, 0-based: 0x0100 or 256)"))
        }
        field = ModbusField(table: table, address: address,
                            type: try container.decodeIfPresent(ModbusDataType.self, forKey: AnyKey("type")),
                            bit: try container.decodeFlexibleInt(AnyKey("bit")),
                            order: try container.decodeIfPresent(WordOrder.self, forKey: AnyKey("order")) ?? .abcd,
                            length: try container.decodeFlexibleInt(AnyKey("length")),
                            stride: try container.decodeFlexibleInt(AnyKey("stride")))
        count = try container.decodeFlexibleInt(AnyKey("count"))
        firstIndex = try container.decodeFlexibleInt(AnyKey("first-index")) ?? 1
        rowNames = try container.decodeIfPresent([String].self, forKey: AnyKey("row-names"))
        self.columns = columns
        write = try container.decodeFlexibleInt(AnyKey("write"))
        if count == nil, let rowNames { count = rowNames.count }
        if columns != nil && count == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'columns' need 'count' (the number of rows, e.g. zones)"))
        }
    }

    /// What is wrong with this address for a profile author, or nil.
    package var problem: String? {
        if let count, count < 1 { return "count must be at least 1" }
        if let rowNames, let count, rowNames.count > count { return "row-names has \(rowNames.count) names for \(count) rows" }
        if write != nil && isBlock { return "'write' needs a scalar point" }
        if let write, field.table == .coil && !(0...1).contains(write) { return "a coil can only be written 0 or 1" }
        if let write, !(0...0xFFFF).contains(write) { return "write value \(write) does not fit a register" }
        if write != nil && !(field.table == .coil || field.table == .holding) { return "only coils and holding registers can be written" }
        for (name, column) in resolvedColumns {
            let prefix = columns == nil ? "" : "column '\(name)': "
            if let problem = column.problem { return prefix + problem }
        }
        for span in spans where span.address < 0 || span.address + span.count > 0x10000 {
            return "items \(ModbusError.hex(span.address))…+\(span.count) run past the 65536 addresses of the \(span.table.rawValue) table"
        }
        return nil
    }
}

/// One column of a block point; unset keys come from the point.
package struct ModbusColumn: Decodable, Sendable, Hashable {
    package var table: ModbusTable?
    package var address: Int?
    package var type: ModbusDataType?
    package var bit: Int?
    package var order: WordOrder?
    package var length: Int?
    package var stride: Int?

    package init(table: ModbusTable? = nil, address: Int? = nil, type: ModbusDataType? = nil, bit: Int? = nil,
                order: WordOrder? = nil, length: Int? = nil, stride: Int? = nil) {
        self.table = table
        self.address = address
        self.type = type
        self.bit = bit
        self.order = order
        self.length = length
        self.stride = stride
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        try AnyKey.rejectUnknown(in: container, known: ["table", "address", "type", "bit", "order", "length", "stride"],
                                 shared: [], what: "column")
        table = try container.decodeTable(AnyKey("table"))
        address = try container.decodeFlexibleInt(AnyKey("address"))
        type = try container.decodeIfPresent(ModbusDataType.self, forKey: AnyKey("type"))
        bit = try container.decodeFlexibleInt(AnyKey("bit"))
        order = try container.decodeIfPresent(WordOrder.self, forKey: AnyKey("order"))
        length = try container.decodeFlexibleInt(AnyKey("length"))
        stride = try container.decodeFlexibleInt(AnyKey("stride"))
    }

    /// The column with the point's settings filled in. A column with its own `bit` but no
    /// `type` is a bit of the point's register, even when the point says `type: uint16`.
    func resolved(over point: ModbusField) -> ModbusField {
        let bitType: ModbusDataType? = bit != nil && type == nil ? .bitInRegister : type
        return ModbusField(table: table ?? point.table, address: address ?? point.address,
                           type: bitType ?? (table == nil ? point.declaredType : nil), bit: bit ?? (bitType == nil ? point.bit : nil),
                           order: order ?? point.order, length: length ?? point.length,
                           stride: stride ?? point.declaredStride)
    }
}

/// One decodable item: table, address, type and its options, fully resolved.
package struct ModbusField: Sendable, Hashable {
    package var table: ModbusTable
    package var address: Int
    package var type: ModbusDataType
    package var bit: Int?
    package var order: WordOrder
    package var length: Int?
    /// Items between rows of a block; default the width of the type.
    package var stride: Int
    /// What the profile said, before defaults (columns inherit these, not the defaults).
    let declaredType: ModbusDataType?
    let declaredStride: Int?

    package init(table: ModbusTable, address: Int, type: ModbusDataType? = nil, bit: Int? = nil,
                order: WordOrder = .abcd, length: Int? = nil, stride: Int? = nil) {
        self.table = table
        self.address = address
        let resolvedType: ModbusDataType
        if let type, type == .bit, bit != nil, !table.holdsBits { resolvedType = .bitInRegister }
        else if let type { resolvedType = type }
        else if table.holdsBits { resolvedType = .bit }
        else { resolvedType = bit != nil ? .bitInRegister : .uint16 }
        self.type = resolvedType
        self.bit = bit
        self.order = order
        self.length = length
        self.declaredType = type
        self.declaredStride = stride
        self.stride = stride ?? resolvedType.width(length: length)
    }

    /// Items one value occupies (registers, or 1 for a bit).
    package var width: Int { type.width(length: length) }

    var problem: String? {
        if table.holdsBits && type != .bit { return "a \(table.rawValue) holds single bits: type must be bit, not \(type.rawValue)" }
        if !table.holdsBits && type == .bit { return "a \(table.rawValue) register holds 16 bits: use bit: N (0…15) for one of them" }
        if type == .bitInRegister && !(0...15).contains(bit ?? -1) { return "bit-in-register needs bit: 0…15" }
        if type == .string && (length ?? 0) < 1 { return "a string needs length: N (registers, two characters each)" }
        if stride < 1 { return "stride must be at least 1" }
        if address < 0 || address > 0xFFFF { return "address \(address) is outside 0…65535 (PDU addresses are 0-based)" }
        return nil
    }
}

/// A run of items in one table.
package struct ModbusSpan: Sendable, Hashable {
    package var table: ModbusTable
    package var address: Int
    package var count: Int
    package var end: Int { address + count }
    package init(table: ModbusTable, address: Int, count: Int) {
        self.table = table
        self.address = address
        self.count = count
    }
}
