public import Foundation

/// Finds the recorded fixtures of a protocol's profiles by walking `device-profiles/`: every
/// `<kind>/fixtures/<id>.yaml` next to a `<kind>/<id>.yaml` that says `protocol: <name>`. A new
/// profile with its fixture is tested by the parameterized fixture tests with no Swift edited.
public enum FixtureDiscovery: Sendable {
    /// The repository's device-profiles/ folder, from a source file's path (`#filePath`).
    public static func profilesRoot(from sourceFile: String) -> URL {
        var url = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("device-profiles")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("schema").path) { return candidate }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "device-profiles")
    }

    /// One profile and its fixture.
    public struct Fixture: Sendable, CustomStringConvertible {
        public var id: String
        public var profilePath: String
        public var fixturePath: String
        public var description: String { id }
    }

    /// The fixtures of the profiles speaking `protocolName`, by profile id.
    public static func fixtures(protocol protocolName: String, root: URL) -> [Fixture] {
        let fm = FileManager.default
        var found: [Fixture] = []
        for kind in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let folder = root.appendingPathComponent(kind)
            let fixtures = folder.appendingPathComponent("fixtures")
            for file in ((try? fm.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted() where file.hasSuffix(".yaml") {
                let id = String(file.dropLast(5))
                let profile = folder.appendingPathComponent(file)
                guard let text = try? String(contentsOf: profile, encoding: .utf8),
                      text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "protocol: \(protocolName)" })
                else { continue }
                found.append(Fixture(id: id, profilePath: profile.path, fixturePath: fixtures.appendingPathComponent(file).path))
            }
        }
        return found
    }
}
