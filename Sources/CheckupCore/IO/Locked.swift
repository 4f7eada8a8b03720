import Foundation

/// A value behind a lock (Synchronization.Mutex needs macOS 15; this works everywhere).
public final class Locked<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    public init(_ state: State) { self.state = state }

    public func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(&state)
    }
}
