import Foundation
import Yams

/// The credentials file: secrets per entry name, refused when group- or world-readable.
///
/// ```yaml
/// nvr-main:
///   community: s3cret
/// cameras-v3:
///   auth-passphrase: …
///   priv-passphrase: …
/// "postgres://checkup@office.example:5432/records":   # an office store, or checkup@office.example
///   password: …
/// ```
/// Errors name the file, the line and the key, never a value.
package struct CredentialsFile: Sendable {
    package var entries: [String: Credentials]

    package init(entries: [String: Credentials] = [:]) { self.entries = entries }

    /// The default location: `$CHECKUP_CREDENTIALS` or `~/.config/checkup/credentials.yaml`.
    package static var defaultPath: String {
        if let path = ProcessInfo.processInfo.environment["CHECKUP_CREDENTIALS"] { return path }
        return NSHomeDirectory() + "/.config/checkup/credentials.yaml"
    }

    /// Loads `path`; a missing file at the default path is an empty set of credentials.
    package static func load(path: String, required: Bool) throws(FileErrors) -> CredentialsFile {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw FileErrors([LocatedError(file: path, line: 1, column: 1, message: "credentials file not found")]) }
            return CredentialsFile()
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            throw FileErrors([LocatedError(file: path, line: 1, column: 1,
                                           message: "credentials file is readable by group or others (mode \(String(info.st_mode & 0o777, radix: 8)))",
                                           hint: "chmod 600 \(path)")])
        }
        // The position of a bad byte is safe to show; the bytes themselves are not.
        let text = try UTF8Text.read(path: path, what: "credentials file")
        let d = Diagnostics(file: path)
        guard let root = d.compose(text), let top = MappingReader(root, d, what: "credentials (entry name → secrets)") else {
            throw FileErrors(d.errors.map { LocatedError(file: $0.file, line: $0.line, column: $0.column, message: "YAML syntax error") })
        }
        var entries: [String: Credentials] = [:]
        for name in top.keys {
            guard let node = top.node(name), let r = MappingReader(node, d, what: "entry '\(name)'") else { continue }
            entries[name] = Credentials(community: r.string("community").map(Secret.init),
                                        authPassphrase: r.string("auth-passphrase").map(Secret.init),
                                        privPassphrase: r.string("priv-passphrase").map(Secret.init),
                                        password: r.string("password").map(Secret.init))
            r.finish()
        }
        if !d.errors.isEmpty { throw FileErrors(d.errors) }
        return CredentialsFile(entries: entries)
    }

    /// The secrets of a device: its named entry, then the URL, then the environment.
    package func credentials(for device: Device, environment: Credentials = .fromEnvironment()) throws(EndpointError) -> Credentials {
        var result = Credentials(community: device.endpoint.community)
        if let name = device.credentials {
            guard let entry = entries[name] else {
                throw EndpointError("device '\(device.id)' names credentials '\(name)', which the credentials file does not have")
            }
            result = entry.filling(from: result)
        }
        return result.filling(from: environment)
    }
}
