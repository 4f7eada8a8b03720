import CheckupCore
package import Foundation
import SNMPProbe

/// An SNMP agent run as a child process from its own temporary folder: what snmpd
/// (`SNMPAgentFixture`) and snmpsim (`SNMPRecordingAgent`) share — finding the binary, waiting
/// for the first answer, stopping and cleaning up.
package class SNMPAgentProcess: @unchecked Sendable {
    package let host = "127.0.0.1"
    package let port: Int
    package let community: String
    /// The agent's folder (0700): its configuration or data, log, pid file.
    package let directory: URL
    let process: SpawnedProcess
    private let stopped = Locked(false)

    /// `snmp://HOST:PORT` (the community is not in it: pass it as credentials).
    package var snmpURL: String { "snmp://\(host):\(port)" }

    init(port: Int, community: String, directory: URL, process: SpawnedProcess) {
        self.port = port
        self.community = community
        self.directory = directory
        self.process = process
    }

    deinit { stop() }

    /// `command` from PATH, then /usr/sbin and the other system folders; `missing` says how to install it.
    static func locate(_ command: String, missing: String) throws(SNMPAgentError) -> URL {
        guard let path = ExecutableLookup.path(of: command) else { throw SNMPAgentError(missing) }
        return URL(fileURLWithPath: path)
    }

    /// Nil once the agent (`name`, for the message) answers a v2c GET of `oid` as `answered` wants; otherwise (it exited,
    /// or `seconds` passed) stops it and says why, with the end of its log.
    func failureToAnswer(_ name: String, _ oid: SNMPObjectID, within seconds: Double, log: URL, logTail: Int = 600,
                         answered: ([SNMPVarBind]) -> Bool = { !$0.isEmpty }) -> SNMPAgentError? {
        var probe = SNMPSessionConfiguration(host: host, port: port, version: .v2c, community: Secret(community),
                                             timeout: .milliseconds(300), retries: 0)
        probe.maxRepetitions = 1
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            // An answer counts only while our agent runs: one that died on a taken port leaves another's answering.
            if let session = try? SNMPSession(probe), let binds = try? session.get([oid]), answered(binds), process.isRunning { return nil }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(logTail)) } ?? ""
        stop()
        return SNMPAgentError("\(name) on udp \(host):\(port) did not answer: \(tail)")
    }

    // MARK: Stopping

    /// Stops the agent like `stop()`, on `BlockingIO.shared`: waiting for it to exit blocks up
    /// to a second, which must not happen on the cooperative pool. Use this from async code.
    package func stop() async {
        await BlockingIO.shared.run { [self] in stop() }
    }

    /// Stops the agent (SIGTERM, SIGKILL after 1 s), waits for it, and removes its folder.
    /// Blocks: for `deinit` and `defer`; async code awaits `stop()`. Safe to call twice.
    package func stop() {
        let alreadyStopped = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        process.terminate()
        try? FileManager.default.removeItem(at: directory)
    }

    /// True while the agent runs.
    package var isRunning: Bool { process.isRunning }

    /// Blocks until the agent exits (for `checkup simulate`, which stops it on a signal).
    package func waitUntilExit() { process.waitUntilExit() }
}
