import CModbus
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair (the RTU link) standing in for an RS-485 line: the simulator owns the master side,
/// a probe opens the slave path like any serial port.
struct SerialLinkPair {
    let master: Int32
    /// Kept open by the simulator so the master never sees a hang-up between client connections.
    let slave: Int32
    let slavePath: String

    static func open() throws(SimulatorError) -> SerialLinkPair {
        var name = [CChar](repeating: 0, count: 128)
        let master = CModbus_openPseudoTerminal(&name, name.count)
        guard master >= 0 else { throw SimulatorError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = Glibc.open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            Glibc.close(master)
            throw SimulatorError("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        // Raw, no echo: an echoing pty would hand our own replies back to us as requests.
        for fd in [slave, master] {
            var tio = termios()
            if tcgetattr(fd, &tio) == 0 {
                cfmakeraw(&tio)
                tcsetattr(fd, TCSANOW, &tio)
            }
        }
        return SerialLinkPair(master: master, slave: slave, slavePath: path)
    }

    func close() {
        Glibc.close(master)
        Glibc.close(slave)
    }
}
