import Dispatch
import Foundation

/// Ctrl-C (and SIGTERM) handling: the first signal asks the run to stop gracefully, the second
/// exits at once with 130.
final class InterruptSignal: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let count = LockedCounter()

    init(onInterrupt: @escaping @Sendable () -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            sources.append(source)
        }
        self.sources = sources
        let count = self.count
        for source in sources {
            source.setEventHandler {
                if count.increment() > 1 { exit(130) }
                FileHandle.standardError.write(Data("\ncheckup: interrupted: finishing the devices in flight (Ctrl-C again to quit now)\n".utf8))
                onInterrupt()
            }
            source.resume()
        }
    }

    var interrupted: Bool { count.value > 0 }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

final class LockedCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
