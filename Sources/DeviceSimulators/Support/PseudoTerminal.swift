import CPseudoTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pseudo-terminal pair standing in for an RS-485 line: the simulator holds the master,
/// probes open the slave path like any serial port. The one pty opener of the simulators
/// (alarm host on Modbus RTU, PTZ decoders on Pelco).
///
/// Both descriptors are close-on-exec, so an snmpd or python peer spawned meanwhile does not
/// keep the line open. The simulator also keeps one descriptor on the slave, in raw mode, so
/// nothing is echoed before a probe opens it and the master never sees a hang-up between
/// probe runs.
final class PseudoTerminal: Sendable {
    let master: Int32
    let slave: Int32
    let slavePath: String

    /// Opens the pair; `nonBlocking` puts both descriptors in O_NONBLOCK (for poll-driven loops).
    init(nonBlocking: Bool = false) throws(SimulatorError) {
        var name = [CChar](repeating: 0, count: 128)
        let m = CPseudoTerminal_open(&name, name.count)
        guard m >= 0 else { throw SimulatorError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let s = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC | (nonBlocking ? O_NONBLOCK : 0))
        guard s >= 0 else {
            let why = String(cString: strerror(errno))
            _ = Glibc.close(m)
            throw SimulatorError("cannot open \(path): \(why)")
        }
        // Raw, no echo: an echoing pty would hand the simulator's own replies back as requests.
        var tio = termios()
        if tcgetattr(s, &tio) == 0 {
            cfmakeraw(&tio)
            _ = tcsetattr(s, TCSANOW, &tio)
        }
        if nonBlocking {
            _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)
        }
        master = m
        slave = s
        slavePath = path
    }

    func close() {
        _ = Glibc.close(master)
        _ = Glibc.close(slave)
    }
}
