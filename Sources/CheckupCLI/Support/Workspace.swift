import CheckupCore
import DeviceSimulators
import Foundation

/// What most commands need: the probes, the profiles (embedded plus `--profiles` overrides),
/// and the credentials file.
struct Workspace {
    var registry: ProbeRegistry
    var catalog: ProfileCatalog

    /// Builds the catalog; profile errors are fatal only when `strict` (validation commands).
    init(registry: ProbeRegistry = BuiltInProbes.inUse, profileDirectories: [String] = []) {
        self.registry = registry
        let fromEnvironment = ProcessInfo.processInfo.environment["CHECKUP_PROFILES"]?
            .split(separator: ":").map(String.init) ?? []
        let embedded = EmbeddedProfiles.files.filter { Workspace.isProfilePath($0.path) }
        let user = FileManager.default.fileExists(atPath: Self.defaultUserProfiles) ? [Self.defaultUserProfiles] : []
        catalog = ProfileCatalog(registry: registry, embedded: embedded,
                                 directories: user + fromEnvironment + profileDirectories)
    }

    /// Where the user's own profiles live (`sync --from` brings the office's there):
    /// `~/.config/checkup/profiles`, read by every command when it exists.
    static var defaultUserProfiles: String {
        (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.config/checkup/profiles"
    }

    /// Profile files, not fixtures or schema.
    static func isProfilePath(_ path: String) -> Bool {
        (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
            && !path.split(separator: "/").contains { $0 == "fixtures" || $0 == "schema" }
    }

    /// Embedded fixture files by relative path (`cameras/fixtures/hikvision-camera.yaml`).
    static func embeddedFile(_ relativePath: String) -> String? {
        EmbeddedProfiles.files.first { $0.path == relativePath }?.text
    }

    /// The recorded SNMP fixture of `profile` embedded at build time (`*/fixtures/ID.yaml`), nil
    /// when this build has none.
    static func embeddedSNMPDataset(_ profile: String) throws(SNMPAgentError) -> SNMPDataset? {
        guard let file = EmbeddedProfiles.files.first(where: { $0.path.hasSuffix("fixtures/\(profile).yaml") }) else { return nil }
        return try SNMPDataset(yaml: file.text, source: "embedded:\(file.path)")
    }

    func profile(_ id: String) throws -> Profile {
        if let profile = catalog[id] { return profile }
        if let first = catalog.problems(of: id).first {
            throw CheckupError("profile '\(id)' does not load: \(first)")
        }
        let hint = Suggest.closest(to: id, in: catalog.ids).map { " (did you mean '\($0)'?)" } ?? ""
        throw CheckupError("unknown profile '\(id)'\(hint); `checkup profile list` shows the \(catalog.ids.count) known ones")
    }

    /// The probe for a profile, checked against the endpoint's scheme.
    func probe(for profile: Profile, endpoint: Endpoint) throws -> AnyProbe {
        guard let probe = registry.probe(forProtocol: profile.protocolName) else {
            throw CheckupError("no probe for protocol '\(profile.protocolName)' is built into this checkup")
        }
        guard probe.schemes.contains(endpoint.scheme) else {
            throw CheckupError("profile '\(profile.id)' speaks \(profile.protocolName) (\(probe.schemes.joined(separator: ", "))), but the endpoint is \(endpoint.scheme)://")
        }
        return probe
    }

    static func loadCredentials(_ path: String?) throws -> CredentialsFile {
        try CredentialsFile.load(path: path ?? CredentialsFile.defaultPath, required: path != nil)
    }
}
