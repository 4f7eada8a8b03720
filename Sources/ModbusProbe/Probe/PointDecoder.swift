import CheckupCore
import Foundation

/// Turns the register image of one device read into one reading per point.
struct PointDecoder {
    let image: RegisterImage

    func reading(of point: Point<ModbusAddress>, at: Date) -> Reading {
        let address = point.address
        let spans = address.spans
        let duration = image.duration(of: spans)
        for span in spans where image.words(span.table, span.address, span.count) == nil {
            let error = image.failure(covering: span)
                ?? ModbusError(.badReply, function: span.table.readFunction, address: span.address, count: span.count,
                               device: "", reason: "not read")
            let evidence = "\(ModbusClient.requestText(span.table.readFunction, span.address, span.count)) → \(error.kind == .timeout ? "no reply" : error.reason)"
            return Reading(value(for: error), unit: point.unit, at: at, duration: duration, evidence: evidence)
        }
        guard let rows = address.count else {
            let field = address.field
            let words = image.words(field.table, field.address, field.width) ?? []
            let value = RawDecoder.decode(registers: words, as: field.type, order: field.order, bit: field.bit)
            let raw = field.table.holdsBits ? words.map(String.init).joined() : ModbusClient.registerText(words)
            return Reading(value, unit: point.unit, at: at, duration: duration,
                           evidence: "\(ModbusClient.requestText(field.table.readFunction, field.address, field.width)) → \(raw)")
        }
        let columns = address.resolvedColumns
        var table: [TableRow] = []
        table.reserveCapacity(rows)
        for row in 0..<rows {
            var cells: [String: Value] = [:]
            for (name, field) in columns {
                let start = field.address + row * field.stride
                let words = image.words(field.table, start, field.width) ?? []
                cells[name] = RawDecoder.decode(registers: words, as: field.type, order: field.order, bit: field.bit)
            }
            table.append(TableRow(index: address.rowIndex(row), cells: cells))
        }
        // Each request once, in address order and wire words: seven columns in the same registers
        // are one read, and a column's id is the profile's word, not the client's language.
        let requests = Set(spans).sorted { ($0.table.readFunction.rawValue, $0.address, $0.count) < ($1.table.readFunction.rawValue, $1.address, $1.count) }
        let reads = requests.map { ModbusClient.requestText($0.table.readFunction, $0.address, $0.count) }.joined(separator: "; ")
        let evidence = EvidencePhrase.modbusRows.text(reads, "\(rows)")
        return Reading(.table(table), unit: point.unit, at: at, duration: duration, evidence: evidence)
    }

    /// Exception 02 means the device has no such point; anything else is an unusable answer.
    private func value(for error: ModbusError) -> Value {
        switch error.kind {
        case .exception(.illegalDataAddress): return .absent(ModbusException.illegalDataAddress.description)
        case .exception(let e): return .error("exception \(String(format: "%02X", e.rawValue)) (\(e)) to \(error.request ?? "request")")
        case .timeout: return .error("no reply to \(error.request ?? "request"): \(error.reason)")
        default: return .error("\(error.reason) (\(error.request ?? "request"))")
        }
    }
}
