import CheckupCore
package import Foundation
import SNMPProbe

/// The real net-snmp agent, `snmpd`, serving a recorded dataset on a free loopback UDP port.
///
/// Used by the tests, by `checkup demo` and by `checkup simulate snmp-agent`. Each fixture
/// has its own temporary directory (config, pass_persist scripts, persistent state, log) and its own
/// engine ID, so several run side by side. `stop()` (or deinit) kills snmpd and waits for it.
///
/// ```swift
/// let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: "disk-2-smart-failed")
/// let url = "snmp://127.0.0.1:\(nvr.port)"     // community "public" unless given
/// ```
package final class SNMPAgentFixture: SNMPAgentProcess, @unchecked Sendable {
    package let user: SNMPFixtureUser?
    package let dataset: SNMPDataset
    package let variant: String?
    /// `snmpv3://USER@HOST:PORT?level=…&auth=…&priv=…`, when a v3 user was created.
    package var snmpv3URL: String? {
        guard let user else { return nil }
        return "snmpv3://\(user.name)@\(host):\(port)?level=\(user.level.rawValue)&auth=\(user.auth.rawValue)&priv=\(user.priv.rawValue)"
    }
    /// The expected verdict per check of the variant being served.
    package var expectations: [String: SNMPDataset.Expectation] { dataset.expectations(variant: variant) }

    private init(port: Int, community: String, user: SNMPFixtureUser?, dataset: SNMPDataset, variant: String?,
                 directory: URL, process: SpawnedProcess) {
        self.user = user
        self.dataset = dataset
        self.variant = variant
        super.init(port: port, community: community, directory: directory, process: process)
    }

    // MARK: Starting

    /// Starts snmpd for the recorded fixture of `profile` (device-profiles/*/fixtures/ID.yaml).
    package static func start(profile: String, variant: String? = nil, community: String = "public",
                             v3User: SNMPFixtureUser? = nil, overrides: [String: SNMPAgentValue] = [:],
                             port: Int? = nil, profilesRoot: URL? = nil) async throws -> SNMPAgentFixture {
        let dataset = try SNMPDataset.load(profile: profile, profilesRoot: profilesRoot)
        return try await start(dataset: dataset, variant: variant, community: community, v3User: v3User,
                               overrides: overrides, port: port)
    }

    /// Starts snmpd serving `dataset` (healthy, or the named `variant`), with `overrides` on top.
    /// Runs the blocking start-up on `BlockingIO.shared`, off the cooperative pool.
    package static func start(dataset: SNMPDataset, variant: String? = nil, community: String = "public",
                             v3User: SNMPFixtureUser? = nil, overrides: [String: SNMPAgentValue] = [:],
                             port: Int? = nil) async throws -> SNMPAgentFixture {
        try await BlockingIO.shared.run {
            try launch(dataset: dataset, variant: variant, community: community, v3User: v3User,
                       overrides: overrides, port: port)
        }
    }

    /// The blocking form of `start`: returns once snmpd answers a GET of sysDescr.
    package static func launch(dataset: SNMPDataset, variant: String? = nil, community: String = "public",
                              v3User: SNMPFixtureUser? = nil, overrides: [String: SNMPAgentValue] = [:],
                              port: Int? = nil) throws -> SNMPAgentFixture {
        let snmpd = try locateSNMPD()
        StaleAgentSweeper.sweep()
        let objects = try dataset.objects(variant: variant, overrides: overrides)
        var lastError = SNMPAgentError("snmpd did not start")
        for _ in 0..<(port == nil ? 5 : 1) {
            let chosenPort = try port ?? FreePort.udp()
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("checkup-snmpd-\(dataset.profile)-\(chosenPort)-\(UUID().uuidString.prefix(8))")
            do {
                // 0700: snmpd.conf holds the community and the v3 passphrases.
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw SNMPAgentError("cannot create \(directory.path): \(error)")
            }
            StaleAgentSweeper.recordOwner(in: directory)
            let configuration = SNMPAgentConfiguration(
                port: chosenPort, community: community, user: v3User,
                sysDescr: dataset.sysDescr ?? "checkup simulated \(dataset.profile)",
                sysObjectID: dataset.sysObjectID, objects: objects,
                engineID: "checkup\(chosenPort)\(UInt32.random(in: 0...UInt32.max))")
            let configPath = try configuration.write(to: directory)
            var environment = ProcessInfo.processInfo.environment
            environment["MIBS"] = ""
            environment["SNMP_PERSISTENT_DIR"] = directory.appendingPathComponent("persist").path
            environment["SNMPCONFPATH"] = directory.path
            let logURL = directory.appendingPathComponent("snmpd.log")
            let process = try SpawnedProcess(
                executable: snmpd.path,
                arguments: ["-f", "-Lo", "-C", "-I", "-" + SNMPAgentConfiguration.excludedModules.joined(separator: ","),
                            "-c", configPath.path, "-p", directory.appendingPathComponent("snmpd.pid").path],
                environment: environment, logPath: logURL.path)
            let fixture = SNMPAgentFixture(port: chosenPort, community: community, user: v3User, dataset: dataset,
                                           variant: variant, directory: directory, process: process)
            guard let failure = fixture.failureToAnswer("snmpd", MIB2.sysDescr, within: 10, log: logURL,
                                                        answered: { $0.first.map { !$0.value.isException } == true }) else { return fixture }
            lastError = failure
        }
        throw lastError
    }

    /// The snmpd binary: PATH, then /usr/sbin and the other system folders.
    package static func locateSNMPD() throws(SNMPAgentError) -> URL {
        try locate("snmpd", missing: "snmpd (net-snmp's agent) not found in PATH or /usr/sbin: install it with `apt-get install snmpd`")
    }
}
