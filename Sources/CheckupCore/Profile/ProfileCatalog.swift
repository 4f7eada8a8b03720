import Foundation

/// All profiles a run can use: those embedded in the binary at build time, overridden by
/// directories (`--profiles DIR`, `CHECKUP_PROFILES=DIR:DIR`) so a vendor file can be tried
/// without rebuilding.
public struct ProfileCatalog: Sendable {
    public private(set) var profiles: [String: Profile] = [:]
    /// Problems found while loading; a catalog with errors still serves the good profiles.
    public private(set) var errors: [LocatedError] = []

    public init() {}

    /// Loads embedded profile texts (`(relative path, YAML)`), then every directory in order.
    public init(registry: ProbeRegistry, embedded: [(path: String, text: String)], directories: [String] = []) {
        let loader = ProfileLoader(registry: registry)
        for (path, text) in embedded {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            add { () throws(FileErrors) in try loader.load(text: text, origin: "embedded:\(path)", expectedID: stem) }
        }
        for directory in directories {
            for path in ProfileCatalog.profileFiles(in: directory) {
                add { () throws(FileErrors) in try loader.load(path: path) }
            }
        }
    }

    private mutating func add(_ load: () throws(FileErrors) -> Profile) {
        do {
            let profile = try load()
            profiles[profile.id] = profile
        } catch {
            errors += error.errors
        }
    }

    public subscript(id: String) -> Profile? { profiles[id] }
    public var ids: [String] { profiles.keys.sorted() }
    public var sorted: [Profile] { ids.compactMap { profiles[$0] } }

    /// Profile YAML files below `directory`, skipping `schema/` and `fixtures/` folders.
    public static func profileFiles(in directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if ["schema", "fixtures"].contains(name) || name.hasPrefix(".") { walker.skipDescendants(); continue }
            if ["yaml", "yml"].contains(url.pathExtension) { files.append(url.path) }
        }
        return files.sorted()
    }

    /// The best profile for an identified device among those of one protocol.
    public func match(_ identity: DeviceIdentity, protocolName: String) -> Profile? {
        sorted.filter { $0.protocolName == protocolName }
            .compactMap { p in p.identify?.score(identity).map { (p, $0) } }
            .max { $0.1 < $1.1 }?.0
    }
}
