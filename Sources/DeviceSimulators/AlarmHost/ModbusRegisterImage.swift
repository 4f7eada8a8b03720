package import CheckupCore
package import ModbusProbe

/// A Modbus unit's tables as recorded — by a capture or a fixture — and served back by
/// `AlarmHostSimulator(image:)`: only the items recorded answer; a read that touches any other
/// item gets exception 02 (illegal data address), or the exception the unit gave for it, as a
/// real unit without that register would. So a profile reading a wrong address fails replay.
package struct ModbusRegisterImage: Sendable, Hashable {
    /// Item values per table (bits as 0/1).
    package var items: [ModbusTable: [Int: UInt16]]
    /// Reads the unit refused: the table, the items and the exception code it answered.
    package var refusals: [Refusal]
    /// Reads the unit did not answer at all (timeouts): served as silence.
    package var silences: [ModbusSpan]
    /// Device identification objects (0 vendor, 1 product code, 2 revision, 4 product name, 5 model).
    package var identification: [UInt8: String]

    package struct Refusal: Sendable, Hashable {
        package var span: ModbusSpan
        package var exception: UInt8
        package init(span: ModbusSpan, exception: UInt8) {
            self.span = span
            self.exception = exception
        }
    }

    package init(items: [ModbusTable: [Int: UInt16]] = [:], refusals: [Refusal] = [], silences: [ModbusSpan] = [],
                identification: [UInt8: String] = [:]) {
        self.items = items
        self.refusals = refusals
        self.silences = silences
        self.identification = identification
    }

    /// The image a capture's blocks describe; a block of an unknown function is an error.
    package init(blocks: [CapturedBlock], identity: DeviceIdentity? = nil) throws(SimulatorError) {
        self.init()
        for block in blocks {
            guard let table = ModbusTable.allCases.first(where: { Int($0.readFunction.rawValue) == block.function }) else {
                throw SimulatorError("Modbus block at \(block.start): function \(block.function) is not a read (1–4)")
            }
            let span = ModbusSpan(table: table, address: block.start, count: block.count)
            if let values = block.values {
                guard values.count == block.count else {
                    throw SimulatorError("Modbus block FC\(block.function) at \(block.start): count \(block.count) but \(values.count) values")
                }
                for (i, v) in values.enumerated() { items[table, default: [:]][block.start + i] = UInt16(truncatingIfNeeded: v) }
            } else if let code = block.exception {
                refusals.append(Refusal(span: span, exception: UInt8(truncatingIfNeeded: code)))
            } else {
                silences.append(span)
            }
        }
        if let identity {
            identification[0] = identity.vendor
            identification[5] = identity.model
            identification[4] = identity.description
        }
    }

    /// How the unit answers a read of `count` items of `table` from `start`.
    enum Answer: Equatable { case serve, exception(UInt8), silence }

    func answer(_ table: ModbusTable, start: Int, count: Int) -> Answer {
        let held = items[table] ?? [:]
        if (start..<(start + count)).allSatisfy({ held[$0] != nil }) { return .serve }
        let overlaps = { (s: ModbusSpan) in s.table == table && s.address < start + count && start < s.end }
        if silences.contains(where: overlaps) { return .silence }
        return .exception(refusals.last(where: { overlaps($0.span) })?.exception ?? 0x02)
    }

    /// First item and number of items that cover everything held in `table`.
    func extent(_ table: ModbusTable) -> (start: Int, count: Int) {
        guard let keys = items[table]?.keys, let low = keys.min(), let high = keys.max() else { return (0, 0) }
        return (low, high - low + 1)
    }
}
