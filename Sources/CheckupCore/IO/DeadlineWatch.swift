import Foundation

/// One thread that fires the device deadlines of a run (`CheckPipeline`).
///
/// Every device sets a deadline and nearly every one is cancelled long before it: a timer per
/// device (a sleeping task, a dispatch timer) cost a thread wake-up at each set or cancel, a
/// visible part of a 0.4 ms Modbus panel. Here setting one takes a lock, and cancelling one
/// only removes it: the thread wakes when the earliest deadline it waits for is due, which,
/// with deadlines of one length set in order, is one wake-up per deadline length.
package final class DeadlineWatch: @unchecked Sendable {
    package static let shared = DeadlineWatch()

    /// A deadline that `cancel` can take back before it fires.
    package struct Token: Sendable {
        fileprivate let id: UInt64
    }

    private let condition = NSCondition()
    private var pending: [UInt64: (due: ContinuousClock.Instant, fire: @Sendable () -> Void)] = [:]
    private var nextID: UInt64 = 0
    /// What the thread sleeps until; nil when it waits for the first deadline (or is not started).
    private var awaiting: ContinuousClock.Instant?
    private var started = false

    package init() {}

    /// Runs `fire` on the watch's thread once `after` has passed, unless cancelled first.
    /// `fire` must be quick (resume a continuation): the next deadline waits for it.
    package func set(after: Duration, _ fire: @escaping @Sendable () -> Void) -> Token {
        let due = ContinuousClock.now + after
        condition.lock()
        defer { condition.unlock() }
        nextID += 1
        pending[nextID] = (due, fire)
        if !started {
            started = true
            let thread = Thread { [self] in watch() }  // the watch lives as long as its thread
            thread.name = "checkup.deadlines"
            thread.start()
        } else if awaiting.map({ due < $0 }) ?? true {
            condition.signal()  // earlier than what the thread sleeps until (or it sleeps without one)
        }
        return Token(id: nextID)
    }

    package func cancel(_ token: Token) {
        condition.lock()
        pending[token.id] = nil
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        while true {
            let now = ContinuousClock.now
            let due = pending.filter { $0.value.due <= now }
            for id in due.keys { pending[id] = nil }
            if !due.isEmpty {
                condition.unlock()
                for entry in due.values.sorted(by: { $0.due < $1.due }) { entry.fire() }
                condition.lock()
                continue
            }
            awaiting = pending.values.map(\.due).min()
            if let next = awaiting {
                _ = condition.wait(until: Date(timeIntervalSinceNow: (next - now).milliseconds / 1000))
            } else {
                condition.wait()
            }
            awaiting = nil
        }
    }
}
