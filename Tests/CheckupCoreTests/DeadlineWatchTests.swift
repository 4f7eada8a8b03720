import CheckupCore
import Foundation
import Testing

struct DeadlineWatchTests {
    /// Deadlines fire in the order they fall due, whatever order they were set in (an earlier one
    /// set after a later one wakes the watch); a cancelled one never fires.
    @Test func deadlinesFireWhenDueAndCancelledOnesNever() async throws {
        let watch = DeadlineWatch()
        let fired = Locked<[String]>([])
        let start = ContinuousClock.now
        let late = watch.set(after: .milliseconds(300)) { fired.withLock { $0.append("late") } }
        _ = late
        let cancelled = watch.set(after: .milliseconds(150)) { fired.withLock { $0.append("cancelled") } }
        _ = watch.set(after: .milliseconds(60)) { fired.withLock { $0.append("early") } }
        watch.cancel(cancelled)
        while fired.withLock({ $0.count }) < 2 && ContinuousClock.now - start < .seconds(5) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let elapsed = ContinuousClock.now - start
        try await Task.sleep(for: .milliseconds(100))
        #expect(fired.withLock { $0 } == ["early", "late"])
        #expect(elapsed >= .milliseconds(300), "the late deadline fired before it was due")
    }

    /// Thousands set and cancelled at once (a run's devices) leave nothing behind to fire.
    @Test func manyCancelledFromManyTasksNeverFire() async throws {
        let watch = DeadlineWatch()
        let fired = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2000 {
                group.addTask {
                    let token = watch.set(after: .milliseconds(50)) { fired.withLock { $0 += 1 } }
                    watch.cancel(token)
                }
            }
        }
        let kept = watch.set(after: .milliseconds(80)) { fired.withLock { $0 += 1000 } }
        _ = kept
        try await Task.sleep(for: .milliseconds(400))
        #expect(fired.withLock { $0 } == 1000)
    }
}
