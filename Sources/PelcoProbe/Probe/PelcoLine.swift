package import CheckupCore
#if canImport(Glibc)
import Glibc
#endif

/// One open serial port and the decoders behind it: one transaction at a time, with an
/// inter-frame gap derived from the baud rate.
///
/// All decoders on a port share one `PelcoLine` (and one file descriptor: the port is opened
/// exclusively, so a second open would fight the first). Every blocking call runs on
/// `BlockingIO` threads while the line's own FIFO turn is held, so the port is used by one
/// thread at a time. The turn is the line's, not the run's `BusRegistry`: the pipeline already
/// holds that one around each device, and a second acquire of it would deadlock.
package final class PelcoLine: Sendable {
    package let path: String
    package let settings: SerialSettings
    /// Quiet time kept between the end of one frame on the wire and the next request.
    package let gap: Duration
    let port: SerialPort
    private let turns = BusRegistry()
    private let lastActivity = Locked<ContinuousClock.Instant?>(nil)

    init(port: SerialPort, gapCharacters: Double) {
        self.port = port
        path = port.path
        settings = port.settings
        let chars = port.settings.characterTime * gapCharacters
        gap = max(chars, .microseconds(500))
    }

    /// Sends `request` and, when `kind` is given, waits for that reply: up to the wire time of
    /// both frames plus `replyTimeout` for the first byte; once a candidate was rejected and the
    /// line falls quiet for a few character times, it gives up early (a bad checksum does not
    /// cost a whole timeout).
    package func exchange(_ request: [UInt8], expecting kind: PelcoDReplyKind?, requestChecksum: UInt8,
                         replyTimeout: Duration, io: BlockingIO) async -> Result<LineExchange, SerialPortError> {
        await turns.withBus(path) {
            await io.run { () -> Result<LineExchange, SerialPortError> in
                self.blockingExchange(request, kind: kind, requestChecksum: requestChecksum, replyTimeout: replyTimeout)
            }
        }
    }

    private func blockingExchange(_ request: [UInt8], kind: PelcoDReplyKind?, requestChecksum: UInt8,
                                  replyTimeout: Duration) -> Result<LineExchange, SerialPortError> {
        let clock = ContinuousClock()
        if let last = lastActivity.withLock({ $0 }) {
            let readyAt = last + gap
            if clock.now < readyAt { Self.sleep(until: readyAt) }
        }
        defer { lastActivity.withLock { $0 = clock.now } }
        do {
            port.flush(.input)
            let start = clock.now
            try port.write(request)
            try port.drain()
            var exchange = LineExchange(sent: request, received: [], elapsed: .zero)
            guard let kind else {
                exchange.elapsed = clock.now - start
                return .success(exchange)
            }
            var decoder = PelcoDReplyDecoder(kind: kind, requestChecksum: requestChecksum)
            let deadline = start + settings.wireTime(request.count + kind.length) + replyTimeout
            let quietAfterReject = settings.characterTime * 3 + .milliseconds(20)
            var cutoff = deadline
            while clock.now < cutoff {
                let bytes = try port.read(upTo: 64, until: cutoff)
                if bytes.isEmpty { break }
                exchange.received += bytes
                if let reply = decoder.feed(bytes) {
                    exchange.reply = reply
                    break
                }
                if decoder.lastError != nil, !decoder.isInsideFrame {
                    cutoff = min(deadline, clock.now + quietAfterReject)
                }
            }
            exchange.elapsed = clock.now - start
            if exchange.reply == nil { exchange.rejected = decoder.lastError }
            return .success(exchange)
        } catch {
            return .failure(error)
        }
    }

    /// Sleeps the calling (blocking-I/O) thread until `instant`.
    static func sleep(until instant: ContinuousClock.Instant) {
        let remaining = ContinuousClock.now.duration(to: instant)
        let c = remaining.components
        guard c.seconds > 0 || c.attoseconds > 0 else { return }
        var request = timespec(tv_sec: Int(c.seconds), tv_nsec: Int(c.attoseconds / 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) != 0 && errno == EINTR { request = left }
    }
}
