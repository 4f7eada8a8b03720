import CheckupCore

/// Why a serial port could not be opened or used; each case names the device.
package enum SerialPortError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    /// No such device node (unplugged adapter, wrong path, simulator not running).
    case noSuchDevice(String)
    /// Another process (or another run) holds the port.
    case busy(String)
    /// The user may not open the device (add them to the `dialout` group).
    case permissionDenied(String)
    /// The path is not a terminal (a regular file, a directory).
    case notATerminal(String)
    /// A speed or framing termios cannot set.
    case unsupportedSettings(String, SerialSettings)
    /// The other end went away (a pty whose master closed, an unplugged USB adapter).
    case hangUp(String)
    /// Any other system call failure: the call and the system's message.
    case system(String, call: String, message: String)

    package var description: String {
        switch self {
        case .noSuchDevice(let p): return "\(p): no such serial device"
        case .busy(let p): return "\(p): port busy (held by another process or run)"
        case .permissionDenied(let p): return "\(p): permission denied (is the user in the 'dialout' group?)"
        case .notATerminal(let p): return "\(p): not a serial port (not a terminal device)"
        case .unsupportedSettings(let p, let s): return "\(p): unsupported line settings \(s) (baud 1200–115200, 7 or 8 data bits, 1 or 2 stop bits)"
        case .hangUp(let p): return "\(p): the line hung up"
        case .system(let p, let call, let message): return "\(p): \(call) failed: \(message)"
        }
    }
}
