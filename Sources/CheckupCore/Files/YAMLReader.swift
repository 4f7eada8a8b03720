import Foundation
package import Yams

/// Collects located errors while reading one YAML file (inventories, profiles, answers files).
package final class Diagnostics {
    package let file: String
    package private(set) var errors: [LocatedError] = []

    package init(file: String) { self.file = file }

    /// No tag rules: each is a regular expression tried on every scalar, keys included (Yams
    /// hashes keys to find duplicates), and even the one for booleans was a tenth of loading an
    /// inventory. Our readers take a scalar's text as they need it: `int` and `float` read the
    /// text, and `Node.flag` knows YAML's booleans.
    static let resolver = Resolver.basic

    package func report(_ message: String, at node: Node?, hint: String? = nil) {
        let mark = node?.mark
        errors.append(LocatedError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, hint: hint))
    }

    /// Parses YAML text into a node tree, turning syntax errors into located errors; `empty`
    /// is the message for a file with no content.
    package func compose(_ text: String, empty: String = "the file is empty") -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text, Self.resolver) else {
                report(empty, at: nil)
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                errors.append(LocatedError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                errors.append(LocatedError(file: file, line: context.mark.line, column: context.mark.column,
                                           message: "duplicate key \(duplicates.joined(separator: ", "))"))
            default:
                report("YAML: \(error)", at: nil)
            }
            return nil
        } catch {
            report("YAML: \(error)", at: nil)
            return nil
        }
    }
}

/// Reads one YAML mapping key by key, reporting wrong types and unknown keys (with did-you-mean)
/// instead of stopping at the first problem.
final class MappingReader {
    let node: Node
    let diagnostics: Diagnostics
    private let pairs: [(key: Node, value: Node)]
    /// Each key's text, read once: a lookup compares strings, not Yams nodes copied for each key.
    private let names: [String?]
    private var used: Set<String> = []

    /// Nil (and an error reported) when `node` is not a mapping.
    init?(_ node: Node, _ diagnostics: Diagnostics, what: String) {
        guard let mapping = node.mapping else {
            diagnostics.report("expected \(what) as a mapping of keys", at: node)
            return nil
        }
        self.node = node
        self.diagnostics = diagnostics
        let pairs = mapping.map { (key: $0.key, value: $0.value) }
        (self.pairs, self.names) = (pairs, pairs.map(\.key.string))
    }

    var keys: [String] { names.compactMap { $0 } }

    /// The value node of `key`, marking the key as known.
    func node(_ key: String) -> Node? {
        used.insert(key)
        return names.firstIndex(of: key).map { pairs[$0].value }
    }

    func has(_ key: String) -> Bool { names.contains(key) }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { diagnostics.report("missing required key '\(key)'", at: node) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.report("'\(key)' must be a text value", at: value)
            return nil
        }
        return scalar.string
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = node(key) else {
            if required { diagnostics.report("missing required key '\(key)'", at: node) }
            return nil
        }
        guard let int = value.int else {
            diagnostics.report("'\(key)' must be a whole number, found '\(value.string ?? "a \(value.kindName)")'", at: value)
            return nil
        }
        return int
    }

    func double(_ key: String) -> Double? {
        guard let value = node(key) else { return nil }
        guard let number = value.int.map(Double.init) ?? value.float, number.isFinite else {
            diagnostics.report("'\(key)' must be a finite number, found '\(value.string ?? "a \(value.kindName)")'", at: value)
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let bool = value.flag else {
            diagnostics.report("'\(key)' must be true or false", at: value)
            return nil
        }
        return bool
    }

    /// `{zh: …, en: …}` or a plain string used for both languages.
    func localized(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let value = node(key) else {
            if required { diagnostics.report("missing required key '\(key)'", at: node) }
            return nil
        }
        return MappingReader.localized(value, diagnostics, key: key)
    }

    static func localized(_ value: Node, _ diagnostics: Diagnostics, key: String) -> LocalizedText? {
        if case .scalar(let scalar) = value { return LocalizedText(scalar.string) }
        guard let reader = MappingReader(value, diagnostics, what: "'\(key)' ({zh: …, en: …})") else { return nil }
        let zh = reader.string("zh"), en = reader.string("en")
        reader.finish(allowed: ["zh", "en"])
        guard zh != nil || en != nil else {
            diagnostics.report("'\(key)' needs a 'zh' or an 'en' text", at: value)
            return nil
        }
        return LocalizedText(zh: zh ?? en ?? "", en: en ?? zh ?? "")
    }

    /// Reports keys that nobody asked for, with the closest allowed key as a hint.
    func finish(allowed extra: [String] = []) {
        let known = Array(used) + extra
        for (pair, name) in zip(pairs, names) {
            guard let key = name else {
                diagnostics.report("keys must be text", at: pair.key)
                continue
            }
            if !known.contains(key) {
                let hint = Suggest.closest(to: key, in: known).map { "did you mean '\($0)'?" }
                diagnostics.report("unknown key '\(key)'", at: pair.key, hint: hint)
            }
        }
    }

    /// The pairs minus the given keys, as a new mapping node (what remains for a probe's address),
    /// tagged with our resolver: Yams' default one compiles seven regular expressions on first use.
    func remainder(excluding keys: Set<String>) -> Node {
        let rest = pairs.indices.filter { !keys.contains(names[$0] ?? "") }.map { pairs[$0] }
        return .mapping(Node.Mapping(rest, Tag(.map, Diagnostics.resolver), .block, node.mark))
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "text"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    /// A boolean by YAML's words (`true`, `False`, `yes`, `OFF`…), as Yams' rule for them
    /// reads; a quoted or `!!str` scalar is text, not a flag.
    package var flag: Bool? {
        guard case .scalar(let scalar) = self, scalar.tag.rawValue != Tag.Name.str.rawValue else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// A scalar's text, or nil.
    var scalarText: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }
}
