import CModbus
import Foundation
import ModbusProbe
#if canImport(Glibc)
import Glibc
#endif

/// Waits up to `ms` for `fd` to be readable; false on timeout or hang-up without data.
private func readable(_ fd: Int32, within ms: Int32) -> Bool {
    var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&pfd, 1, ms)
    return ready > 0 && (pfd.revents & Int16(POLLIN)) != 0
}

/// Reads up to `limit` bytes if some arrive within `ms`; nil on timeout, [] on end of stream.
private func readSome(_ fd: Int32, limit: Int, within ms: Int32) -> [UInt8]? {
    guard readable(fd, within: ms) else { return nil }
    var buffer = [UInt8](repeating: 0, count: limit)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, limit) }
    return n <= 0 ? [] : Array(buffer.prefix(n))
}

/// Modbus TCP: accepts clients, frames requests by their MBAP length, answers each.
struct TCPServing: @unchecked Sendable {
    let simulator: AlarmHostSimulator
    let listener: Int32
    let context: OpaquePointer

    func run() {
        var clients: [Int32] = []
        defer { clients.forEach { _ = close($0) } }
        while !simulator.shouldStop {
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            fds += clients.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready <= 0 { continue }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let client = accept(listener, nil, nil)
                if client >= 0 { clients.append(client) }
            }
            for entry in fds.dropFirst() where entry.revents != 0 {
                if !serveOne(entry.fd) {
                    close(entry.fd)
                    clients.removeAll { $0 == entry.fd }
                }
            }
        }
    }

    /// Reads and answers one request; false when the client left or sent garbage.
    private func serveOne(_ fd: Int32) -> Bool {
        var adu: [UInt8] = []
        while adu.count < 7 {
            guard let more = readSome(fd, limit: 7 - adu.count, within: 500), !more.isEmpty else { return false }
            adu += more
        }
        let length = Int(adu[4]) << 8 | Int(adu[5])
        guard length >= 2, length <= 254 else { return false }
        while adu.count < 6 + length {
            guard let more = readSome(fd, limit: 6 + length - adu.count, within: 500), !more.isEmpty else { return false }
            adu += more
        }
        simulator.answer(adu, unitOffset: 6, context: context, fd: fd, tcp: true)
        return true
    }
}

/// Modbus RTU on a pseudo-terminal: frames requests by function layout and CRC, answers the
/// addressed unit, stays silent for unknown or silent units (as a real bus does).
struct RTUServing: @unchecked Sendable {
    let simulator: AlarmHostSimulator
    let fd: Int32
    let context: OpaquePointer

    func run() {
        var buffer: [UInt8] = []
        while !simulator.shouldStop {
            let wait: Int32 = buffer.isEmpty ? 100 : 50
            guard let more = readSome(fd, limit: 512, within: wait) else {
                buffer.removeAll()          // silence in mid-frame: drop the fragment
                continue
            }
            if more.isEmpty { usleep(10_000); continue }
            buffer += more
            while let length = RTUFraming.requestLength(buffer) {
                let size = length == 0 ? buffer.count : length
                guard buffer.count >= size else { break }
                let frame = Array(buffer.prefix(size))
                buffer.removeFirst(size)
                if ModbusCRC.isValid(frame) {
                    simulator.answer(frame, unitOffset: 0, context: context, fd: fd, tcp: false)
                } else {
                    buffer.removeAll()      // lost sync: wait for the next frame
                }
            }
        }
    }
}
