import CheckupCore
import Foundation
import SNMPProbe

/// snmpsim (PyPI `snmpsim`, `snmpsim-command-responder`) serving an `SNMPRecording` on a free
/// loopback UDP port: a second, independent SNMP agent that answers every SNMP type a real
/// unit does (Counter64, IpAddress, TimeTicks, Opaque), which our snmpd fixture cannot.
///
/// The recording is written to a private directory (mode 0700) as `data/COMMUNITY.snmprec`:
/// snmpsim answers the community named by the file. `stop()` (or deinit) ends snmpsim's process
/// group and removes the directory; an owner that died without stopping it has its agent swept
/// by the next start, as with snmpd.
///
/// ```swift
/// let unit = try await SNMPRecordingAgent.start(recording: try SNMPRecording.load(path: "unit.walk"))
/// let url = unit.snmpURL            // snmp://127.0.0.1:PORT, community "public"
/// ```
public final class SNMPRecordingAgent: @unchecked Sendable {
    public static let command = "snmpsim-command-responder"

    public let host = "127.0.0.1"
    public let port: Int
    public let community: String
    public let recording: SNMPRecording
    /// Holds data/COMMUNITY.snmprec, snmpsim's index cache and its log.
    public let directory: URL
    private let process: SpawnedProcess
    private let state = Locked<Bool>(false)   // stopped

    /// `snmp://HOST:PORT` (the community is not in it: pass it as credentials).
    public var snmpURL: String { "snmp://\(host):\(port)" }

    private init(port: Int, community: String, recording: SNMPRecording, directory: URL, process: SpawnedProcess) {
        self.port = port
        self.community = community
        self.recording = recording
        self.directory = directory
        self.process = process
    }

    deinit { stop() }

    // MARK: Starting

    /// Starts snmpsim serving `recording`; returns once it answers. Runs the blocking start-up on
    /// `BlockingIO.shared`, off the cooperative pool.
    public static func start(recording: SNMPRecording, community: String = "public", port: Int? = nil) async throws -> SNMPRecordingAgent {
        try await BlockingIO.shared.run { try launch(recording: recording, community: community, port: port) }
    }

    /// The blocking form of `start`: returns once snmpsim answers a GET of the first recorded object.
    public static func launch(recording: SNMPRecording, community: String = "public", port: Int? = nil) throws -> SNMPRecordingAgent {
        guard community.range(of: "^[A-Za-z0-9._-]+$", options: .regularExpression) != nil, !community.hasPrefix(".") else {
            throw SNMPAgentError("community '\(community)' cannot name snmpsim's data file: use letters, digits, '.', '_' and '-'")
        }
        guard let firstObject = recording.objects.first?.oid else { throw SNMPAgentError("the recording holds no objects") }
        let snmpsim = try locateSNMPSim()
        StaleAgentSweeper.sweep(StaleAgentSweeper.snmpsim)
        var lastError = SNMPAgentError("snmpsim did not start")
        for _ in 0..<(port == nil ? 5 : 1) {
            let chosenPort = try port ?? FreePort.udp()
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("\(StaleAgentSweeper.snmpsim.prefix)\(chosenPort)-\(UUID().uuidString.prefix(8))")
            let data = directory.appendingPathComponent("data")
            do {
                // 0700: the data file's name is the community.
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
                try recording.snmprec.write(to: data.appendingPathComponent("\(community).snmprec"), atomically: true, encoding: .utf8)
            } catch {
                throw SNMPAgentError("cannot write the recording under \(directory.path): \(error)")
            }
            StaleAgentSweeper.recordOwner(in: directory)
            var environment = ProcessInfo.processInfo.environment
            // snmpsim refuses to run as root unless it drops to another user, who could not read
            // the 0700 directory; it serves loopback only, so root is allowed to keep it.
            if getuid() == 0 { environment["SNMPSIM_ALLOW_ROOT"] = "true" }
            let logURL = directory.appendingPathComponent("snmpsim.log")
            let process = try SpawnedProcess(
                executable: snmpsim.path,
                arguments: ["--data-dir=\(data.path)", "--cache-dir=\(directory.appendingPathComponent("cache").path)",
                            "--agent-udpv4-endpoint=127.0.0.1:\(chosenPort)", "--log-level=error"],
                environment: environment, logPath: logURL.path, ownProcessGroup: true)
            try? String(process.pid).write(to: directory.appendingPathComponent(StaleAgentSweeper.snmpsim.pidFile),
                                            atomically: true, encoding: .utf8)
            let agent = SNMPRecordingAgent(port: chosenPort, community: community, recording: recording,
                                           directory: directory, process: process)
            // Python start-up and the first index build take seconds on a loaded machine.
            if agent.waitUntilAnswering(firstObject, deadline: Date().addingTimeInterval(30)) { return agent }
            let tail = (try? String(contentsOf: logURL, encoding: .utf8)).map { String($0.suffix(800)) } ?? ""
            agent.stop()
            lastError = SNMPAgentError("snmpsim on udp 127.0.0.1:\(chosenPort) did not answer: \(tail)")
        }
        throw lastError
    }

    /// Polls `oid` over v2c until snmpsim answers, exits, or the deadline passes.
    private func waitUntilAnswering(_ oid: SNMPObjectID, deadline: Date) -> Bool {
        var probe = SNMPSessionConfiguration(host: host, port: port, version: .v2c, community: Secret(community),
                                             timeout: .milliseconds(300), retries: 0)
        probe.maxRepetitions = 1
        while Date() < deadline {
            guard process.isRunning else { return false }
            if let session = try? SNMPSession(probe), let binds = try? session.get([oid]), !binds.isEmpty {
                return true
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// snmpsim's command responder: PATH, then the system folders.
    public static func locateSNMPSim() throws(SNMPAgentError) -> URL {
        guard let path = ExecutableLookup.path(of: command) else {
            throw SNMPAgentError("\(command) (snmpsim) not found in PATH: install it with `python3 -m pip install snmpsim pysmi` (scripts/deps.sh does)")
        }
        return URL(fileURLWithPath: path)
    }

    // MARK: Stopping

    /// Stops snmpsim like `stop()`, on `BlockingIO.shared`. Use this from async code.
    public func stop() async {
        await BlockingIO.shared.run { [self] in stop() }
    }

    /// Stops snmpsim (SIGTERM to its process group, SIGKILL after 1 s), reaps it, and removes
    /// the directory. Blocks: for `deinit` and `defer`. Safe to call twice.
    public func stop() {
        let alreadyStopped = state.withLock { stopped -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        process.terminate()
        try? FileManager.default.removeItem(at: directory)
    }

    /// True while snmpsim runs.
    public var isRunning: Bool { process.isRunning }

    /// Blocks until snmpsim exits (for `checkup simulate`, which stops it on a signal).
    public func waitUntilExit() { process.waitUntilExit() }
}
