package import CheckupCore
package import Foundation
import Yams

/// A recorded device: the objects an agent serves for one profile, a healthy state and named
/// faulty variants, each with the verdict expected per check. Lives next to the profile, in
/// `device-profiles/<kind>/fixtures/<profile-id>.yaml`:
///
/// ```yaml
/// profile: hikvision-nvr
/// title: Hikvision DS-7608NI-K2 with two disks
/// sys-descr: Hikvision DS-7608NI-K2
/// sys-object-id: 1.3.6.1.4.1.50001.1.2
/// objects:                                  # scalars, OID: TYPE:VALUE (see SNMPAgentValue)
///   1.3.6.1.4.1.50001.1.221.0: integer:23
/// tables:                                   # tables row by row
///   1.3.6.1.4.1.50001.1.241.1:
///     columns: {volume: 2, status: 3}
///     rows:
///       "1": {volume: "string:HDD1", status: "integer:0"}
/// expect: {disks: pass, cpu: pass}          # check id → status of the healthy device
/// variants:
///   disk-2-smart-failed:
///     title: Disk 2 reports SmartFailed
///     set: {1.3.6.1.4.1.50001.1.241.1.3.2: "integer:3"}
///     expect: {disks: {status: fail, mentions: "disk 2"}}   # merged over the healthy expect
/// ```
package struct SNMPDataset: Sendable, Decodable {
    package var profile: String
    package var title: String?
    package var sysDescr: String?
    package var sysObjectID: String?
    package var objects: [String: String]
    package var tables: [String: Table]
    package var expect: [String: Expectation]
    package var variants: [String: Variant]

    package struct Table: Sendable, Decodable {
        package var columns: [String: UInt]
        package var rows: [String: [String: String]]
    }

    package struct Variant: Sendable, Decodable {
        package var title: String?
        package var set: [String: String]
        package var remove: [String]
        package var expect: [String: Expectation]

        private enum Keys: String, CodingKey { case title, set, remove, expect }
        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            title = try c.decodeIfPresent(String.self, forKey: .title)
            set = try c.decodeIfPresent([String: String].self, forKey: .set) ?? [:]
            remove = try c.decodeIfPresent([String].self, forKey: .remove) ?? []
            expect = try c.decodeIfPresent([String: Expectation].self, forKey: .expect) ?? [:]
        }
    }

    /// The verdict a check should reach: a status, and optionally text its result must mention
    /// (observed value or offending rows), e.g. `disk 2`.
    package struct Expectation: Sendable, Decodable, Hashable {
        package var status: CheckStatus
        package var mentions: String?

        private enum Keys: String, CodingKey { case status, mentions }
        package init(status: CheckStatus, mentions: String? = nil) {
            self.status = status
            self.mentions = mentions
        }
        package init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let status = try? single.decode(CheckStatus.self) {
                self.init(status: status)
                return
            }
            let c = try decoder.container(keyedBy: Keys.self)
            self.init(status: try c.decode(CheckStatus.self, forKey: .status),
                      mentions: try c.decodeIfPresent(String.self, forKey: .mentions))
        }
    }

    private enum Keys: String, CodingKey {
        case profile, title, objects, tables, expect, variants
        case sysDescr = "sys-descr", sysObjectID = "sys-object-id"
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        profile = try c.decode(String.self, forKey: .profile)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        sysDescr = try c.decodeIfPresent(String.self, forKey: .sysDescr)
        sysObjectID = try c.decodeIfPresent(String.self, forKey: .sysObjectID)
        objects = try c.decodeIfPresent([String: String].self, forKey: .objects) ?? [:]
        tables = try c.decodeIfPresent([String: Table].self, forKey: .tables) ?? [:]
        expect = try c.decodeIfPresent([String: Expectation].self, forKey: .expect) ?? [:]
        variants = try c.decodeIfPresent([String: Variant].self, forKey: .variants) ?? [:]
    }

    /// Parses a dataset from YAML text; `source` names the file in errors.
    package init(yaml: String, source: String = "dataset") throws(SNMPAgentError) {
        do {
            self = try YAMLDecoder().decode(SNMPDataset.self, from: yaml)
        } catch {
            throw SNMPAgentError("\(source): \(error)")
        }
    }

    /// Loads `device-profiles/*/fixtures/<profile>.yaml` from the first root that has it.
    package static func load(profile: String, profilesRoot: URL? = nil) throws(SNMPAgentError) -> SNMPDataset {
        let url = try locate(profile: profile, profilesRoot: profilesRoot)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw SNMPAgentError("cannot read \(url.path)")
        }
        return try SNMPDataset(yaml: text, source: url.path)
    }

    /// Where the dataset of `profile` is. Roots tried: `profilesRoot`, `$CHECKUP_PROFILES_DIR`,
    /// `device-profiles/` in the current directory or any parent, then the source checkout.
    package static func locate(profile: String, profilesRoot: URL? = nil) throws(SNMPAgentError) -> URL {
        let fm = FileManager.default
        var roots: [URL] = []
        if let profilesRoot { roots.append(profilesRoot) }
        if let env = ProcessInfo.processInfo.environment["CHECKUP_PROFILES_DIR"] { roots.append(URL(fileURLWithPath: env)) }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<8 {
            roots.append(dir.appendingPathComponent("device-profiles"))
            dir.deleteLastPathComponent()
        }
        // Sources/DeviceSimulators/SNMPAgent/SNMPDataset.swift → package root.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        roots.append(checkout.appendingPathComponent("device-profiles"))
        for root in roots {
            guard let kinds = try? fm.contentsOfDirectory(atPath: root.path) else { continue }
            for kind in kinds.sorted() {
                let candidate = root.appendingPathComponent(kind).appendingPathComponent("fixtures")
                    .appendingPathComponent("\(profile).yaml")
                if fm.fileExists(atPath: candidate.path) { return candidate }
            }
        }
        throw SNMPAgentError("no recorded fixture for profile '\(profile)' (looked for device-profiles/*/fixtures/\(profile).yaml; set CHECKUP_PROFILES_DIR)")
    }

    /// Every dataset under a profiles root, by profile id.
    package static func all(profilesRoot: URL) throws(SNMPAgentError) -> [SNMPDataset] {
        let fm = FileManager.default
        var result: [SNMPDataset] = []
        for kind in ((try? fm.contentsOfDirectory(atPath: profilesRoot.path)) ?? []).sorted() {
            let dir = profilesRoot.appendingPathComponent(kind).appendingPathComponent("fixtures")
            for file in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where file.hasSuffix(".yaml") {
                let url = dir.appendingPathComponent(file)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                guard text.contains("sys-descr:") || text.contains("objects:") else { continue }   // SNMP datasets only
                result.append(try SNMPDataset(yaml: text, source: url.path))
            }
        }
        return result
    }

    /// The objects served for `variant` (nil = healthy), as OID → value, with extra `overrides`
    /// (`--set`) applied last. Unknown variants are an error listing the known ones.
    package func objects(variant: String? = nil, overrides: [String: SNMPAgentValue] = [:]) throws(SNMPAgentError) -> [String: SNMPAgentValue] {
        var result: [String: SNMPAgentValue] = [:]
        for (oid, text) in objects { result[Self.normalise(oid)] = try SNMPAgentValue(parsing: text) }
        for (entry, table) in tables {
            for (index, cells) in table.rows {
                for (column, text) in cells {
                    guard let number = table.columns[column] else {
                        throw SNMPAgentError("\(profile): table \(entry) row \(index): unknown column '\(column)' (columns: \(table.columns.keys.sorted().joined(separator: ", ")))")
                    }
                    result["\(Self.normalise(entry)).\(number).\(index)"] = try SNMPAgentValue(parsing: text)
                }
            }
        }
        if let variant {
            guard let chosen = variants[variant] else {
                throw SNMPAgentError("\(profile): no variant '\(variant)'; known: \(variants.keys.sorted().joined(separator: ", "))")
            }
            for (oid, text) in chosen.set { result[Self.normalise(oid)] = try SNMPAgentValue(parsing: text) }
            for oid in chosen.remove { result[Self.normalise(oid)] = nil }
        }
        for (oid, value) in overrides { result[Self.normalise(oid)] = value }
        return result.filter { $0.value != .absent }
    }

    /// The expected verdict per check for `variant` (nil = healthy).
    package func expectations(variant: String? = nil) -> [String: Expectation] {
        guard let variant, let chosen = variants[variant] else { return expect }
        return expect.merging(chosen.expect) { _, variantOwn in variantOwn }
    }

    static func normalise(_ oid: String) -> String {
        let t = oid.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix(".") ? String(t.dropFirst()) : t
    }
}
