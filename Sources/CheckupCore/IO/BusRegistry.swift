import Foundation

/// One lock per physical bus (a serial port, a Modbus TCP gateway): one transaction at a time.
///
/// Keys come from the probe (`DeviceProbe.busKey`). Waiters are served in FIFO order, so a
/// unit on a busy bus waits its turn and never starves.
public final class BusRegistry: Sendable {
    private let buses = Locked<[String: BusLock]>([:])

    public init() {}

    /// The lock of the bus named `key`, created on first use.
    public func lock(for key: String) -> BusLock {
        buses.withLock { buses in
            if let lock = buses[key] { return lock }
            let lock = BusLock(key: key)
            buses[key] = lock
            return lock
        }
    }

    /// Runs `body` while holding the bus `key`; without a key, runs it directly.
    ///
    /// Re-entrant within a task: the pipeline holds a device's bus for the whole read, and a
    /// probe that also wraps each transaction in `withBus` runs straight through.
    public func withBus<T: Sendable>(_ key: String?, _ body: () async throws -> T) async rethrows -> T {
        guard let key, !BusRegistry.held.contains(key) else { return try await body() }
        let lock = lock(for: key)
        await lock.acquire()
        defer { lock.release() }
        return try await BusRegistry.$held.withValue(BusRegistry.held.union([key])) { try await body() }
    }

    /// Bus keys the current task holds.
    @TaskLocal static var held: Set<String> = []
}

/// A FIFO async lock for one bus.
public final class BusLock: Sendable {
    public let key: String
    private let state = Locked<(held: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    init(key: String) { self.key = key }

    public func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                if !state.held { state.held = true; return true }
                state.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty { state.held = false; return nil }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
