import Foundation

/// All profiles a run can use: those embedded in the binary at build time, overridden by
/// directories (`--profiles DIR`, `CHECKUP_PROFILES=DIR:DIR`) so a vendor file can be tried
/// without rebuilding.
///
/// A profile is parsed the first time it is asked for: `checkup probe` needs one profile, and
/// parsing every embedded one took half of its start-up. `profiles`, `sorted` and `errors`
/// parse them all (`profile list`, `profile validate`, identification).
package final class ProfileCatalog: Sendable {
    /// One file that defines a profile id (its file name); later sources override earlier ones.
    private struct Source: Sendable {
        var origin: String
        var text: String?
    }

    private struct Loaded: Sendable {
        var profile: Profile?
        var errors: [LocatedError]
    }

    private let loader: ProfileLoader?
    private let sources: [String: [Source]]
    private let loaded = Locked<[String: Loaded]>([:])

    package init() {
        loader = nil
        sources = [:]
    }

    /// Finds embedded profile texts (`(relative path, YAML)`) and every directory's files, in order.
    package init(registry: ProbeRegistry, embedded: [(path: String, text: String)], directories: [String] = []) {
        var sources: [String: [Source]] = [:]
        for (path, text) in embedded {
            sources[Self.stem(path), default: []].append(Source(origin: "embedded:\(path)", text: text))
        }
        for directory in directories {
            for path in ProfileCatalog.profileFiles(in: directory) {
                sources[Self.stem(path), default: []].append(Source(origin: path, text: nil))
            }
        }
        self.sources = sources
        loader = ProfileLoader(registry: registry)
    }

    private static func stem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The last source of `id` that loads; the errors of those above it that did not.
    private func load(_ id: String) -> Loaded {
        if let done = loaded.withLock({ $0[id] }) { return done }
        var result = Loaded(profile: nil, errors: [])
        for source in (sources[id] ?? []).reversed() {
            guard let loader else { break }
            do {
                if let text = source.text {
                    result.profile = try loader.load(text: text, origin: source.origin, expectedID: id)
                } else {
                    result.profile = try loader.load(path: source.origin)
                }
                break
            } catch {
                result.errors += error.errors
            }
        }
        return loaded.withLock { cache in
            if let first = cache[id] { return first }  // another thread loaded it meanwhile
            cache[id] = result
            return result
        }
    }

    package subscript(id: String) -> Profile? { load(id).profile }
    /// Why `id` did not load (or why an override of it did not), as `file:line:col` errors.
    package func problems(of id: String) -> [LocatedError] { load(id).errors }
    /// Every profile id a file defines, loaded or not.
    package var ids: [String] { sources.keys.sorted() }
    package var profiles: [String: Profile] {
        Dictionary(uniqueKeysWithValues: ids.compactMap { id in self[id].map { (id, $0) } })
    }
    package var sorted: [Profile] { ids.compactMap { self[$0] } }
    /// Problems found in any file; a catalog with errors still serves the good profiles.
    package var errors: [LocatedError] { ids.flatMap(problems(of:)) }

    /// Profile YAML files below `directory`, skipping `schema/` and `fixtures/` folders.
    package static func profileFiles(in directory: String) -> [String] {
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
    package func match(_ identity: DeviceIdentity, protocolName: String) -> Profile? {
        sorted.filter { $0.protocolName == protocolName }
            .compactMap { p in p.identify?.score(identity).map { (p, $0) } }
            .max { $0.1 < $1.1 }?.0
    }
}
