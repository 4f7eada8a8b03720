@testable import DeviceSimulators
import Foundation
import Testing

/// The simulators' one pseudo-terminal: both ends close-on-exec, the slave path usable.
struct PseudoTerminalTests {
    @Test(arguments: [false, true])
    func bothEndsAreCloseOnExec(_ nonBlocking: Bool) throws {
        let pty = try PseudoTerminal(nonBlocking: nonBlocking)
        defer { pty.close() }
        #expect(fcntl(pty.master, F_GETFD) & FD_CLOEXEC != 0, "a spawned snmpd or python must not inherit the master")
        #expect(fcntl(pty.slave, F_GETFD) & FD_CLOEXEC != 0)
        #expect((fcntl(pty.master, F_GETFL) & O_NONBLOCK != 0) == nonBlocking)
        #expect(pty.slavePath.hasPrefix("/dev/pts/"))
        // Raw and linked: a byte written on the slave comes out of the master unchanged.
        var byte: UInt8 = 0x0A
        #expect(write(pty.slave, &byte, 1) == 1)
        var pfd = pollfd(fd: pty.master, events: Int16(POLLIN), revents: 0)
        #expect(poll(&pfd, 1, 2000) == 1)
        var got: UInt8 = 0
        #expect(read(pty.master, &got, 1) == 1 && got == 0x0A, "no CR/LF translation")
    }
}
