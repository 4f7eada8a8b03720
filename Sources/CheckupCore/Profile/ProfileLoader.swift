import Foundation
import Yams

/// Reads profile YAML into `Profile`s, reporting every problem of a file as `path:line:col`.
package struct ProfileLoader: Sendable {
    package let registry: ProbeRegistry

    package init(registry: ProbeRegistry) { self.registry = registry }

    static let sharedPointKeys: Set<String> = ["title", "unit", "scale", "offset", "active", "alternatives", "invalid"]
    static let profileKeys = ["schema", "id", "protocol", "kind", "title", "vendor", "source", "identify", "record", "points", "checks", "notes"]

    /// Loads one profile file. `expectedID` (the file name) must match the profile's `id`.
    package func load(path: String) throws(FileErrors) -> Profile {
        let text = try UTF8Text.read(path: path, what: "profile")
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try load(text: text, origin: path, expectedID: stem)
    }

    package func load(text: String, origin: String, expectedID: String? = nil) throws(FileErrors) -> Profile {
        let diagnostics = Diagnostics(file: origin)
        let profile = diagnostics.compose(text).flatMap { read($0, diagnostics, origin: origin, expectedID: expectedID) }
        if let profile, diagnostics.errors.isEmpty { return profile }
        throw FileErrors(diagnostics.errors)
    }

    private func read(_ root: Node, _ d: Diagnostics, origin: String, expectedID: String?) -> Profile? {
        guard let top = MappingReader(root, d, what: "a profile") else { return nil }
        if let schema = top.int("schema", required: true), schema != Profile.supportedSchema {
            d.report("unsupported schema \(schema); this checkup reads schema \(Profile.supportedSchema)", at: top.node("schema"))
        }
        let id = top.string("id", required: true) ?? ""
        if let expectedID, !id.isEmpty, id != expectedID {
            d.report("profile id '\(id)' differs from its file name '\(expectedID).yaml'", at: top.node("id"))
        }
        let protocolName = top.string("protocol", required: true) ?? ""
        let probe = registry.probe(forProtocol: protocolName)
        if !protocolName.isEmpty, probe == nil {
            let hint = Suggest.closest(to: protocolName, in: registry.protocolNames).map { "did you mean '\($0)'?" }
            d.report("unknown protocol '\(protocolName)'; known: \(registry.protocolNames.joined(separator: ", "))", at: top.node("protocol"), hint: hint)
        }
        var kind: DeviceKind?
        if let text = top.string("kind") {
            kind = DeviceKind(rawValue: text)
            if kind == nil { reportEnum("kind", text, DeviceKind.allCases.map(\.rawValue), at: top.node("kind"), d) }
        }
        let title = top.localized("title", required: true) ?? LocalizedText(id)
        let vendor = top.string("vendor"), source = top.string("source")
        _ = top.node("notes")
        let identify = top.node("identify").flatMap { readIdentify($0, probe, d) }
        let record = top.node("record").flatMap { readRecord($0, d) }

        var points: [PointSpec] = []
        if let node = top.node("points") {
            if let mapping = MappingReader(node, d, what: "'points'") {
                for key in mapping.keys {
                    guard let pointNode = mapping.node(key) else { continue }
                    if points.contains(where: { $0.id == key }) { continue }
                    if let point = readPoint(key, pointNode, probe, d) { points.append(point) }
                }
            }
        }
        var checks: [CheckSpec] = []
        if let node = top.node("checks") {
            if case .sequence(let sequence) = node {
                for item in sequence {
                    if let check = readCheck(item, points: points, profileRecord: record, d) {
                        if checks.contains(where: { $0.id == check.id }) {
                            d.report("duplicate check id '\(check.id)'", at: item)
                        }
                        checks.append(check)
                    }
                }
            } else {
                d.report("'checks' must be a list", at: node)
            }
        } else {
            d.report("missing required key 'checks'", at: root)
        }
        top.finish(allowed: Self.profileKeys)
        return Profile(id: id, protocolName: protocolName, kind: kind, title: title, vendor: vendor, source: source,
                       identify: identify, record: record, points: points, checks: checks, origin: origin)
    }

    private func readIdentify(_ node: Node, _ probe: AnyProbe?, _ d: Diagnostics) -> Identification? {
        guard let r = MappingReader(node, d, what: "'identify'") else { return nil }
        var prefixes: [String] = []
        if let oids = r.node("sys-object-id") {
            let items: [Node] = oids.sequence.map(Array.init) ?? [oids]
            for item in items {
                guard let text = item.scalarText, Self.isNumericOID(text) else {
                    d.report("sys-object-id entries must be numeric OIDs like 1.3.6.1.4.1.50001", at: item)
                    continue
                }
                prefixes.append(Identification.normalise(text))
            }
        }
        let descr = r.string("sys-descr"), model = r.string("model")
        for (key, pattern) in [("sys-descr", descr), ("model", model)] {
            if let pattern, !PatternMatch.isValid(pattern) {
                d.report("'\(key)' is not a valid regular expression", at: r.node(key))
            }
        }
        var objects: [IdentifyingObject] = []
        if let node = r.node("object") {
            let items: [Node] = node.sequence.map(Array.init) ?? [node]
            for item in items { if let object = readIdentifyingObject(item, probe, d) { objects.append(object) } }
        }
        r.finish()
        return Identification(objectIDPrefixes: prefixes, descriptionPattern: descr, modelPattern: model, objects: objects)
    }

    static let identifyTests = ["equals", "matches", "present"]

    /// `{oid: 1.3.6.1.4.1.50001.1.100.0, equals: 2}`: the address keys go to the probe, like a point's.
    private func readIdentifyingObject(_ node: Node, _ probe: AnyProbe?, _ d: Diagnostics) -> IdentifyingObject? {
        guard let r = MappingReader(node, d, what: "an identify object") else { return nil }
        let tests = Self.identifyTests.filter(r.has)
        guard tests.count == 1, let name = tests.first, let value = r.node(name) else {
            d.report("an identify object needs exactly one of equals:, matches:, present:", at: node)
            return nil
        }
        var test: IdentifyingObject.Test
        switch name {
        case "equals":
            guard let expected = ConditionReader(reader: r, diagnostics: d).expected(value) else { return nil }
            test = .equals(expected)
        case "matches":
            guard let pattern = value.scalarText, PatternMatch.isValid(pattern) else {
                d.report("'matches' is not a valid regular expression", at: value)
                return nil
            }
            test = .matches(pattern)
        default:
            guard let present = value.flag else {
                d.report("'present' is true or false", at: value)
                return nil
            }
            test = .present(present)
        }
        guard let probe else { return nil }
        let rest = r.remainder(excluding: Set(Self.identifyTests))
        guard let address = decodeAddress(rest, point: "identify object", probe, d) else { return nil }
        return IdentifyingObject(address: address, key: String(describing: address), test: test)
    }

    static func isNumericOID(_ text: String) -> Bool {
        let body = text.hasPrefix(".") ? text.dropFirst() : Substring(text)
        return !body.isEmpty && body.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    func readRecord(_ node: Node, _ d: Diagnostics) -> RecordMapping? {
        guard let r = MappingReader(node, d, what: "'record'") else { return nil }
        let sectionText = r.string("section", required: true)
        let item = r.localized("item", required: true)
        r.finish()
        guard let sectionText else { return nil }
        guard let section = RecordSection(rawValue: sectionText) else {
            reportEnum("section", sectionText, RecordSection.allCases.map(\.rawValue), at: r.node("section"), d)
            return nil
        }
        guard let item else { return nil }
        return RecordMapping(section: section, item: item)
    }

    private func readPoint(_ id: String, _ node: Node, _ probe: AnyProbe?, _ d: Diagnostics) -> PointSpec? {
        guard let r = MappingReader(node, d, what: "point '\(id)'") else { return nil }
        let title = r.localized("title"), unit = r.string("unit")
        let scale = r.double("scale"), offset = r.double("offset")
        let active = r.bool("active") ?? false
        let invalid = readNumbers(r.node("invalid"), key: "invalid", d)
        let location = "\(d.file):\(node.mark?.line ?? 1)"
        guard let probe else { return nil }
        let rest = r.remainder(excluding: Self.sharedPointKeys)
        guard let address = decodeAddress(rest, point: id, probe, d) else { return nil }
        var point = PointSpec(id: id, title: title, unit: unit, scale: scale, offset: offset, active: active,
                              address: address, location: location)
        point.invalid = invalid
        if let list = r.node("alternatives") {
            guard case .sequence(let items) = list, !items.isEmpty else {
                d.report("point '\(id)': 'alternatives' must be a list of addresses, tried in order when the unit lacks the one before", at: list)
                return point
            }
            for item in items {
                guard case .mapping(let overrides) = item else {
                    d.report("point '\(id)': each alternative is a mapping of address keys, e.g. {oid: 1.3.6.1.4.1.…}", at: item)
                    continue
                }
                // An alternative changes only the keys it names (`{oid: …}` keeps `as: date`).
                guard case .mapping(let base) = rest else { continue }
                let named = Set(overrides.keys.compactMap(\.string))
                let merged = base.filter { !named.contains($0.key.string ?? "") }.map { ($0.key, $0.value) } + overrides.map { ($0.key, $0.value) }
                let alternative = Node.mapping(Node.Mapping(merged, Tag(.map, Diagnostics.resolver), .block, item.mark))
                if let decoded = decodeAddress(alternative, point: id, probe, d) { point.alternatives.append(decoded) }
            }
        }
        return point
    }

    private func decodeAddress(_ node: Node, point id: String, _ probe: AnyProbe, _ d: Diagnostics) -> (any Sendable)? {
        do {
            let address = try probe.decode(node)
            if let problem = probe.validate(address) { d.report("point '\(id)': \(problem)", at: node) }
            return address
        } catch {
            AddressErrors.report(error, point: id, node: node, protocolName: probe.protocolName, d)
            return nil
        }
    }

    /// A number or a list of numbers (`invalid: 0x8000` or `invalid: [-32768, 32767]`).
    private func readNumbers(_ node: Node?, key: String, _ d: Diagnostics) -> [Double] {
        guard let node else { return [] }
        let items: [Node] = node.sequence.map(Array.init) ?? [node]
        return items.compactMap { item in
            if let i = item.int { return Double(i) }
            if let f = item.float { return f }
            d.report("'\(key)' takes numbers (raw readings that mean no value), found '\(item.scalarText ?? item.kindName)'", at: item)
            return nil
        }
    }

    static let checkKeys = ["id", "title", "point", "severity", "absent", "active", "record", "manual", "rows", "count", "column",
                            "label", "row-titles", "min-rows", "equals", "not-equals", "in", "range", "warning", "critical", "regex", "map",
                            "bits", "bits-clear", "clock", "note", "skip-rows"]

    private func readCheck(_ node: Node, points: [PointSpec], profileRecord: RecordMapping?, _ d: Diagnostics) -> CheckSpec? {
        guard let r = MappingReader(node, d, what: "a check") else { return nil }
        let id = r.string("id", required: true) ?? "?"
        let title = r.localized("title", required: true) ?? LocalizedText(id)
        let manual = r.localized("manual")
        let pointID = r.string("point")
        var point: PointSpec?
        if let pointID {
            point = points.first { $0.id == pointID }
            if point == nil {
                let hint = Suggest.closest(to: pointID, in: points.map(\.id)).map { "did you mean '\($0)'?" }
                d.report("check '\(id)' names unknown point '\(pointID)'", at: r.node("point"), hint: hint)
            }
        } else if manual == nil {
            d.report("check '\(id)' needs a 'point' to judge, or 'manual' for a row a person fills", at: node)
        }
        var severity = CheckStatus.fail
        if let text = r.string("severity") {
            switch text {
            case "warn", "warning": severity = .warn
            case "fail", "critical": severity = .fail
            default: reportEnum("severity", text, ["warn", "fail"], at: r.node("severity"), d)
            }
        }
        let (absent, absentInstruction) = readAbsent(r.node("absent"), d)
        let active = (r.bool("active") ?? false) || (point?.active ?? false)
        let record = r.node("record").flatMap { readRecord($0, d) } ?? profileRecord
        if record == nil {
            d.report("check '\(id)' has no record mapping and the profile has no default 'record'", at: node)
        }
        _ = r.node("note")
        let conditions = ConditionReader(reader: r, diagnostics: d).read()
        let table = readTable(r, d)
        if pointID != nil, manual == nil, conditions.isEmpty, table?.count == nil, table?.minRows == nil {
            d.report("check '\(id)' has no condition (equals, in, range, warning/critical, regex, map, bits, clock…)", at: node)
        }
        r.finish(allowed: Self.checkKeys)
        return CheckSpec(id: id, title: title, point: pointID, conditions: conditions, severity: severity, absent: absent,
                         absentInstruction: absentInstruction, active: active, table: table, manual: manual, record: record,
                         location: "\(d.file):\(node.mark?.line ?? 1)")
    }

    /// `absent: POLICY`, or `absent: {manual: {zh: …, en: …}}` with what the person should do.
    private func readAbsent(_ node: Node?, _ d: Diagnostics) -> (AbsentPolicy, LocalizedText?) {
        guard let node else { return (.unsupported, nil) }
        let allowed = AbsentPolicy.allCases.map(\.rawValue)
        if let text = node.scalarText {
            if let policy = AbsentPolicy(text: text) { return (policy, nil) }
            reportEnum("absent", text, allowed, at: node, d)
            return (.unsupported, nil)
        }
        guard case .mapping(let mapping) = node, mapping.count == 1, let (key, value) = mapping.first.map({ ($0.key, $0.value) }),
              key.string == AbsentPolicy.manual.rawValue else {
            d.report("'absent' must be one of \(allowed.joined(separator: ", ")), or {manual: {zh: …, en: …}} with what to look at", at: node)
            return (.unsupported, nil)
        }
        return (.manual, MappingReader.localized(value, d, key: "absent.manual"))
    }

    private func readTable(_ r: MappingReader, _ d: Diagnostics) -> TableRule? {
        guard ["rows", "count", "column", "label", "row-titles", "min-rows", "skip-rows"].contains(where: r.has) else { return nil }
        var rule = TableRule()
        if let text = r.string("rows") {
            rule.rows = TableRule.Quantifier(rawValue: text)
            if rule.rows == nil {
                // Words people write for the quantifiers: edit distance would answer 'all' with 'any'.
                let meant = Self.quantifierSynonyms[text.lowercased()]
                reportEnum("rows", text, TableRule.Quantifier.allCases.map(\.rawValue), at: r.node("rows"), d,
                           hint: meant.map { "did you mean '\($0.rawValue)'?" })
            }
        }
        if let text = r.string("count") {
            do { rule.count = try NagiosRange(parsing: text) } catch { d.report(error.description, at: r.node("count")) }
        }
        rule.column = r.string("column")
        rule.label = r.localized("label")
        if let titles = r.node("row-titles") {
            if let map = titles.mapping {
                for (key, value) in map {
                    guard let index = key.string, let title = MappingReader.localized(value, d, key: "row-titles") else { continue }
                    rule.rowTitles[index] = title
                }
            } else {
                d.report("'row-titles' must map row indexes to {zh, en} names", at: titles)
            }
        }
        rule.minRows = r.int("min-rows")
        if let node = r.node("skip-rows") {
            if let skip = MappingReader(node, d, what: "'skip-rows'") {
                let reader = ConditionReader(reader: skip, diagnostics: d)
                for column in skip.keys {
                    guard let value = skip.node(column) else { continue }
                    let items: [Node] = value.sequence.map(Array.init) ?? [value]
                    rule.skipRows[column] = items.compactMap { reader.expected($0) }
                }
            }
        }
        if rule.rows == nil && rule.count == nil { rule.rows = .every }
        return rule
    }

    static let quantifierSynonyms: [String: TableRule.Quantifier] = [
        "all": .every, "each": .every, "every-row": .every, "some": .any, "one": .any, "no": .none, "never": .none,
    ]

    func reportEnum(_ key: String, _ value: String, _ allowed: [String], at node: Node?, _ d: Diagnostics, hint: String? = nil) {
        let hint = hint ?? Suggest.closest(to: value, in: allowed).map { "did you mean '\($0)'?" }
        d.report("'\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(value)'", at: node, hint: hint)
    }
}
