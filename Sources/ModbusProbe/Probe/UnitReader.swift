import CheckupCore
import Foundation

/// Reads one unit's points over one connection, synchronously, on a blocking-I/O thread.
///
/// Rules: a unit that does not answer its first request is unreachable — one timeout, then it
/// is left alone, so it never hides the other units of the bus. A unit that has answered gets
/// `retries` re-reads of a request that times out. A gateway answering exception 0A/0B to the
/// first request speaks for a dead unit behind it: unreachable too. An exception fails only the points that
/// request covered (a merged request is re-read point by point first, so one hole in a map
/// does not blank its neighbours).
struct UnitReader {
    let connection: ModbusConnection
    let context: ProbeContext

    func read(_ points: [Point<ModbusAddress>]) -> Readings {
        let client: ModbusClient
        do {
            client = try ModbusClient(connection, responseTimeout: context.timeoutSeconds)
        } catch {
            return .unreachable(error.description)
        }
        do {
            try client.connect()
        } catch {
            return .unreachable(error.description, exchanges: client.exchanges)
        }
        defer { client.close() }

        var writeErrors: [String: ModbusError] = [:]
        var answered = false
        for point in points {
            guard let value = point.address.write, let permit = WritePermit(point: point, context: context) else { continue }
            do {
                if point.address.field.table == .coil {
                    try client.writeCoil(point.address.field.address, value != 0, permit: permit)
                } else {
                    try client.writeRegister(point.address.field.address, UInt16(truncatingIfNeeded: value), permit: permit)
                }
                answered = true
            } catch {
                if !answered && (error.kind == .timeout || error.kind == .io) {
                    return .unreachable(unreachableReason(error), exchanges: client.exchanges)
                }
                writeErrors[point.id] = error
            }
        }

        let spans = points.flatMap(\.address.spans)
        var image = RegisterImage()
        var stoppedAfter: ModbusError?
        for request in ReadPlan(spans: spans).requests {
            if let stoppedAfter {
                image.fail(request, ModbusError(.timeout, function: request.table.readFunction, address: request.address,
                                                count: request.count, device: connection.label,
                                                reason: "not sent: the unit stopped answering (\(stoppedAfter.request ?? "earlier request"))"))
                continue
            }
            let outcome = perform(request, with: client, answeredBefore: answered, into: &image)
            switch outcome {
            case .answered: answered = true
            case .unreachable(let error): return .unreachable(unreachableReason(error), exchanges: client.exchanges)
            case .silent(let error): stoppedAfter = error
            case .failed(let error):
                answered = answered || error.kind != .timeout
                if case .exception(.illegalDataAddress) = error.kind, spans.filter({ overlaps($0, request) }).count > 1 {
                    rereadOneByOne(request, spans: spans, with: client, into: &image)
                } else {
                    image.fail(request, error)
                }
            }
        }

        var readings = Readings(exchanges: client.exchanges, wire: WireLog(modbusBlocks: image.blocks))
        let at = context.now()
        for point in points {
            if let error = writeErrors[point.id] {
                readings[point.id] = Reading(.error(error.description), unit: point.unit, at: at, evidence: error.request)
                continue
            }
            readings[point.id] = PointDecoder(image: image).reading(of: point, at: at)
        }
        return readings
    }

    enum Outcome {
        case answered
        /// First request without a reply: the unit is dead.
        case unreachable(ModbusError)
        /// A unit that answered before stopped answering, even after re-reads.
        case silent(ModbusError)
        /// The unit answered something unusable (exception, bad reply, wrong unit).
        case failed(ModbusError)
    }

    private func perform(_ request: ModbusSpan, with client: ModbusClient, answeredBefore: Bool,
                         into image: inout RegisterImage) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        defer { image.time(request, clock.now - start) }
        var attempt = 0
        while true {
            do {
                if request.table.holdsBits {
                    image.store(bits: try client.readBits(request.table, address: request.address, count: request.count), at: request)
                } else {
                    image.store(registers: try client.readRegisters(request.table, address: request.address, count: request.count), at: request)
                }
                return .answered
            } catch {
                let silent = error.kind == .timeout || error.kind == .io
                if silent && !answeredBefore { return .unreachable(error) }
                // A gateway saying its target does not answer is a dead unit behind it.
                if !answeredBefore, case .exception(let e) = error.kind,
                   e == .gatewayTargetFailedToRespond || e == .gatewayPathUnavailable { return .unreachable(error) }
                if silent && attempt < context.retries { attempt += 1; continue }
                image.recordRefusal(of: request, error)
                if silent { image.fail(request, error); return .silent(error) }
                return .failed(error)
            }
        }
    }

    /// Re-reads the points' runs inside a merged request one at a time, after an exception.
    private func rereadOneByOne(_ request: ModbusSpan, spans: [ModbusSpan], with client: ModbusClient, into image: inout RegisterImage) {
        let parts = Set(spans.filter { overlaps($0, request) }.map { span in
            let start = max(span.address, request.address), end = min(span.end, request.end)
            return ModbusSpan(table: request.table, address: start, count: end - start)
        })
        for part in parts.sorted(by: { $0.address < $1.address }) {
            switch perform(part, with: client, answeredBefore: true, into: &image) {
            case .answered: break
            case .failed(let error), .silent(let error), .unreachable(let error): image.fail(part, error)
            }
        }
    }

    private func overlaps(_ a: ModbusSpan, _ b: ModbusSpan) -> Bool {
        a.table == b.table && a.address < b.end && b.address < a.end
    }

    private func unreachableReason(_ error: ModbusError) -> String {
        switch error.kind {
        case .timeout:
            return "\(connection.label): no reply from unit \(connection.unit) within \(Int((ModbusClient.bounded(context.timeoutSeconds, within: 0.001...3600) * 1000).rounded())) ms"
        case .exception(let e):
            return "\(connection.label): the gateway answers for unit \(connection.unit): \(e) (exception \(String(format: "%02X", e.rawValue)))"
        default:
            return error.description
        }
    }
}
