import Foundation
import Yams

/// Reads the condition keys of one check (`equals`, `range`, `map`, …).
struct ConditionReader {
    let reader: MappingReader
    let diagnostics: Diagnostics

    func read() -> [Condition] {
        var conditions: [Condition] = []
        if let node = reader.node("equals") { expected(node).map { conditions.append(.equals($0)) } }
        if let node = reader.node("not-equals") { expected(node).map { conditions.append(.notEquals($0)) } }
        if let node = reader.node("in") {
            if case .sequence(let items) = node, !items.isEmpty { conditions.append(.oneOf(items.compactMap(expected))) }
            else { diagnostics.report("'in' must be a non-empty list of values", at: node) }
        }
        if let range = range("range") { conditions.append(.range(range)) }
        let warning = range("warning"), critical = range("critical")
        if warning != nil || critical != nil { conditions.append(.thresholds(warning: warning, critical: critical)) }
        if let pattern = reader.string("regex") {
            if !PatternMatch.isValid(pattern) {
                diagnostics.report("'regex' is not a valid regular expression", at: reader.node("regex"))
            } else {
                conditions.append(.regex(pattern))
            }
        }
        if let node = reader.node("map") { enumMap(node, key: "map", defaultStatus: .pass).map { conditions.append(.map($0)) } }
        if let node = reader.node("bits") { enumMap(node, key: "bits", defaultStatus: .fail).map { conditions.append(.bits($0, activeLow: false)) } }
        if let node = reader.node("bits-clear") { enumMap(node, key: "bits-clear", defaultStatus: .fail).map { conditions.append(.bits($0, activeLow: true)) } }
        if let node = reader.node("clock") {
            if let r = MappingReader(node, diagnostics, what: "'clock' ({warning: S, critical: S})") {
                let w = r.double("warning"), c = r.double("critical")
                r.finish()
                if w == nil && c == nil { diagnostics.report("'clock' needs 'warning' or 'critical' seconds", at: node) }
                conditions.append(.clock(warning: w, critical: c))
            }
        }
        return conditions
    }

    private func range(_ key: String) -> NagiosRange? {
        guard let node = reader.node(key) else { return nil }
        guard let text = node.scalarText else {
            diagnostics.report("'\(key)' must be a range like ~:80 or 10:20", at: node)
            return nil
        }
        do { return try NagiosRange(parsing: text) } catch {
            diagnostics.report(error.description, at: node)
            return nil
        }
    }

    func expected(_ node: Node) -> ExpectedValue? {
        guard case .scalar(let scalar) = node else {
            diagnostics.report("expected a single value", at: node)
            return nil
        }
        if scalar.style == .plain {
            if let b = node.flag { return .bool(b) }
            if let i = node.int { return .number(Double(i)) }
            if let f = node.float { return .number(f) }
        }
        return .text(scalar.string)
    }

    private func enumMap(_ node: Node, key: String, defaultStatus: CheckStatus) -> EnumMap? {
        guard let mapping = node.mapping else {
            diagnostics.report("'\(key)' must map values to names, like {0: Normal, 3: {name: SmartFailed, status: fail}}", at: node)
            return nil
        }
        var map = EnumMap(entries: [:], fallback: nil)
        for (keyNode, valueNode) in mapping {
            guard let rawKey = keyNode.scalarText else {
                diagnostics.report("'\(key)' keys must be values", at: keyNode)
                continue
            }
            guard let entry = entry(valueNode, defaultStatus: defaultStatus) else { continue }
            if rawKey == "default" { map.fallback = entry; continue }
            let normalised = keyNode.int.map { String($0) } ?? keyNode.float.map { Value.number($0).text } ?? rawKey
            map.entries[normalised] = entry
        }
        return map
    }

    private func entry(_ node: Node, defaultStatus: CheckStatus) -> EnumMap.Entry? {
        if let name = node.scalarText { return EnumMap.Entry(name: name, status: defaultStatus) }
        guard let r = MappingReader(node, diagnostics, what: "a map entry ({name, zh, status})") else { return nil }
        let name = r.string("name", required: true)
        let zh = r.string("zh")
        var status = defaultStatus
        if let text = r.string("status") {
            if let s = CheckStatus(rawValue: text), [.pass, .warn, .fail, .error].contains(s) { status = s } else {
                let allowed = ["pass", "warn", "fail", "error"]
                let hint = Suggest.closest(to: text, in: allowed).map { "did you mean '\($0)'?" }
                diagnostics.report("'status' must be one of \(allowed.joined(separator: ", ")), found '\(text)'", at: r.node("status"), hint: hint)
            }
        }
        r.finish()
        return name.map { EnumMap.Entry(name: $0, status: status, zh: zh) }
    }
}

/// Turns a probe's `DecodingError` into a located error on the address mapping.
enum AddressErrors {
    static func report(_ error: any Error, point: String, node: Node, protocolName: String, _ d: Diagnostics) {
        guard let decoding = error as? DecodingError else {
            d.report("point '\(point)': \(error)", at: node)
            return
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            let at = locate(context.codingPath, in: node)
            let present = at.mapping?.keys.compactMap(\.scalarText) ?? []
            let hint = Suggest.closest(to: key.stringValue, in: present).map { "found '\($0)': did you mean '\(key.stringValue)'?" }
            d.report("point '\(point)': missing \(protocolName) address key '\(key.stringValue)'", at: at, hint: hint)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = locate(context.codingPath, in: node)
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            d.report("point '\(point)': \(path.isEmpty ? "" : "'\(path)': ")\(context.debugDescription)", at: at)
        @unknown default:
            d.report("point '\(point)': \(decoding)", at: node)
        }
    }

    /// The deepest node along a coding path, for its line and column.
    static func locate(_ path: [any CodingKey], in node: Node) -> Node {
        var current = node
        for key in path {
            if let index = key.intValue, case .sequence(let seq) = current, index < seq.count {
                current = seq[index]
            } else if let next = current.mapping?.first(where: { $0.key.scalarText == key.stringValue }) {
                current = next.value
            } else {
                break
            }
        }
        return current
    }
}
