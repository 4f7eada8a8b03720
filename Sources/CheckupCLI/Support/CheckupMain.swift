import ArgumentParser
package import CheckupCore
import Foundation
import Logging
import SNMPProbe

/// Runs the CLI and maps every outcome to the Monitoring-Plugins exit codes:
/// 0 OK, 1 warning, 2 critical/unreachable, 3 the tool could not do its job.
package enum CheckupMain: Sendable {
    /// `adding` registers a build's own probes beside the built-in ones, one line each:
    /// `await CheckupMain.main { $0.register(MyProbe()) }` (Sources/CheckupCore/CheckupCore.docc/WritingAProbe.md).
    package static func main(adding: (inout ProbeRegistry) -> Void = { _ in }) async -> Never {
        bootstrapLogging()
        returnFreedMemory()
        // A dropped SSH session closes the terminal: writing to it must fail, not kill the run
        // before it has stored what it read.
        signal(SIGPIPE, SIG_IGN)
        SNMPProbe.startLibrary()  // net-snmp's init is not thread-safe: once, before any concurrency
        var probes = BuiltInProbes.registry
        adding(&probes)
        let status: Int32 = await BuiltInProbes.$inUse.withValue(probes) {
            do {
                var command = try CheckupCommand.parseAsRoot()
                if var command = command as? any AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                return report(error)
            }
        }
        exit(status)
    }

    /// A record's pages and documents are tens of megabytes each, made once and freed. glibc
    /// raises its mmap threshold after the first such buffer is freed, so the next ones come from
    /// the heap and stay in the process once freed: at 10,000 devices a run's peak RSS was 570 MB,
    /// 450 MB with buffers over 256 KB mapped and unmapped (bench/scale, no time lost).
    /// And glibc gives each thread that allocates an arena of its own, up to eight per core: the
    /// 64 I/O threads' arenas each kept what they had freed. Two arenas: 280 → 252 MB at 10,000
    /// devices, 74 → 71 MB at 1,000, in the same time (in turns; one arena was no smaller).
    /// (`mallopt` is glibc's, declared in <malloc.h> that Swift's Glibc module leaves out: looked up.)
    /// Called first, before any thread.
    static func returnFreedMemory() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }  // RTLD_DEFAULT; not glibc
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let (mmapThreshold, arenaMax): (Int32, Int32) = (-3, -8)  // M_MMAP_THRESHOLD, M_ARENA_MAX
        _ = mallopt(mmapThreshold, 256 << 10)
        _ = mallopt(arenaMax, 2)
    }

    /// Log lines go to stderr; `CHECKUP_LOG_LEVEL=debug` shows each device's read (default: warning).
    static func bootstrapLogging() {
        let level = ProcessInfo.processInfo.environment["CHECKUP_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Prints an error the way a user can act on it and returns the exit code: the one place
    /// errors become messages (docs/design.md, "Errors").
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let error as any UserFacingError:
            printError(error.report)
            return error.exitCode
        default:
            // ArgumentParser's own: usage errors, --help, --version.
            let code = CheckupCommand.exitCode(for: error)
            if code == .success {
                print(CheckupCommand.fullMessage(for: error))
                return 0
            }
            printError(CheckupCommand.fullMessage(for: error))
            return 3
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
