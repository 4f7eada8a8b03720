package import CheckupCore

/// The lines a probe has open in this run, and the decoders found dead on them.
///
/// A port stays open while any decoder on it is being read and for `linger` after the last
/// one, so the decoders of one bus, read one after another by the pipeline, share one open.
/// A decoder that stayed silent is remembered (by port and address) and skipped for the rest
/// of the run: it costs one timeout, once.
package final class PelcoLines: Sendable {
    struct Entry {
        var line: PelcoLine
        var users: Int
        var generation: Int
    }

    package let linger: Duration
    package let gapCharacters: Double
    private let entries = Locked<[String: Entry]>([:])
    private let dead = Locked<Set<String>>([])
    private let opening = BusRegistry()

    /// - Parameters:
    ///   - linger: how long an idle port stays open for the next decoder on it.
    ///   - gapCharacters: inter-frame quiet time, in character times at the line's baud rate.
    package init(linger: Duration = .seconds(1), gapCharacters: Double = 1) {
        self.linger = linger
        self.gapCharacters = gapCharacters
    }

    /// The shared line for `path`, opened on first use. Release it with `release(_:)`.
    package func acquire(path: String, settings: SerialSettings, io: BlockingIO) async -> Result<PelcoLine, SerialPortError> {
        await opening.withBus(path) {
            let existing = entries.withLock { entries -> PelcoLine? in
                guard var entry = entries[path], entry.line.settings == settings else { return nil }
                entry.users += 1
                entry.generation += 1
                entries[path] = entry
                return entry.line
            }
            if let existing { return .success(existing) }
            if let busy = entries.withLock({ $0[path] }), busy.users > 0 {
                return .failure(.system(path, call: "open", message: "already open at \(busy.line.settings) for another decoder"))
            }
            if let idle = entries.withLock({ $0.removeValue(forKey: path) }) {
                await io.run { idle.line.port.close() }
            }
            let gapCharacters = self.gapCharacters
            let opened = await io.run { () -> Result<PelcoLine, SerialPortError> in
                do throws(SerialPortError) {
                    return .success(PelcoLine(port: try SerialPort(path: path, settings: settings), gapCharacters: gapCharacters))
                } catch {
                    return .failure(error)
                }
            }
            if case .success(let line) = opened {
                entries.withLock { $0[path] = Entry(line: line, users: 1, generation: 0) }
            }
            return opened
        }
    }

    /// Gives the line back; the port closes after `linger` unless someone takes it again.
    package func release(_ line: PelcoLine, io: BlockingIO) {
        let generation = entries.withLock { entries -> Int? in
            guard var entry = entries[line.path], entry.line === line else { return nil }
            entry.users -= 1
            entries[line.path] = entry
            return entry.users == 0 ? entry.generation : nil
        }
        guard let generation else { return }
        let linger = self.linger
        Task.detached { [entries] in
            try? await Task.sleep(for: linger)
            let idle = entries.withLock { entries -> PelcoLine? in
                guard let entry = entries[line.path], entry.line === line, entry.users == 0,
                      entry.generation == generation else { return nil }
                entries.removeValue(forKey: line.path)
                return entry.line
            }
            if let idle { await io.run { idle.port.close() } }
        }
    }

    /// Closes every idle port now (end of a run, tests).
    package func closeIdle(io: BlockingIO = .shared) async {
        let idle = entries.withLock { entries -> [PelcoLine] in
            let lines = entries.values.filter { $0.users == 0 }.map(\.line)
            for line in lines { entries.removeValue(forKey: line.path) }
            return lines
        }
        for line in idle { await io.run { line.port.close() } }
    }

    static func unitKey(path: String, address: Int) -> String { "\(path)#\(address)" }

    /// True when this decoder stayed silent earlier in the run.
    package func isDead(path: String, address: Int) -> Bool {
        dead.withLock { $0.contains(Self.unitKey(path: path, address: address)) }
    }

    func markDead(path: String, address: Int) {
        _ = dead.withLock { $0.insert(Self.unitKey(path: path, address: address)) }
    }

    /// Forgets the dead decoders (a new run with the same probe).
    package func forgetDead() { dead.withLock { $0.removeAll() } }
}
