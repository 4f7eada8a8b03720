#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A serial port in raw mode, opened exclusively, with reads bounded by a deadline.
///
/// Every method blocks: call them from `BlockingIO` or a dedicated thread, never from the
/// cooperative pool. One thread at a time per port (the bus lock guarantees that); the class is
/// `@unchecked Sendable` only so it can be handed to those threads.
///
/// Exclusive: `TIOCEXCL` refuses further opens by other users, and an `flock` refuses a second
/// open by anyone (root included, other runs of checkup included), so two runs never share a line.
package final class SerialPort: @unchecked Sendable {
    package let path: String
    package let settings: SerialSettings
    private var fd: Int32

    /// Opens `path` in raw mode with `settings`; throws a typed error naming the device.
    package init(path: String, settings: SerialSettings) throws(SerialPortError) {
        self.path = path
        self.settings = settings
        guard let speed = Self.speed(settings.baud), [7, 8].contains(settings.dataBits),
              [1, 2].contains(settings.stopBits) else {
            throw .unsupportedSettings(path, settings)
        }
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Self.openError(path, errno) }
        self.fd = fd
        do throws(SerialPortError) {
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                throw e == EWOULDBLOCK ? .busy(path) : Self.systemError(path, "flock", e)
            }
            var tio = termios()
            if tcgetattr(fd, &tio) != 0 {
                let e = errno
                throw e == ENOTTY || e == EINVAL ? .notATerminal(path) : Self.systemError(path, "tcgetattr", e)
            }
            if ioctl(fd, UInt(TIOCEXCL)) != 0 { throw Self.systemError(path, "ioctl(TIOCEXCL)", errno) }
            cfmakeraw(&tio)
            tio.c_cflag &= ~(tcflag_t(CSIZE) | tcflag_t(PARENB) | tcflag_t(PARODD) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS))
            tio.c_cflag |= tcflag_t(CLOCAL) | tcflag_t(CREAD)
            tio.c_cflag |= tcflag_t(settings.dataBits == 7 ? CS7 : CS8)
            if settings.stopBits == 2 { tio.c_cflag |= tcflag_t(CSTOPB) }
            switch settings.parity {
            case .none: break
            case .even: tio.c_cflag |= tcflag_t(PARENB)
            case .odd: tio.c_cflag |= tcflag_t(PARENB) | tcflag_t(PARODD)
            }
            tio.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY))
            withUnsafeMutableBytes(of: &tio.c_cc) { cc in
                cc[Int(VMIN)] = 0
                cc[Int(VTIME)] = 0
            }
            if cfsetispeed(&tio, speed) != 0 || cfsetospeed(&tio, speed) != 0 {
                throw .unsupportedSettings(path, settings)
            }
            if tcsetattr(fd, TCSANOW, &tio) != 0 { throw Self.systemError(path, "tcsetattr", errno) }
            _ = tcflush(fd, TCIOFLUSH)
        } catch {
            _ = Glibc.close(fd)
            self.fd = -1
            throw error
        }
    }

    deinit { close() }

    /// True until `close()`.
    package var isOpen: Bool { fd >= 0 }

    /// Releases the port (the lock goes with the descriptor).
    package func close() {
        guard fd >= 0 else { return }
        _ = ioctl(fd, UInt(TIOCNXCL))
        _ = Glibc.close(fd)
        fd = -1
    }

    /// Writes every byte, waiting for room in the output buffer.
    package func write(_ bytes: [UInt8]) throws(SerialPortError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            let e = errno
            if n < 0 && (e == EAGAIN || e == EINTR) {
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, 100)
                continue
            }
            throw e == EIO ? .hangUp(path) : Self.systemError(path, "write", e)
        }
    }

    /// Waits until every written byte has left the UART (half duplex: send, drain, then read).
    package func drain() throws(SerialPortError) {
        while tcdrain(fd) != 0 {
            let e = errno
            if e != EINTR { throw Self.systemError(path, "tcdrain", e) }
        }
    }

    package enum Queue: Sendable { case input, output, both }

    /// Discards bytes not yet read (stale replies, noise) and/or not yet sent.
    package func flush(_ queue: Queue = .input) {
        let which: Int32
        switch queue {
        case .input: which = TCIFLUSH
        case .output: which = TCOFLUSH
        case .both: which = TCIOFLUSH
        }
        _ = tcflush(fd, which)
    }

    /// Reads what is available, waiting at most until `deadline`; returns `[]` on timeout.
    package func read(upTo maxCount: Int = 256, until deadline: ContinuousClock.Instant) throws(SerialPortError) -> [UInt8] {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let ms = max(0, Int32(clamping: Self.milliseconds(remaining)))
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, ms)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Self.systemError(path, "poll", errno)
            }
            if ready == 0 {
                if ms == 0 { return [] }
                continue   // poll rounds down; loop until the deadline really passed
            }
            if p.revents & Int16(POLLIN) == 0, p.revents & Int16(POLLHUP | POLLERR) != 0 {
                throw .hangUp(path)
            }
            var buffer = [UInt8](repeating: 0, count: maxCount)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, maxCount) }
            if n > 0 { return Array(buffer[0..<n]) }
            let e = errno
            if n < 0 && (e == EAGAIN || e == EINTR) { continue }
            throw n == 0 || e == EIO ? .hangUp(path) : Self.systemError(path, "read", e)
        }
    }

    // MARK: - Helpers

    /// Rounds up so a wait never ends before its deadline.
    static func milliseconds(_ d: Duration) -> Int64 {
        let c = d.components
        if c.seconds < 0 || (c.seconds == 0 && c.attoseconds <= 0) { return 0 }
        return c.seconds * 1000 + (c.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }

    static func speed(_ baud: Int) -> speed_t? {
        switch baud {
        case 1200: return speed_t(B1200)
        case 2400: return speed_t(B2400)
        case 4800: return speed_t(B4800)
        case 9600: return speed_t(B9600)
        case 19200: return speed_t(B19200)
        case 38400: return speed_t(B38400)
        case 57600: return speed_t(B57600)
        case 115200: return speed_t(B115200)
        default: return nil
        }
    }

    static func openError(_ path: String, _ e: Int32) -> SerialPortError {
        switch e {
        case ENOENT, ENXIO, ENODEV: return .noSuchDevice(path)
        case EACCES, EPERM: return .permissionDenied(path)
        case EBUSY: return .busy(path)
        default: return systemError(path, "open", e)
        }
    }

    static func systemError(_ path: String, _ call: String, _ e: Int32) -> SerialPortError {
        .system(path, call: call, message: String(cString: strerror(e)))
    }
}
