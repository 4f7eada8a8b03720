import Foundation

/// Finds the external programs simulators and tests run (snmpd, python3): PATH first, then the
/// system folders a non-login PATH often lacks (snmpd lives in /usr/sbin).
package enum ExecutableLookup: Sendable {
    /// Searched after PATH.
    package static let systemFolders = ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"]

    /// The path of the executable `name`, or nil when none is installed.
    package static func path(of name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + systemFolders
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
