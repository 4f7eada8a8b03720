import CheckupCore
import Foundation

/// Progress of a long run on stderr: a redrawn bar on a terminal (devices done / total,
/// failures so far, elapsed, ETA), plain lines every few seconds otherwise.
///
/// Hand-written: console-kit's bar would pull SwiftNIO into the build for forty lines.
final class ProgressDisplay: @unchecked Sendable {
    private let terminal: Terminal
    private let lock = NSLock()
    private let start = Date()
    private var lastLine = Date.distantPast
    private var failing = 0
    private let enabled: Bool

    init(terminal: Terminal = .standardError, enabled: Bool = true) {
        self.terminal = terminal
        self.enabled = enabled
    }

    func handle(_ event: ProgressEvent) {
        guard enabled, case .finished(let outcome, let results, let done, let total) = event else { return }
        lock.lock(); defer { lock.unlock() }
        if outcome.unreachable != nil || results.contains(where: { $0.status.exitWeight == 2 }) { failing += 1 }
        let now = Date()
        // Off a terminal a line every 5 s: the text is made only when it is printed.
        guard terminal.isTTY || now.timeIntervalSince(lastLine) >= 5 || done == total else { return }
        fflush(nil)  // what was printed before comes first, even when stdout is a pipe
        let elapsed = now.timeIntervalSince(start)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let text = "\(done)/\(total) devices, \(failing) failing, \(Self.clock(elapsed)) elapsed, ETA \(Self.clock(eta))"
        if terminal.isTTY {
            let width = 24
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(text)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            lastLine = now
            FileHandle.standardError.write(Data("checkup: \(text)\n".utf8))
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%02d:%02d", s / 60, s % 60)
    }
}
