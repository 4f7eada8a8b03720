import Foundation

/// How a profile recognises its devices (`identify:`).
///
/// *Recognisers* say who made the unit: a sysObjectID prefix, a sysDescr pattern, a model
/// pattern. When a profile has any, one must match (as LibreNMS detection rules do). *Objects*
/// tell apart units that share an enterprise number, or have no sysObjectID at all: each must
/// hold (`{oid: 1.3.6.1.4.1.50001.1.100.0, equals: 2}` for a Hikvision NVR).
package struct Identification: Sendable {
    /// sysObjectID prefixes (numeric, no leading dot).
    package var objectIDPrefixes: [String]
    /// Regex on sysDescr.
    package var descriptionPattern: String?
    /// Regex on the model string a probe reports.
    package var modelPattern: String?
    /// Objects read from the unit, each with a test.
    package var objects: [IdentifyingObject] = []

    package init(objectIDPrefixes: [String] = [], descriptionPattern: String? = nil, modelPattern: String? = nil,
                objects: [IdentifyingObject] = []) {
        self.objectIDPrefixes = objectIDPrefixes
        self.descriptionPattern = descriptionPattern
        self.modelPattern = modelPattern
        self.objects = objects
    }

    /// How well `identity` matches: nil for no match, higher is more specific.
    package func score(_ identity: DeviceIdentity) -> Int? { explain(identity).score }

    /// Every rule with its outcome, and the score (nil: not this profile).
    package func explain(_ identity: DeviceIdentity) -> IdentifyVerdict {
        var rules: [IdentifyVerdict.Rule] = []
        if !objectIDPrefixes.isEmpty {
            let rule = "sys-object-id \(objectIDPrefixes.joined(separator: " | "))"
            if let oid = identity.objectID.map(Identification.normalise) {
                let best = objectIDPrefixes.filter { oid == $0 || oid.hasPrefix($0 + ".") }.map(\.count).max()
                rules.append(.init(rule: rule, kind: .recogniser, points: best.map { 100 + $0 },
                                   detail: best == nil ? "sysObjectID \(oid) is under none" : "sysObjectID \(oid)"))
            } else {
                rules.append(.init(rule: rule, kind: .recogniser, points: nil, detail: "the unit has no sysObjectID"))
            }
        }
        for (key, pattern, answer, name) in [("sys-descr", descriptionPattern, identity.description, "sysDescr"),
                                             ("model", modelPattern, identity.model, "model")] {
            guard let pattern else { continue }
            let rule = "\(key) /\(pattern)/"
            guard let text = answer else {
                rules.append(.init(rule: rule, kind: .recogniser, points: nil, detail: "the unit reports no \(name)"))
                continue
            }
            let matched = PatternMatch.matches(pattern, in: text)
            rules.append(.init(rule: rule, kind: .recogniser, points: matched ? 50 : nil,
                               detail: "\(name) '\(text)'" + (matched ? "" : " does not match")))
        }
        for object in objects {
            let answer = identity.objects[object.key]
            let held = object.test.holds(answer)
            let seen = answer.map { $0.isAbsent ? "not answered" : "'\($0.text)'" } ?? "not asked"
            rules.append(.init(rule: "object \(object.key) \(object.test)", kind: .requirement, points: held ? 60 : nil,
                               detail: "\(object.key): \(seen)"))
        }
        let recognisers = rules.filter { $0.kind == .recogniser }
        let requirements = rules.filter { $0.kind == .requirement }
        let recognised = recognisers.isEmpty || recognisers.contains { $0.points != nil }
        let required = requirements.allSatisfy { $0.points != nil }
        let total = rules.compactMap(\.points).reduce(0, +)
        return IdentifyVerdict(score: recognised && required && total > 0 ? total : nil, rules: rules)
    }

    static func normalise(_ oid: String) -> String {
        oid.hasPrefix(".") ? String(oid.dropFirst()) : oid
    }
}

/// One `identify: object:` entry: an address the probe reads, and what its answer must be.
package struct IdentifyingObject: Sendable {
    package enum Test: Sendable, CustomStringConvertible {
        case equals(ExpectedValue)
        case matches(String)
        /// `present: true` — the unit answers it; `present: false` — it does not.
        case present(Bool)

        func holds(_ value: Value?) -> Bool {
            if case .error? = value { return false }   // an answer that could not be read proves nothing
            guard let value, !value.isAbsent else {
                if case .present(let wanted) = self { return !wanted }
                return false
            }
            switch self {
            case .present(let wanted): return wanted
            case .equals(let expected): return expected.matches(value)
            case .matches(let pattern): return PatternMatch.matches(pattern, in: value.text)
            }
        }

        package var description: String {
            switch self {
            case .equals(let v): "= \(v)"
            case .matches(let p): "matches /\(p)/"
            case .present(let p): p ? "is answered" : "is not answered"
            }
        }
    }

    /// The probe's address, decoded when the profile was loaded.
    package var address: any Sendable
    /// The address as text (an OID): the key of its answer in `DeviceIdentity.objects`.
    package var key: String
    package var test: Test

    package init(address: any Sendable, key: String, test: Test) {
        self.address = address
        self.key = key
        self.test = test
    }
}

/// Why a profile was, or was not, chosen for a unit (`checkup profile identify`).
package struct IdentifyVerdict: Sendable {
    package struct Rule: Sendable {
        package enum Kind: String, Sendable { case recogniser, requirement }
        /// The rule as the profile writes it: `sys-object-id 1.3.6.1.4.1.50001`.
        package var rule: String
        package var kind: Kind
        /// What the rule adds to the score; nil when it did not match.
        package var points: Int?
        /// What the unit said.
        package var detail: String
        package var matched: Bool { points != nil }
    }
    package var score: Int?
    package var rules: [Rule]
}
