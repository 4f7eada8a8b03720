import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe

/// The profile `profile new --from-walk` writes: `identify:` from the recording's sysObjectID
/// and sysDescr, one candidate point per vendor object (scalars typed from their values,
/// tables with their columns), and starter checks, the guesses among them commented out.
struct ProfileScaffold {
    var id: String
    var vendor: String
    var family: String
    var kind: DeviceKind
    var recording: SNMPRecording
    var recordingPath: String

    /// At most this many scalar and table points: a full walk can hold thousands of objects.
    static let maxScalars = 40, maxTables = 12
    static let enterprises: SNMPObjectID = "1.3.6.1.4.1"
    /// net-snmp's own agent objects (NET-SNMP-AGENT-MIB): about the agent, not the device.
    static let agentInternals: SNMPObjectID = "1.3.6.1.4.1.8072"

    var yaml: String {
        let candidates = SNMPRecordingLayout.candidates(recording.objects.filter { !$0.oid.isInside(Self.agentInternals) },
                                                        under: Self.enterprises)
        let scalars = candidates.compactMap { if case .scalar(let b) = $0 { b } else { nil } }
        let tables = candidates.filter { if case .table = $0 { true } else { false } }
        let section = ProfileTemplates.section(kind)
        var lines = [
            "# \(id): \(vendor) \(family), scaffolded by `checkup profile new --from-walk \(Self.comment(recordingPath))`.",
            "# Format: device-profiles/README.md. Every point is a candidate read from the recording: keep",
            "# those that matter, give them titles, and turn the starter checks (TODO) into limits taken",
            "# from the vendor's MIB. Then: checkup profile validate FILE; checkup profile test \(id) --replay FILE.walk",
            "schema: 1",
            "id: \(id)",
            "protocol: snmp",
            "kind: \(kind.rawValue)",
            "title: {zh: \(kind.title.zh), en: \(Self.quoted("\(vendor.capitalized) \(family)"))}",
            "vendor: \(Self.quoted(vendor.capitalized))",
            "source: \(Self.quoted("recorded from \(URL(fileURLWithPath: recordingPath).lastPathComponent); fill in: the MIB the points come from"))",
        ]
        lines += identify
        lines += ["record:", "  section: \(section.rawValue)", "  item: {zh: \(kind.title.zh), en: \(kind.title.en)}", "", "points:"]
        var checks: [String] = []
        if case .timeTicks(let ticks)? = recording[MIB2.sysUpTime] {
            lines += ["  uptime:                      # sysUpTime, TimeTicks (1/100 s) → seconds; recorded \(ticks / 100) s",
                      "    oid: \(MIB2.sysUpTime)", "    scale: 0.01", "    unit: s"]
            checks += ["  - id: uptime", "    title: {zh: 运行时间, en: Uptime}", "    point: uptime",
                       "    range: \"86400:\"            # warn when restarted in the last 24 h", "    severity: warn"]
        }
        for bind in scalars.prefix(Self.maxScalars) {
            let (point, check) = scalar(bind)
            lines += point
            checks += check
        }
        for case .table(let entry, let columns, let rows, let cells) in tables.prefix(Self.maxTables) {
            let (point, check) = table(entry: entry, columns: columns, rows: rows, cells: cells)
            lines += point
            checks += check
        }
        let leftOut = max(0, scalars.count - Self.maxScalars) + max(0, tables.count - Self.maxTables)
        if leftOut > 0 { lines.append("  # \(leftOut) more candidates under \(Self.enterprises) left out: see the recording") }
        if scalars.isEmpty && tables.isEmpty { lines.append("  # the recording holds no vendor objects (under \(Self.enterprises))") }
        if !checks.contains(where: { $0.hasPrefix("  - id:") }) {
            let (point, check) = answersCheck(scalar: scalars.first, table: tables.first)
            lines += point
            checks = check + checks
        }
        return (lines + ["", "checks:"] + checks).joined(separator: "\n") + "\n"
    }

    // MARK: identify

    private var identify: [String] {
        var lines: [String] = []
        if let oid = recording.sysObjectID, oid.arcs.count > 6 {
            lines.append("  sys-object-id: [\(oid)]   # this unit's sysObjectID; shorten it to the family's prefix to match its siblings")
        }
        if let descr = recording.sysDescr, !descr.isEmpty {
            let firstLine = descr.split(whereSeparator: \.isNewline).first.map(String.init) ?? descr
            let anchoredEnd = firstLine == descr ? "$" : ""
            let pattern = "^" + NSRegularExpression.escapedPattern(for: firstLine) + anchoredEnd
            lines.append("  sys-descr: \(Self.singleQuoted(pattern))   # this unit's exact sysDescr: loosen it (firmware versions change)")
        }
        guard !lines.isEmpty else {
            return ["# No identify: the recording has neither sysObjectID nor sysDescr; sites name this profile."]
        }
        return ["identify:"] + lines
    }

    // MARK: points

    private func pointID(_ oid: SNMPObjectID, table: Bool) -> String {
        var arcs = Array(oid.arcs.dropFirst(Self.enterprises.arcs.count))
        if !table, arcs.count > 1, arcs.last == 0 { arcs.removeLast() }
        return (table ? "table-e" : "e") + arcs.map(String.init).joined(separator: "-")
    }

    private func scalar(_ bind: SNMPVarBind) -> (point: [String], check: [String]) {
        let id = pointID(bind.oid, table: false)
        let kind = Self.kind(of: bind.value)
        var point = ["  \(id):".padding(toLength: 32, withPad: " ", startingAt: 0) + "# \(kind.description): \(Self.sample(bind.value))",
                     "    oid: \(bind.oid)"]
        if kind == .bytes { point.append("    as: hex") }
        let condition: String
        switch kind {
        case .number: condition = "range: \"0:\"          # TODO: the vendor's limits, e.g. warning: \"~:80\""
        case .numberWithUnit: condition = "warning: \"~:80\"       # TODO: the leading number is judged; the vendor's limit"
        case .text, .bytes: condition = "regex: \".\"           # TODO: the values that are healthy"
        }
        let check = ["  # - id: \(id)                 # TODO: keep, give a title, and set a real condition",
                     "  #   title: {zh: \(id), en: \(id)}", "  #   point: \(id)", "  #   \(condition)"]
        return (point, check)
    }

    private func table(entry: SNMPObjectID, columns: [UInt], rows: [[UInt]], cells: [SNMPVarBind]) -> (point: [String], check: [String]) {
        let id = pointID(entry, table: true)
        let rowList = rows.prefix(4).map { $0.map(String.init).joined(separator: ".") }.joined(separator: ", ") + (rows.count > 4 ? ", …" : "")
        var point = ["  \(id):".padding(toLength: 32, withPad: " ", startingAt: 0) + "# table: \(rows.count) row\(rows.count == 1 ? "" : "s") (\(rowList))",
                     "    table: \(entry)",
                     "    columns: {" + columns.map { "c\($0): \($0)" }.joined(separator: ", ") + "}"]
        for column in columns {
            let first = cells.first { $0.oid.arcs[entry.arcs.count] == column }
            if let first { point.append("    #   c\(column): \(Self.kind(of: first.value).description), e.g. \(Self.sample(first.value))") }
        }
        let column = columns.first.map { "c\($0)" } ?? "c1"
        let check = ["  # - id: \(id)           # TODO: the status column and its healthy values, from the MIB",
                     "  #   title: {zh: \(id), en: \(id)}", "  #   point: \(id)", "  #   rows: every", "  #   column: \(column)",
                     "  #   label: \"row {index}\"", "  #   map: {1: ok, 2: {name: failed, status: fail}}"]
        return (point, check)
    }

    /// With no uptime and nothing uncommented, one real check keeps the profile valid: the unit
    /// answers a vendor object, a vendor table, or at least sysDescr.
    private func answersCheck(scalar: SNMPVarBind?, table: SNMPRecordingLayout.Candidate?) -> (point: [String], check: [String]) {
        let head = ["  - id: answers", "    title: {zh: 设备应答, en: Unit answers}"]
        if let scalar {
            let condition = Self.kind(of: scalar.value) == .number ? "range: \"~:\"" : "regex: \"\""
            return ([], head + ["    point: \(pointID(scalar.oid, table: false))", "    \(condition)"])
        }
        if case .table(let entry, _, _, _)? = table {
            return ([], head + ["    point: \(pointID(entry, table: true))", "    min-rows: 1"])
        }
        return (["  description:                 # sysDescr", "    oid: \(MIB2.sysDescr)"],
                head + ["    point: description", "    regex: \"\""])
    }

    // MARK: value kinds

    enum ValueKind: CustomStringConvertible {
        case number, numberWithUnit, text, bytes
        var description: String {
            switch self {
            case .number: "number"
            case .numberWithUnit: "text with a number (the leading number is judged)"
            case .text: "text"
            case .bytes: "bytes"
            }
        }
    }

    static func kind(of value: SNMPValue) -> ValueKind {
        switch value {
        case .integer, .gauge, .counter32, .counter64, .timeTicks: return .number
        case .octets(let bytes):
            guard let text = SNMPValue.printableText(bytes) else { return .bytes }
            return text.range(of: #"^\s*-?[0-9]+(\.[0-9]+)?\s*[A-Za-z%]+"#, options: .regularExpression) != nil ? .numberWithUnit : .text
        case .opaque: return .bytes
        default: return .text
        }
    }

    /// A value as a one-line comment: quoted text, at most 40 characters.
    static func sample(_ value: SNMPValue) -> String {
        switch value {
        case .octets(let bytes):
            guard let text = SNMPValue.printableText(bytes) else { return "\(bytes.count) bytes" }
            let line = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            return "\"" + (line.count > 40 ? String(line.prefix(40)) + "…" : line) + "\""
        case .integer(let n): return "\(n)"
        case .gauge(let n), .counter32(let n), .counter64(let n), .timeTicks(let n): return "\(n)"
        case .objectID(let oid): return oid.description
        case .ipAddress(let bytes): return bytes.map(String.init).joined(separator: ".")
        default: return value.description
        }
    }

    static func comment(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A YAML single-quoted scalar: backslashes stay as they are, which suits regular expressions.
    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
