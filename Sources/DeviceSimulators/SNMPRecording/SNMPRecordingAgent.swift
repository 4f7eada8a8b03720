import CheckupCore
package import Foundation
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
package final class SNMPRecordingAgent: SNMPAgentProcess, @unchecked Sendable {
    package static let command = "snmpsim-command-responder"

    package let recording: SNMPRecording

    private init(port: Int, community: String, recording: SNMPRecording, directory: URL, process: SpawnedProcess) {
        self.recording = recording
        super.init(port: port, community: community, directory: directory, process: process)
    }

    // MARK: Starting

    /// Starts snmpsim serving `recording`; returns once it answers. Runs the blocking start-up on
    /// `BlockingIO.shared`, off the cooperative pool.
    package static func start(recording: SNMPRecording, community: String = "public", port: Int? = nil) async throws -> SNMPRecordingAgent {
        try await BlockingIO.shared.run { try launch(recording: recording, community: community, port: port) }
    }

    /// The blocking form of `start`: returns once snmpsim answers a GET of the first recorded object.
    package static func launch(recording: SNMPRecording, community: String = "public", port: Int? = nil) throws -> SNMPRecordingAgent {
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
            guard let failure = agent.failureToAnswer("snmpsim", firstObject, within: 30, log: logURL, logTail: 800) else { return agent }
            lastError = failure
        }
        throw lastError
    }

    /// snmpsim's command responder: PATH, then the system folders.
    package static func locateSNMPSim() throws(SNMPAgentError) -> URL {
        try locate(command, missing: "\(command) (snmpsim) not found in PATH: install it with `python3 -m pip install snmpsim pysmi` (scripts/deps.sh does)")
    }
}
