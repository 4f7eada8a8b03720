import Foundation

/// Stops agents left behind by a fixture owner that died without `stop()` (a crashed test run):
/// each fixture directory records its owner's pid; a directory whose owner is gone has its
/// agent killed (after checking /proc that the pid really is that fixture's agent: its command
/// line names the directory) and is removed. snmpd fixtures and snmpsim agents alike.
enum StaleAgentSweeper {
    /// A kind of fixture directory: its name prefix in the temporary folder, and the file
    /// inside it holding the agent's pid.
    struct Kind: Sendable {
        var prefix: String
        var pidFile: String
    }

    static let snmpd = Kind(prefix: "checkup-snmpd-", pidFile: "snmpd.pid")
    static let snmpsim = Kind(prefix: "checkup-snmpsim-", pidFile: "agent.pid")

    static func recordOwner(in directory: URL) {
        try? String(getpid()).write(to: directory.appendingPathComponent("owner.pid"), atomically: true, encoding: .utf8)
    }

    static func sweep(_ kind: Kind = snmpd) {
        let temp = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temp.path) else { return }
        for name in names where name.hasPrefix(kind.prefix) {
            let directory = temp.appendingPathComponent(name)
            guard let owner = pid(in: directory.appendingPathComponent("owner.pid")), !isAlive(owner) else { continue }
            if let agent = pid(in: directory.appendingPathComponent(kind.pidFile)), isAlive(agent),
               let commandLine = try? String(contentsOfFile: "/proc/\(agent)/cmdline", encoding: .utf8),
               commandLine.contains(name) {
                kill(agent, SIGKILL)
            }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    private static func pid(in file: URL) -> pid_t? {
        (try? String(contentsOf: file, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private static func isAlive(_ pid: pid_t) -> Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }
}
