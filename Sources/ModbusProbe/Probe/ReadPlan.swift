/// The read requests for a set of points: contiguous or overlapping runs of one table merged
/// into one request, then cut at the protocol limits (2000 bits, 125 registers).
///
/// Pure, so it is tested without a device. Gaps are never bridged: reading an address the
/// profile did not name could hit a hole in the device's map and fail the whole request.
package struct ReadPlan: Sendable, Hashable {
    package var requests: [ModbusSpan]

    package init(spans: [ModbusSpan]) {
        var requests: [ModbusSpan] = []
        for table in ModbusTable.allCases {
            let sorted = spans.filter { $0.table == table && $0.count > 0 }.sorted { ($0.address, $0.count) < ($1.address, $1.count) }
            var merged: [ModbusSpan] = []
            for span in sorted {
                if let last = merged.last, span.address <= last.end {
                    merged[merged.count - 1].count = max(last.end, span.end) - last.address
                } else {
                    merged.append(span)
                }
            }
            for run in merged {
                for chunk in ModbusClient.chunks(address: run.address, count: run.count, limit: table.maxReadCount) {
                    requests.append(ModbusSpan(table: table, address: chunk.address, count: chunk.count))
                }
            }
        }
        self.requests = requests
    }
}
