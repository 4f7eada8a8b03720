import CheckupCore
import Foundation

/// `profile new --from-capture FILE`: the points and `identify:` of a new profile, from what a
/// capture holds — SNMP scalars with their types, Modbus blocks, Pelco-D queries that were
/// answered. Candidate checks accept what was captured; the author tightens them.
struct ProfileFromCapture {
    var capture: Capture
    var file: String

    static func load(_ file: String) throws -> ProfileFromCapture {
        guard let data = FileManager.default.contents(atPath: file) else { throw CheckupError("cannot read \(file)") }
        do { return ProfileFromCapture(capture: try Capture.decode(data), file: file) } catch let error as CaptureFormatError {
            throw CheckupError("\(file): \(error)")
        } catch {
            throw CheckupError("\(file) is not a capture file: \(error)")
        }
    }

    /// The `identify:` section, or nil when the capture says nothing about the device.
    var identify: String? {
        var lines: [String] = []
        if let oid = capture.identity?.objectID, !oid.isEmpty {
            lines.append("  sys-object-id: [\(oid.hasPrefix(".") ? String(oid.dropFirst()) : oid)]")
        }
        if let descr = capture.identity?.description, !descr.isEmpty, capture.protocolName == "snmp" {
            lines.append("  sys-descr: \(Self.quoted("^" + NSRegularExpression.escapedPattern(for: descr)))")
        }
        if let model = capture.identity?.model, !model.isEmpty {
            lines.append("  model: \(Self.quoted("^" + NSRegularExpression.escapedPattern(for: model)))")
        }
        return lines.isEmpty ? nil : "identify:\n" + lines.joined(separator: "\n")
    }

    /// `points:` and `checks:`, one candidate check per point.
    func pointsAndChecks() throws -> String {
        var points: [String] = [], checks: [String] = [], notes: [String] = []
        switch capture.protocolName {
        case "snmp": snmp(&points, &checks, &notes)
        case "modbus": modbus(&points, &checks, &notes)
        case "pelco": pelco(&points, &checks, &notes)
        default: throw CheckupError("\(file): cannot scaffold protocol '\(capture.protocolName)' (snmp, modbus, pelco)")
        }
        guard !points.isEmpty else {
            throw CheckupError("\(file) holds no answered object to make a point of\(capture.unreachable.map { " (the device was unreachable: \($0))" } ?? "")")
        }
        return (notes.map { "# \($0)" } + ["points:"] + points + ["", "checks:"] + checks).joined(separator: "\n")
    }

    private func snmp(_ points: inout [String], _ checks: inout [String], _ notes: inout [String]) {
        var cells = 0
        for object in capture.wire.snmpObjects where !object.isException {
            guard object.oid.hasSuffix(".0") else { cells += 1; continue }
            let id = "oid-" + object.oid.split(separator: ".").suffix(3).joined(separator: "-")
            let shown = object.encoding == "hex" ? "hex \(object.value ?? "")" : (object.value ?? "")
            var point = ["  \(id):                 # \(object.type) \(Self.comment(shown))", "    oid: \(object.oid)"]
            var condition = "regex: \".\""
            switch object.type {
            case "Integer": condition = "equals: \(object.value ?? "0")"
            case "Gauge32", "Counter32", "Counter64": condition = "range: \"0:\""
            case "TimeTicks": point += ["    scale: 0.01", "    unit: s"]; condition = "range: \"0:\""
            default: break
            }
            points += point
            checks += ["  - id: \(id)", "    title: {zh: \(id), en: \(id)}", "    point: \(id)", "    \(condition)"]
        }
        if cells > 0 { notes.append("\(cells) table cells captured: add table points for them (device-profiles/README.md)") }
    }

    private func modbus(_ points: inout [String], _ checks: inout [String], _ notes: inout [String]) {
        let tables = [1: "coil", 2: "discrete-input", 3: "holding", 4: "input"]
        for block in capture.wire.modbusBlocks {
            guard let table = tables[block.function], let values = block.values else {
                notes.append("FC\(block.function) \(Self.hex(block.start)) ×\(block.count) was refused (\(block.exception.map { "exception \($0)" } ?? block.error ?? "no reply")): no point")
                continue
            }
            let id = "\(table)-\(String(format: "%04x", block.start))"
            let bits = block.function <= 2
            var point = ["  \(id):                 # FC\(String(format: "%02X", block.function)) read \(values.prefix(16).map(String.init).joined(separator: " "))\(values.count > 16 ? " …" : "")",
                         "    table: \(table)", "    address: \(Self.hex(block.start))"]
            var check = ["  - id: \(id)", "    title: {zh: \(id), en: \(id)}", "    point: \(id)"]
            if block.count == 1 {
                check.append(bits ? "    equals: \(values[0] != 0)" : "    equals: \(values[0])")
            } else {
                point.append("    count: \(block.count)")
                // Fault and alarm bits are clear on a healthy unit: the candidate is "no bit set".
                check += bits ? ["    rows: none", "    column: value", "    equals: true"]
                              : ["    column: value", "    count: \"0:\""]
            }
            points += point
            checks += check
        }
    }

    private func pelco(_ points: inout [String], _ checks: inout [String], _ notes: inout [String]) {
        let queries: [UInt8: String] = [0x51: "pan", 0x53: "tilt", 0x55: "zoom", 0x61: "magnification", 0x45: "part-number"]
        var seen: [String] = []
        for frame in capture.wire.pelcoFrames where frame.reply != nil {
            let bytes = frame.query.split(separator: " ").compactMap { UInt8($0, radix: 16) }
            guard bytes.count == 7, let name = queries[bytes[3]], !seen.contains(name) else { continue }
            seen.append(name)
            points += ["  \(name):", "    query: \(name)"]
            checks += ["  - id: \(name)", "    title: {zh: \(name), en: \(name)}", "    point: \(name)",
                       name == "part-number" ? "    regex: \".\"" : "    range: \"0:\""]
        }
        guard !seen.isEmpty else { return }
        points += ["  reply-time:", "    query: reply-time", "    unit: ms"]
        checks += ["  - id: reply-time", "    title: {zh: 应答时间, en: Reply time}", "    point: reply-time",
                   "    warning: \"~:200\"", "    critical: \"~:1000\""]
    }

    static func hex(_ n: Int) -> String { String(format: "0x%04X", n) }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Captured text on one comment line, cut short.
    static func comment(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }
}
