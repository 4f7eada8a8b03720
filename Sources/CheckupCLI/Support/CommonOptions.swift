import ArgumentParser
import CheckupCore
import Foundation

/// Options shared by `run`, `probe` and `capture`: how hard to try, and what may be touched.
struct ProbeOptions: ParsableArguments {
    @Option(help: "Reply timeout of one exchange, in seconds.")
    var timeout: Double = 1

    @Option(help: "Retries of one exchange before a device counts as unreachable.")
    var retries: Int = 1

    @Option(help: "Backstop per device, in seconds: a device still busy then is marked unreachable.")
    var deadline: Double?

    @Flag(help: "Allow profile steps marked active (PTZ moves, writes). Off by default: probes only read.")
    var allowActive = false

    @Option(help: ArgumentHelp("Credentials file (mode 600).", valueName: "FILE"))
    var credentials: String?

    @Option(name: .customLong("profiles"), help: ArgumentHelp("Extra profile directory, overriding embedded profiles by id.", valueName: "DIR"))
    var profileDirectories: [String] = []

    func validate() throws {
        // Ranges, not comparisons: NaN and infinity fail `contains`, so they never reach a conversion.
        guard (0.001...600).contains(timeout) else { throw ValidationError("--timeout must be between 0.001 and 600 seconds") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be 0…10") }
        if let deadline, !(0.001...86_400).contains(deadline) { throw ValidationError("--deadline must be between 0.001 and 86400 seconds") }
    }

    func pipelineOptions(concurrency: Int = 64, trace: Bool = false) -> PipelineOptions {
        let exchange = Duration.milliseconds(Int(timeout * 1000))
        // Default backstop: generous enough for every exchange of a slow device to time out once.
        let backstop = deadline.map { Duration.milliseconds(Int($0 * 1000)) } ?? max(.seconds(30), exchange * ((retries + 1) * 20))
        return PipelineOptions(concurrency: concurrency, timeout: exchange, retries: retries, deadline: backstop,
                               allowActive: allowActive, trace: trace)
    }

    func workspace() -> Workspace { Workspace(profileDirectories: profileDirectories) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, nagios
}
