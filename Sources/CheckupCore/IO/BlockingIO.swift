import Foundation

/// Dedicated threads for blocking C calls (libmodbus, net-snmp, termios), so none of them
/// ever occupies Swift's cooperative pool (one thread per core: two on our machines).
///
/// Threads are started on demand up to `maxThreads` and then reused; work beyond that waits
/// in FIFO order. `run` suspends the calling task until the work is done.
public final class BlockingIO: @unchecked Sendable {
    /// The process-wide pool; 64 threads matches the default device fan-out.
    public static let shared = BlockingIO(maxThreads: 64, name: "checkup.io")

    private let maxThreads: Int
    private let name: String
    private let condition = NSCondition()
    private var queue: [@Sendable () -> Void] = []
    private var threads = 0
    private var idle = 0

    public init(maxThreads: Int, name: String = "checkup.io") {
        precondition(maxThreads > 0)
        self.maxThreads = maxThreads
        self.name = name
    }

    /// Runs `body` on one of the pool's threads and returns its result.
    @discardableResult
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs a non-throwing `body` on one of the pool's threads.
    @discardableResult
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            submit { continuation.resume(returning: body()) }
        }
    }

    static let threadKey = "checkup.blocking-io"

    /// The name of the pool thread running the caller (`checkup.io.3`), or nil when the caller
    /// is not on a BlockingIO thread. Lets tests prove blocking calls stay off the cooperative pool.
    public static var currentThreadName: String? {
        Thread.current.threadDictionary[threadKey] as? String
    }

    /// Number of threads started so far (for tests and the benchmark).
    public var threadCount: Int {
        condition.lock(); defer { condition.unlock() }
        return threads
    }

    private func submit(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append(work)
        if queue.count > idle && threads < maxThreads {
            threads += 1
            let threadName = "\(name).\(threads)"
            let thread = Thread { [unowned self] in
                Thread.current.name = threadName
                Thread.current.threadDictionary[BlockingIO.threadKey] = threadName
                self.worker()
            }
            thread.stackSize = 1 << 20
            thread.start()
        } else {
            condition.signal()
        }
        condition.unlock()
    }

    private func worker() {
        while true {
            condition.lock()
            while queue.isEmpty {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let work = queue.removeFirst()
            condition.unlock()
            work()
        }
    }
}
