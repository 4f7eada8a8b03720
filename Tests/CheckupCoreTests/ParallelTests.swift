import CheckupCore
import Foundation
import Testing

struct ParallelTests {
    /// Every part is done once, and on every core even when GCD's pool has every thread blocked:
    /// the case of a run's task waiting on its drafted pages, where `concurrentPerform` used one thread.
    @Test func everyPartOnceOnEveryCoreWhileGCDsThreadsAreBlocked() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<cores { DispatchQueue.global().async { release.wait() } }  // GCD's pool, all blocked
        defer { for _ in 0..<cores { release.signal() } }

        let seen = Locked<(parts: [Int], threads: Set<String>)>(([], []))
        Parallel.forEach(200) { i in
            usleep(500)
            let thread = "\(Unmanaged.passUnretained(Thread.current).toOpaque())"
            seen.withLock { $0.parts.append(i); $0.threads.insert(thread) }
        }
        let (parts, threads) = seen.withLock { $0 }
        #expect(parts.sorted() == Array(0..<200))
        #expect(threads.count == min(cores, 200))
    }

    /// Chunks come back in range order, every index once, the last chunk short; none for nothing.
    @Test func chunksComeBackInOrder() {
        let ranges = Parallel.mapChunks(1000, chunk: 256) { $0 }
        #expect(ranges == [0..<256, 256..<512, 512..<768, 768..<1000])
        #expect(Parallel.mapChunks(0, chunk: 256) { $0 }.isEmpty)
    }

    @Test func noPartsDoNothingAndOnePartIsDoneOnce() {
        let seen = Locked<[Int]>([])
        Parallel.forEach(0) { i in seen.withLock { $0.append(i + 100) } }
        Parallel.forEach(1) { i in seen.withLock { $0.append(i) } }
        #expect(seen.withLock { $0 } == [0])
    }
}
