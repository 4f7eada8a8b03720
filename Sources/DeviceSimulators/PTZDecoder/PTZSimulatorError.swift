#if canImport(Glibc)
import CheckupCore
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the PTZ decoder simulator could not start.
package enum PTZSimulatorError: UserFacingError, Sendable, CustomStringConvertible {
    case system(String, Int32)
    case alreadyRunning
    case link(String, String)
    case pseudoTerminal(String)

    package var description: String {
        switch self {
        case .system(let call, let e): return "\(call) failed: \(String(cString: strerror(e)))"
        case .alreadyRunning: return "the simulator is already running"
        case .link(let path, let why): return "cannot create the link \(path): \(why)"
        case .pseudoTerminal(let why): return why
        }
    }
}
