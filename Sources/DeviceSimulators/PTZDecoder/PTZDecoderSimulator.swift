#if canImport(Glibc)
import Glibc
#endif
import CheckupCore
import Foundation
package import PelcoProbe

/// PTZ decoders on a pseudo-terminal, for tests, `checkup demo` and `checkup simulate ptz-decoder`.
///
/// One or several decoders share the link, as on an RS-485 bus. Heads move at a set speed
/// within limits, keep presets, and can be silent (dead), corrupt their checksums or answer
/// with another address. Wire time is emulated at the configured baud (10 bits per byte at
/// 8N1): a request counts as received one character time per byte after its first byte
/// arrived, and each reply byte is released one character time after the previous, so what a
/// probe measures through the pty is what it would measure on a real 2400-baud line.
///
/// ```swift
/// let sim = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [
///     SimulatedDecoder(address: 1), SimulatedDecoder(address: 2, silent: true)])
/// let path = try sim.start(link: "/tmp/ptz0")   // the pty slave; /tmp/ptz0 links to it
/// // probe "pelco-d:///tmp/ptz0?baud=2400&address=1" …
/// sim.stop()
/// ```
package final class PTZDecoderSimulator: @unchecked Sendable {
    package enum Dialect: String, Sendable, CaseIterable { case d, p }

    package let dialect: Dialect
    package let settings: SerialSettings
    /// Decoder think time between a request's last byte and the reply's first.
    package let turnaround: Duration

    private let heads: Locked<[UInt8: SimulatedHead]>
    /// Recorded answers (a capture or a fixture): query frame → reply bytes; nil for heads.
    private let replies: [[UInt8]: [UInt8]]?
    private let order: [UInt8]
    private let running = Locked(false)
    private let finished = NSCondition()
    private var threadDone = true
    /// The open pty and the link made to it, while running.
    private let attached = Locked<(terminal: PseudoTerminal?, link: String?)>((nil, nil))
    private let clock = ContinuousClock()
    private let epoch: ContinuousClock.Instant

    /// - Parameters:
    ///   - protocol: `.d` (Pelco-D, answers queries) or `.p` (Pelco-P, never answers).
    ///   - baud: line speed the wire time is emulated at.
    ///   - decoders: the decoders on the link (distinct addresses).
    ///   - turnaround: decoder think time before replying.
    package init(protocol dialect: Dialect = .d, baud: Int = 2400, decoders: [SimulatedDecoder],
                turnaround: Duration = .zero) {
        self.dialect = dialect
        settings = SerialSettings(baud: baud)
        self.turnaround = turnaround
        epoch = clock.now
        var map: [UInt8: SimulatedHead] = [:]
        for d in decoders where map[d.address] == nil { map[d.address] = SimulatedHead(d, now: 0) }
        heads = Locked(map)
        order = decoders.map(\.address)
        replies = nil
    }

    /// A line that answers only what was recorded: each query frame in `replies` gets its
    /// reply bytes (corrupted ones included), every other frame silence. Serves a capture's
    /// or a fixture's Pelco-D frames to the real probe.
    package init(protocol dialect: Dialect = .d, baud: Int = 2400, replies: [[UInt8]: [UInt8]], turnaround: Duration = .zero) {
        self.dialect = dialect
        settings = SerialSettings(baud: baud)
        self.turnaround = turnaround
        epoch = clock.now
        heads = Locked([:])
        order = []
        self.replies = replies
    }

    deinit { stop() }

    /// Opens the pty, links `link` to its slave (replacing an old link), starts the line thread,
    /// and returns the slave's path.
    @discardableResult
    package func start(link: String? = nil) throws(PTZSimulatorError) -> String {
        guard running.withLock({ let was = $0; $0 = true; return !was }) else { throw .alreadyRunning }
        let pty: PseudoTerminal
        do { pty = try PseudoTerminal(nonBlocking: true) } catch { running.withLock { $0 = false }; throw .pseudoTerminal(error.description) }
        if let link {
            var st = stat()
            if lstat(link, &st) == 0 {
                guard (st.st_mode & S_IFMT) == S_IFLNK else {
                    pty.close(); running.withLock { $0 = false }
                    throw .link(link, "a file that is not a symbolic link is in the way")
                }
                unlink(link)
            }
            guard symlink(pty.slavePath, link) == 0 else {
                let why = String(cString: strerror(errno))
                pty.close(); running.withLock { $0 = false }
                throw .link(link, why)
            }
        }
        attached.withLock { $0 = (pty, link) }
        finished.lock(); threadDone = false; finished.unlock()
        let thread = Thread { [self] in
            self.serve(pty)
            finished.lock(); threadDone = true; finished.broadcast(); finished.unlock()
        }
        thread.name = "ptz-decoder-simulator"
        thread.start()
        return pty.slavePath
    }

    /// Stops the line thread, closes the pty and removes the link.
    package func stop() {
        guard running.withLock({ let was = $0; $0 = false; return was }) else { return }
        finished.lock()
        while !threadDone { finished.wait() }
        finished.unlock()
        let (terminal, link) = attached.withLock { current in
            defer { current = (nil, nil) }
            return current
        }
        terminal?.close()
        if let link { unlink(link) }
    }

    /// The slave path while running.
    package var slavePath: String? { attached.withLock { $0.terminal?.slavePath } }

    /// What decoder `address` looks like now (position advanced to this instant).
    package func snapshot(_ address: UInt8) -> DecoderSnapshot? {
        let now = seconds()
        return heads.withLock { heads in
            heads[address]?.advance(to: now)
            return heads[address]?.snapshot
        }
    }

    /// Every decoder, in the order given.
    package var snapshots: [DecoderSnapshot] { order.compactMap(snapshot) }

    /// Changes a decoder while running (make it silent, corrupt its replies, move its head).
    package func update(_ address: UInt8, _ change: @Sendable (inout SimulatedDecoder) -> Void) {
        let now = seconds()
        heads.withLock { heads in
            guard var head = heads[address] else { return }
            head.advance(to: now)
            let before = head.config.position
            change(&head.config)
            if head.config.position != before { head.position = head.config.position }
            heads[address] = head
        }
    }

    // MARK: - The line

    private func seconds(_ instant: ContinuousClock.Instant? = nil) -> Double {
        let d = (instant ?? clock.now) - epoch
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func serve(_ pty: PseudoTerminal) {
        let charTime = settings.characterTime
        var dDecoder = PelcoDFrameDecoder()
        var pDecoder = PelcoPFrameDecoder()
        /// When the last byte received so far finished arriving on the emulated wire.
        var wireFree = clock.now
        var buffer = [UInt8](repeating: 0, count: 256)
        while running.withLock({ $0 }) {
            var p = pollfd(fd: pty.master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 20)
            guard ready > 0, p.revents & Int16(POLLIN) != 0 else {
                if ready > 0 { usleep(5_000) }   // HUP without data: nobody on the slave side
                continue
            }
            let n = buffer.withUnsafeMutableBytes { read(pty.master, $0.baseAddress, 256) }
            guard n > 0 else { continue }
            let arrived = clock.now
            // An idle line longer than a frame gap ends any partial frame (noise, a cut cable).
            if arrived - wireFree > charTime * 4 { dDecoder.reset(); pDecoder.reset() }
            for byte in buffer[0..<n] {
                wireFree = max(wireFree, arrived) + charTime
                switch dialect {
                case .d:
                    for frame in dDecoder.feed([byte]) {
                        wireFree = answer(frame, receivedAt: wireFree, pty: pty)
                    }
                case .p:
                    for frame in pDecoder.feed([byte]) {
                        let now = seconds(wireFree)
                        heads.withLock { heads in
                            guard var head = heads[frame.address], !head.config.silent else { return }
                            head.apply(PelcoPCommand(frame: frame), now: now)
                            heads[frame.address] = head
                        }
                    }
                }
            }
        }
    }

    /// Applies a Pelco-D frame and sends the reply paced at the baud rate; returns when the
    /// line is free again.
    private func answer(_ frame: PelcoDFrame, receivedAt: ContinuousClock.Instant, pty: PseudoTerminal) -> ContinuousClock.Instant {
        let now = seconds(receivedAt)
        let command = PelcoDCommand(frame: frame)
        // A reply table answers its frames and nothing else; without one, the heads answer.
        let reply: [UInt8]? = replies.map { $0[frame.bytes] } ?? heads.withLock { heads in
            guard var head = heads[frame.address], !head.config.silent else { return nil }
            let response = head.apply(command, now: now)
            defer { heads[frame.address] = head }
            guard let response, head.config.answersQueries else { return nil }
            var bytes = response.bytes(requestChecksum: frame.checksum)
            if head.config.badChecksum, let last = bytes.last { bytes[bytes.count - 1] = last &+ 0x5A }
            head.repliesSent += 1
            return bytes
        }
        guard let reply else { return receivedAt }
        let start = receivedAt + turnaround
        for (i, byte) in reply.enumerated() {
            sleep(until: start + settings.characterTime * (i + 1))
            var b = byte
            _ = write(pty.master, &b, 1)
        }
        return start + settings.characterTime * reply.count
    }

    private func sleep(until instant: ContinuousClock.Instant) {
        let c = clock.now.duration(to: instant).components
        guard c.seconds > 0 || c.attoseconds > 0 else { return }
        var request = timespec(tv_sec: Int(c.seconds), tv_nsec: Int(c.attoseconds / 1_000_000_000))
        var left = timespec()
        while nanosleep(&request, &left) != 0 && errno == EINTR { request = left }
    }
}
