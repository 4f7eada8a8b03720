import CheckupCore
import Dispatch
import Foundation

/// Ctrl-C (and SIGTERM) handling: the first signal asks for a graceful stop, the second quits
/// at once with 130 — after `beforeExit` (e.g. stopping simulators), so nothing is orphaned.
final class InterruptSignal: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(onInterrupt: @escaping @Sendable () -> Void, beforeExit: @escaping @Sendable () -> Void = {}) {
        let count = Locked(0)
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if count.withLock({ $0 += 1; return $0 }) > 1 {
                    beforeExit()
                    exit(130)
                }
                FileHandle.standardError.write(Data("\ncheckup: interrupted: finishing the devices in flight (Ctrl-C again to quit now)\n".utf8))
                onInterrupt()
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
