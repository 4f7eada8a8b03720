import CheckupCore
import Foundation
import Yams

/// A profile's recorded device in readings form (`device-profiles/<kind>/fixtures/<id>.yaml`,
/// `cases:`): what the device answered and the verdict expected of every check. The Modbus and
/// Pelco fixtures use it; SNMP fixtures are served by snmpd instead (SNMPDataset).
///
/// ```yaml
/// profile: elmo-modbus
/// cases:
///   - name: mains fault
///     allow-active: false                      # optional
///     readings:
///       mains-fault: {value: true, evidence: "FC02 0x0100 ×1 → 1"}
///       zones: {table: {rows: 8, columns: [alarm], set: {alarm: [5]}}}
///       pan: {error: "checksum mismatch"}      # or {absent: "illegal data address"}
///     unreachable: "…"                         # instead of readings
///     expect: {mains: fail, battery: pass}
///     offending: {zones-alarm: [zone 5]}       # optional
/// ```
public struct RecordedCase: Sendable {
    public var name: String
    public var allowActive: Bool
    public var readings: Readings
    public var expect: [String: CheckStatus]
    public var offending: [String: [String]]

    /// The cases of the fixture at `path`, which must name `profile`.
    public static func load(path: String, profile: String) throws -> [RecordedCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let top = try Yams.load(yaml: text) as? [String: Any] else { throw PeerError("\(path): not a mapping") }
        guard top["profile"] as? String == profile else { throw PeerError("\(path): fixture of another profile") }
        guard let cases = top["cases"] as? [[String: Any]] else { throw PeerError("\(path): no cases") }
        return try cases.map { c in
            let name = c["name"] as? String ?? "?"
            var readings = Readings()
            readings.unreachable = c["unreachable"] as? String
            for (point, raw) in (c["readings"] as? [String: Any]) ?? [:] {
                guard let map = raw as? [String: Any] else { throw PeerError("\(path) / \(name): reading \(point) must be a mapping") }
                readings[point] = Reading(try value(map, point: point), unit: map["unit"] as? String, evidence: map["evidence"] as? String)
            }
            let expect = try ((c["expect"] as? [String: String]) ?? [:]).mapValues { text in
                guard let status = CheckStatus(rawValue: text) else { throw PeerError("\(path) / \(name): unknown status \(text)") }
                return status
            }
            return RecordedCase(name: name, allowActive: c["allow-active"] as? Bool ?? false, readings: readings,
                                expect: expect, offending: (c["offending"] as? [String: [String]]) ?? [:])
        }
    }

    /// The profile's verdicts on this case.
    public func judge(_ profile: Profile) -> [CheckResult] {
        Evaluator(allowActive: allowActive).evaluate(profile, readings: readings, device: name)
    }

    static func value(_ map: [String: Any], point: String) throws -> Value {
        if let e = map["error"] as? String { return .error(e) }
        if let a = map["absent"] as? String { return .absent(a) }
        if let t = map["table"] as? [String: Any] { return try table(t) }
        guard let raw = map["value"] else { throw PeerError("reading \(point) needs value, table, error or absent") }
        return scalar(raw)
    }

    static func scalar(_ any: Any) -> Value {
        if let b = any as? Bool { return .bool(b) }
        if let i = any as? Int { return .integer(Int64(i)) }
        if let d = any as? Double { return .number(d) }
        return .text("\(any)")
    }

    /// `{rows: N | [names], columns: [..], set: {column: [rows]}, values: {column: {row: n}}}`
    static func table(_ spec: [String: Any]) throws -> Value {
        let names: [String]
        if let count = spec["rows"] as? Int { names = (1...max(count, 1)).map(String.init) }
        else if let list = spec["rows"] as? [Any] { names = list.map { "\($0)" } }
        else { throw PeerError("a table needs rows: N or a list of row names") }
        guard let columns = spec["columns"] as? [String] else { throw PeerError("a table needs columns") }
        let set = (spec["set"] as? [String: [Any]]) ?? [:]
        var values: [String: [Int: Int]] = [:]
        for (column, byRow) in (spec["values"] as? [String: Any]) ?? [:] {
            guard let rows = byRow as? [AnyHashable: Any] else { throw PeerError("values of \(column) must map rows to numbers") }
            values[column] = Dictionary(uniqueKeysWithValues: rows.compactMap { key, value in
                Int("\(key)").flatMap { k in (value as? Int).map { (k, $0) } }
            })
        }
        return .table(names.map { name in
            var cells: [String: Value] = [:]
            for column in columns {
                if let byRow = values[column] {
                    cells[column] = .integer(Int64(Int(name).flatMap { byRow[$0] } ?? 0))
                } else {
                    cells[column] = .bool(set[column]?.contains { "\($0)" == name } ?? false)
                }
            }
            return TableRow(index: name, cells: cells)
        })
    }
}
