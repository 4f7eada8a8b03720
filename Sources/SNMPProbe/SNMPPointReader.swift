import CheckupCore
import Foundation

/// Reads one device's points over one session. Blocking: runs on a `BlockingIO` thread.
///
/// Scalars go out together, many varbinds per GET; tables are walked column by column.
/// A timeout or a v3 authentication failure on the first request makes the whole device
/// unreachable; a failure after that marks only the points it concerns as `.error`.
struct SNMPPointReader {
    var configuration: SNMPSessionConfiguration
    var context: ProbeContext
    /// Objects a table walk reads at most; a larger table is reported as cut.
    var tableObjectLimit = 10_000

    func read(_ points: [Point<SNMPAddress>]) -> Readings {
        let clock = ContinuousClock()
        let session: SNMPSession
        do {
            session = try SNMPSession(configuration, detailedTranscript: context.trace)
        } catch {
            return .unreachable(error.description,
                                exchanges: [Exchange(.note, EvidencePhrase.snmpOpen.text("\(configuration)")), Exchange(.note, error.description)])
        }
        var readings = Readings()
        var answeredOnce = false

        // Active points would be SETs; checkup never sends one.
        let passive = points.filter { point in
            guard point.active else { return true }
            readings[point.id] = Reading(.error("SNMP points cannot be active: checkup never sends SET (\(point.address))"),
                                         unit: point.unit, at: context.now())
            return false
        }

        let scalars = passive.compactMap { point -> (Point<SNMPAddress>, SNMPObjectID)? in
            if case .scalar(let oid) = point.address.target { return (point, oid) }
            return nil
        }
        if !scalars.isEmpty {
            let started = clock.now
            do {
                let binds = try session.get(scalars.map(\.1))
                answeredOnce = true
                let duration = clock.now - started
                for (index, (point, oid)) in scalars.enumerated() {
                    let bind = index < binds.count ? binds[index] : SNMPVarBind(oid, .noSuchObject)
                    if context.keepsWire, let object = bind.captured { readings.wire.snmpObjects.append(object) }
                    let value = SNMPValueMapping.value(bind.value, oid: oid, hint: point.address.hint)
                    readings[point.id] = Reading(value, unit: point.unit, at: context.now(), duration: duration,
                                                 evidence: "\(oid) = \(bind.value)")
                }
            } catch {
                if error.meansUnreachable { return .unreachable(error.description, exchanges: session.transcript) }
                for (point, oid) in scalars {
                    readings[point.id] = Reading(.error("GET \(oid): \(error)"), unit: point.unit, at: context.now(),
                                                 duration: clock.now - started)
                }
                answeredOnce = true
            }
        }

        for point in passive {
            guard case .table(let entry, let columns) = point.address.target else { continue }
            let started = clock.now
            do {
                let walked = try session.tableWalk(entry, columns: columns.map(\.number), limit: tableObjectLimit)
                let rows = walked.rows
                answeredOnce = true
                if context.keepsWire { readings.wire.snmpObjects += Self.captured(rows, entry: entry) }
                let cut = walked.limit.map { "walk stopped at the limit of \($0) objects: the table may have more rows" }
                let shape = EvidencePhrase.snmpTable.text("\(entry)", "\(rows.count)", "\(columns.count)")
                var reading = Reading(tableValue(rows, entry: entry, columns: columns, address: point.address), unit: point.unit,
                                      at: context.now(), duration: clock.now - started,
                                      evidence: walked.limit.map { EvidencePhrase.snmpWalkCut.text(shape, "\($0)") } ?? shape)
                reading.caveat = cut
                readings[point.id] = reading
            } catch {
                if !answeredOnce, error.meansUnreachable {
                    return .unreachable(error.description, exchanges: session.transcript)
                }
                readings[point.id] = Reading(.error("table \(entry): \(error)"), unit: point.unit, at: context.now(),
                                             duration: clock.now - started)
            }
        }
        readings.exchanges = session.transcript
        return readings
    }

    /// The cells of a walked table as captured objects, column by column (the agent's order).
    private static func captured(_ rows: [SNMPTableRow], entry: SNMPObjectID) -> [CapturedObject] {
        let columns = Set(rows.flatMap(\.cells.keys)).sorted()
        return columns.flatMap { column in
            rows.compactMap { row in
                row.cells[column].flatMap { SNMPVarBind(entry.appending(column).appending(contentsOf: row.index), $0).captured }
            }
        }
    }

    private func tableValue(_ rows: [SNMPTableRow], entry: SNMPObjectID, columns: [SNMPColumn], address: SNMPAddress) -> Value {
        guard !rows.isEmpty else { return .absent("no rows under \(entry)") }
        let table = rows.map { row in
            var cells: [String: Value] = [:]
            for column in columns {
                let oid = entry.appending(column.number).appending(contentsOf: row.index)
                if let wire = row.cells[column.number] {
                    cells[column.name] = SNMPValueMapping.value(wire, oid: oid, hint: column.hint)
                } else {
                    cells[column.name] = .absent("no \(column.name) at \(oid)")
                }
            }
            for (name, pair) in address.percentages {
                if let part = cells[pair[0]]?.numeric, let whole = cells[pair[1]]?.numeric {
                    // A size of 0 (an empty slot, a NAS volume not mounted) has no ratio: the row
                    // does not report one, which is not a fault.
                    cells[name] = whole > 0 ? .number((part / whole * 1000).rounded() / 10)
                                            : .absent("\(name): \(pair[1]) is 0 in row \(row.indexText)")
                } else if cells[pair[0]]?.isAbsent != false || cells[pair[1]]?.isAbsent != false {
                    cells[name] = .absent("\(name): the unit does not answer \(pair[0]) or \(pair[1]) in row \(row.indexText)")
                } else {
                    cells[name] = .error("\(name): no numeric \(pair[0]) and \(pair[1]) in row \(row.indexText)")
                }
            }
            return TableRow(index: row.indexText, cells: cells)
        }
        let kept = table.filter { row in
            address.rowFilter.allSatisfy { column, wanted in
                guard let cell = row.cells[column] else { return false }
                return cell.text == wanted || cell.text == OIDText.strippedDot(wanted)
            }
        }
        if kept.isEmpty, !address.rowFilter.isEmpty {
            return .absent("no rows under \(entry) where " + address.rowFilter.map { "\($0.key) = \($0.value)" }.sorted().joined(separator: ", "))
        }
        return .table(kept)
    }
}

extension SNMPObjectID {
    func appending(contentsOf more: [UInt]) -> SNMPObjectID { SNMPObjectID(arcs + more) }
}

/// Small text helpers for row filters.
enum OIDText {
    /// `.1.3.6` → `1.3.6`, so `where:` matches OIDs written with or without the leading dot.
    static func strippedDot(_ text: String) -> String { text.hasPrefix(".") ? String(text.dropFirst()) : text }
}
