#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair: the simulator holds the master, probes open the slave like a serial port.
///
/// The simulator also keeps one descriptor on the slave, in raw mode, so nothing is echoed
/// before a probe opens it and the master never sees a hang-up between probe runs.
final class PseudoTerminal: Sendable {
    let master: Int32
    let slave: Int32
    let slavePath: String

    init() throws(PTZSimulatorError) {
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard m >= 0 else { throw .system("open /dev/ptmx", errno) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(m, Self.setLock, &unlock) == 0, ioctl(m, Self.getNumber, &number) == 0 else {
            let e = errno; _ = Glibc.close(m); throw .system("ioctl(TIOCSPTLCK/TIOCGPTN)", e)
        }
        let path = "/dev/pts/\(number)"
        let s = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard s >= 0 else { let e = errno; _ = Glibc.close(m); throw .system("open \(path)", e) }
        var tio = termios()
        if tcgetattr(s, &tio) == 0 {
            cfmakeraw(&tio)
            _ = tcsetattr(s, TCSANOW, &tio)
        }
        let flags = fcntl(m, F_GETFL)
        _ = fcntl(m, F_SETFL, flags | O_NONBLOCK)
        master = m
        slave = s
        slavePath = path
    }

    /// `TIOCSPTLCK` and `TIOCGPTN` (`_IOW/_IOR('T', 0x31/0x30, int)`): function-like macros
    /// Swift cannot import; their values are the Linux asm-generic ABI (x86_64, arm64).
    static let setLock = UInt(0x4004_5431)
    static let getNumber = UInt(0x8004_5430)

    func close() {
        _ = Glibc.close(master)
        _ = Glibc.close(slave)
    }
}

/// Why the simulator could not start.
public enum PTZSimulatorError: Error, Sendable, CustomStringConvertible {
    case system(String, Int32)
    case alreadyRunning
    case link(String, String)

    public var description: String {
        switch self {
        case .system(let call, let e): return "\(call) failed: \(String(cString: strerror(e)))"
        case .alreadyRunning: return "the simulator is already running"
        case .link(let path, let why): return "cannot create the link \(path): \(why)"
        }
    }
}
