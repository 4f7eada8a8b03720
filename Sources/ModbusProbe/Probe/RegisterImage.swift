import CheckupCore

/// What one device read produced: the items that came back, the requests that failed, and how
/// long each request took. Points are decoded from it after all requests are done.
struct RegisterImage {
    /// Each block that came back, in the order it did: a later block's items stand over an
    /// earlier one's. A handful per device, looked up by scanning: no hashing per bit or word
    /// (it was an eighth of a panel read's CPU).
    private var runs: [(table: ModbusTable, start: Int, words: [UInt16])] = []
    /// Failed runs with their error, newest last.
    private(set) var failures: [(span: ModbusSpan, error: ModbusError)] = []
    /// Requests sent, with their duration (including retries).
    private(set) var timings: [(span: ModbusSpan, duration: Duration)] = []

    /// Every block read or refused, in order, for a capture.
    private(set) var blocks: [CapturedBlock] = []

    mutating func store(bits values: [Bool], at span: ModbusSpan) {
        runs.append((span.table, span.address, values.map { $0 ? 1 : 0 }))
        blocks.append(CapturedBlock(function: Int(span.table.readFunction.rawValue), start: span.address, count: span.count,
                                    values: values.map { $0 ? 1 : 0 }))
    }

    mutating func store(registers values: [UInt16], at span: ModbusSpan) {
        runs.append((span.table, span.address, values))
        blocks.append(CapturedBlock(function: Int(span.table.readFunction.rawValue), start: span.address, count: span.count,
                                    values: values.map(Int.init)))
    }

    /// Records that the unit refused or did not answer the read of `span`.
    mutating func recordRefusal(of span: ModbusSpan, _ error: ModbusError) {
        var block = CapturedBlock(function: Int(span.table.readFunction.rawValue), start: span.address, count: span.count)
        if case .exception(let e) = error.kind { block.exception = Int(e.rawValue) } else { block.error = error.reason }
        blocks.append(block)
    }

    mutating func fail(_ span: ModbusSpan, _ error: ModbusError) { failures.append((span, error)) }

    mutating func time(_ span: ModbusSpan, _ duration: Duration) { timings.append((span, duration)) }

    /// The raw words of `count` items from `address` (bits as 0/1), or nil when any is missing.
    func words(_ table: ModbusTable, _ address: Int, _ count: Int) -> [UInt16]? {
        // Nearly always one block holds them all and none after it overlaps them: copied at once,
        // not looked up item by item (a panel's zone table is hundreds of items).
        let end = address + count
        if let r = runs.lastIndex(where: { $0.table == table && $0.start <= address && end <= $0.start + $0.words.count }),
           !runs[(r + 1)...].contains(where: { $0.table == table && $0.start < end && address < $0.start + $0.words.count }) {
            return Array(runs[r].words[(address - runs[r].start)..<(end - runs[r].start)])
        }
        var out: [UInt16] = []
        out.reserveCapacity(count)
        for a in address..<(address + count) {
            guard let run = runs.last(where: { $0.table == table && $0.start <= a && a < $0.start + $0.words.count }) else { return nil }
            out.append(run.words[a - run.start])
        }
        return out
    }

    /// The error that explains why `span` is not (wholly) in the image.
    func failure(covering span: ModbusSpan) -> ModbusError? {
        failures.last { $0.span.table == span.table && $0.span.address < span.end && span.address < $0.span.end }?.error
    }

    /// The time of the requests that read any of `spans`, each request counted once (a zone
    /// table's columns are often bits of the same registers: seven columns, one read).
    func duration(of spans: [ModbusSpan]) -> Duration {
        timings.filter { timed in
            spans.contains { $0.table == timed.span.table && timed.span.address < $0.end && $0.address < timed.span.end }
        }.reduce(Duration.zero) { $0 + $1.duration }
    }
}
