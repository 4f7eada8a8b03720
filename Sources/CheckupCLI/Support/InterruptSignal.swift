import CheckupCore
import Dispatch
import Foundation

/// The one place signals are handled. Ctrl-C, SIGTERM and SIGHUP (a dropped SSH session) ask
/// for a graceful stop; a second one quits at once with 130 — after `beforeExit` (e.g. stopping
/// simulators), so nothing is orphaned. Results already committed to the store stay there
/// either way, and `run --resume` finishes the rest.
final class InterruptSignal: @unchecked Sendable {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    private let sources: [any DispatchSourceSignal]

    init(message: String = "interrupted: finishing the devices in flight (Ctrl-C again to quit now)",
         onInterrupt: @escaping @Sendable () -> Void, beforeExit: @escaping @Sendable () -> Void = {}) {
        let count = Locked(0)
        sources = Self.signals.map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if count.withLock({ $0 += 1; return $0 }) > 1 {
                    beforeExit()
                    exit(130)
                }
                if !message.isEmpty { FileHandle.standardError.write(Data("\ncheckup: \(message)\n".utf8)) }
                onInterrupt()
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for sig in Self.signals { signal(sig, SIG_DFL) }
    }

    /// Suspends until the first of those signals (the standalone simulators' main loop).
    static func waitForTermination() async {
        let handler = Locked<InterruptSignal?>(nil)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let pending = Locked<CheckedContinuation<Void, Never>?>(continuation)
            handler.withLock {
                $0 = InterruptSignal(message: "", onInterrupt: {
                    pending.withLock { p -> CheckedContinuation<Void, Never>? in defer { p = nil }; return p }?.resume()
                })
            }
        }
        handler.withLock { $0?.cancel() }
    }
}
