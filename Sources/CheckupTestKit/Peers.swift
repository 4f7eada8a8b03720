import DeviceSimulators

/// Finding the real peers tests run against. A missing peer is a test failure with the command
/// that installs it, never a skip. Free ports: `DeviceSimulators.FreePort`.
public enum Peers: Sendable {
    /// The path of an executable in PATH or the usual system folders, or nil.
    public static func which(_ name: String) -> String? { ExecutableLookup.path(of: name) }
}
