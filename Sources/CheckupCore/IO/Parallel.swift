package import Foundation

/// Work split in parts, done on every core: the calling thread and one more thread per core
/// each take the next part until none is left.
///
/// Not `DispatchQueue.concurrentPerform`: on Linux GCD cannot see that one of its threads is
/// blocked (a run's task waiting for its drafted pages, a store call), counts it busy, and gives
/// the parts of a 1,000-camera page to a single thread.
public enum Parallel: Sendable {
    /// Calls `body` with every index in `0..<count`, in no set order, and returns when all are done.
    public static func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let helpers = min(count, ProcessInfo.processInfo.activeProcessorCount) - 1
        guard helpers > 0 else {
            for i in 0..<count { body(i) }
            return
        }
        let next = Locked(0)
        let work: @Sendable () -> Void = {
            while true {
                let i = next.withLock { n in defer { n += 1 }; return n }
                guard i < count else { return }
                body(i)
            }
        }
        let finished = DispatchGroup()
        for _ in 0..<helpers { detached(finished, work) }
        work()
        finished.wait()
    }

    /// `body` over `0..<count` cut in consecutive ranges of `chunk`, the ranges on every core:
    /// the results in range order, ready to be joined (a long list printed, encoded or filled).
    public static func mapChunks<T: Sendable>(_ count: Int, chunk: Int, _ body: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = (count + chunk - 1) / chunk
        let results = Locked<[Int: T]>([:])
        forEach(chunks) { c in
            let result = body(c * chunk..<min(count, (c + 1) * chunk))
            results.withLock { $0[c] = result }
        }
        let done = results.withLock { $0 }
        return (0..<chunks).map { done[$0]! }  // `forEach` does every part once
    }

    /// Runs `body` on a thread of its own, inside `group` (entered now, left when `body` returns).
    package static func detached(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            group.leave()
        }
        thread.stackSize = 8 << 20  // a page's nested sections recurse in the template engine
        thread.start()
    }
}
