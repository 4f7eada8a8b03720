import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one reply frame from a Modbus socket or serial line for functions libmodbus 3.1
/// cannot parse itself (0x2B/0x0E device identification has a variable length it does not know).
struct RawReplyReader {
    let fd: Int32
    let timeout: Double
    let byteTimeout: Double

    enum Failure: Error {
        case timeout, io(Int32), closed
        /// The MBAP header announces a length no Modbus frame has (the bytes so far).
        case badLength([UInt8])
        /// Part of a frame arrived, the rest not before the deadline (the bytes so far).
        case partial([UInt8])
    }

    /// The largest Modbus TCP frame: MBAP (7 bytes, unit included) + a 253-byte PDU.
    static let maxTCPFrame = 260

    /// Waits up to `seconds` for the fd to be readable, then reads what is there.
    private func readSome(max limit: Int, within seconds: Double) throws(Failure) -> [UInt8] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ms = seconds <= 0 ? 0 : Int32(max(1, (seconds * 1000).rounded(.up)))
        var ready: Int32
        repeat { ready = poll(&pfd, 1, ms) } while ready < 0 && errno == EINTR
        if ready < 0 { throw .io(errno) }
        if ready == 0 { throw .timeout }
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, limit) }
        if n < 0 { throw .io(errno) }
        if n == 0 { throw .closed }
        return Array(buffer.prefix(n))
    }

    /// A TCP reply: MBAP header (7 bytes, length at 4…5) then `length − 1` PDU bytes. Returns unit + PDU.
    func readTCP() throws(Failure) -> [UInt8] {
        Array(try readTCPFrame(within: timeout).dropFirst(6))
    }

    /// A whole TCP frame (MBAP header included), all of it within `seconds`: a peer that
    /// trickles its reply a byte at a time is cut off when the time is up, not held as long
    /// as each byte comes within the byte timeout.
    func readTCPFrame(within seconds: Double) throws(Failure) -> [UInt8] {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(max(1, (seconds * 1000).rounded(.up))))
        var frame: [UInt8] = []
        var first = true
        while frame.count < 7 || frame.count < 6 + (Int(frame[4]) << 8 | Int(frame[5])) {
            if frame.count >= 6 {
                let length = Int(frame[4]) << 8 | Int(frame[5])
                guard (2...Self.maxTCPFrame - 6).contains(length) else { throw .badLength(frame) }
            }
            let need = frame.count < 7 ? 7 - frame.count : 6 + (Int(frame[4]) << 8 | Int(frame[5])) - frame.count
            let left = Self.seconds(deadline - clock.now)
            guard left > 0 else { throw first ? .timeout : .partial(frame) }
            do {
                frame += try readSome(max: need, within: first ? left : min(byteTimeout, left))
            } catch .timeout {
                throw first ? .timeout : .partial(frame)
            }
            first = false
        }
        return frame
    }

    /// Bytes already waiting on the socket (none awaited): what a peer sent after a frame.
    func pendingBytes() -> [UInt8] {
        var pending: [UInt8] = []
        while pending.count < Self.maxTCPFrame, let more = try? readSome(max: Self.maxTCPFrame - pending.count, within: 0), !more.isEmpty {
            pending += more
        }
        return pending
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// An RTU reply: bytes until the line falls silent for the byte timeout, CRC checked by the caller.
    /// Returns the whole frame (unit, PDU, CRC).
    func readRTU(expectedLength: ([UInt8]) -> Int?) throws(Failure) -> [UInt8] {
        var frame = try readSome(max: 260, within: timeout)
        while true {
            if let length = expectedLength(frame), frame.count >= length { return Array(frame.prefix(length)) }
            do { frame += try readSome(max: 260 - frame.count, within: byteTimeout) }
            catch .timeout { return frame }
            if frame.count >= 260 { return frame }
        }
    }
}
