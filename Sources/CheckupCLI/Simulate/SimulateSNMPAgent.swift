package import ArgumentParser
import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe

/// `checkup simulate snmp-agent`: the real `snmpd` serving a profile's recorded fixture (healthy
/// or a named fault, plus `--set` overrides), or snmpsim serving a recording of a real unit
/// (`--from unit.walk|unit.snmprec`), on a loopback UDP port, until SIGINT or SIGTERM.
///
/// ```
/// checkup simulate snmp-agent --from unit.walk          # snmpwalk -On output or .snmprec, via snmpsim
/// checkup simulate snmp-agent --profile hikvision-nvr --variant disk-2-smart-failed --port 16161
/// checkup probe "snmp://127.0.0.1:16161" --profile hikvision-nvr
/// checkup simulate snmp-agent --profile hikvision-camera --set 1.3.6.1.4.1.39165.1.7.0="string:97 PERCENT"
/// CHECKUP_SNMP_AUTH_PASS=… CHECKUP_SNMP_PRIV_PASS=… checkup simulate snmp-agent --profile ups-mib --v3-user ops
/// ```
package struct SimulateSNMPAgent: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "snmp-agent",
        abstract: "Serve a profile's SNMP fixture with snmpd, or a recording of a real unit with snmpsim.")

    @Option(help: "Profile id whose fixture to serve with snmpd (device-profiles/<kind>/fixtures/<id>.yaml).")
    package var profile: String?

    @Option(help: ArgumentHelp("A recording to serve with snmpsim: `snmpwalk -On` output or an .snmprec file (every SNMP type, Counter64 included).", valueName: "FILE"))
    package var from: String?

    @Option(help: "A named fault of the fixture, e.g. disk-2-smart-failed; omit for the healthy device. --list-variants shows them.")
    package var variant: String?

    @Option(help: "UDP port on 127.0.0.1; a free one is chosen when omitted.")
    package var port: Int?

    @Option(help: "Community the agent accepts (v1/v2c).")
    package var community: String = "public"

    @Option(name: .customLong("set"), help: ArgumentHelp("Serve OID with TYPE:VALUE, e.g. 1.3.6.1.4.1.39165.1.7.0=\"string:97 PERCENT\"; repeatable. Types: \(SNMPAgentValueTypes.names). absent: removes the object.", valueName: "OID=TYPE:VALUE"))
    package var sets: [String] = []

    @Option(name: .customLong("v3-user"), help: "Also create an SNMPv3 user (authPriv, SHA + AES) whose passphrases come from CHECKUP_SNMP_AUTH_PASS and CHECKUP_SNMP_PRIV_PASS.")
    package var v3User: String?

    @Option(help: "Directory holding device-profiles/<kind>/fixtures (default: the fixtures embedded in checkup).")
    package var profiles: String?

    @Flag(help: "List the fixture's variants and exit.")
    package var listVariants = false

    package init() {}

    package func validate() throws {
        switch (profile, from) {
        case (nil, nil): throw ValidationError("give --profile ID (a fixture, served by snmpd) or --from FILE (a recording, served by snmpsim)")
        case (_?, _?): throw ValidationError("give either --profile or --from, not both")
        case (nil, _?):
            let unsupported = [("--variant", variant != nil), ("--set", !sets.isEmpty), ("--v3-user", v3User != nil),
                               ("--list-variants", listVariants), ("--profiles", profiles != nil)]
            if let (flag, _) = unsupported.first(where: \.1) {
                throw ValidationError("\(flag) belongs to --profile fixtures; a --from recording is served as recorded")
            }
        default: break
        }
        if let port, !(1024...65535).contains(port) { throw ValidationError("--port must be 1024–65535 (snmpd runs unprivileged)") }
        for set in sets { _ = try Self.parseSet(set) }
    }

    /// The recorded fixture: from `--profiles` when given, else the copy embedded in the binary,
    /// else device-profiles/ on disk.
    static func dataset(_ id: String, profilesRoot: URL?) throws(SNMPAgentError) -> SNMPDataset {
        if profilesRoot == nil, let embedded = try Workspace.embeddedSNMPDataset(id) { return embedded }
        return try SNMPDataset.load(profile: id, profilesRoot: profilesRoot)
    }

    static func parseSet(_ text: String) throws -> (String, SNMPAgentValue) {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("--set \(text): expected OID=TYPE:VALUE")
        }
        let oid = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        guard SNMPObjectID(oid) != nil else { throw ValidationError("--set \(text): '\(oid)' is not a numeric OID") }
        do {
            return (oid, try SNMPAgentValue(parsing: String(text[text.index(after: equals)...])))
        } catch {
            throw ValidationError("--set \(text): \(error.description)")
        }
    }

    package func run() async throws {
        if let from { return try await serveRecording(from) }
        let dataset = try Self.dataset(profile ?? "", profilesRoot: profiles.map { URL(fileURLWithPath: $0) })
        if listVariants {
            print("\(dataset.profile): \(dataset.title ?? "")")
            print("  (healthy)")
            for name in dataset.variants.keys.sorted() {
                print("  \(name): \(dataset.variants[name]?.title ?? "")")
            }
            return
        }
        var overrides: [String: SNMPAgentValue] = [:]
        for set in sets {
            let (oid, value) = try Self.parseSet(set)
            overrides[oid] = value
        }
        var user: SNMPFixtureUser?
        if let v3User {
            let env = ProcessInfo.processInfo.environment
            guard let auth = env["CHECKUP_SNMP_AUTH_PASS"], let priv = env["CHECKUP_SNMP_PRIV_PASS"], auth.count >= 8, priv.count >= 8 else {
                throw CheckupError("--v3-user needs CHECKUP_SNMP_AUTH_PASS and CHECKUP_SNMP_PRIV_PASS (8 characters or more) in the environment")
            }
            user = SNMPFixtureUser(name: v3User, authPassphrase: auth, privPassphrase: priv)
        }
        let agent = try await SNMPAgentFixture.start(dataset: dataset, variant: variant, community: community,
                                                     v3User: user, overrides: overrides, port: port)
        await serve(agent, banner: [
            "SNMP agent (snmpd) serving \(dataset.profile) \(variant ?? "healthy") on udp 127.0.0.1:\(agent.port)",
            "  \(agent.snmpURL)   (community as given with --community)",
        ] + (agent.snmpv3URL.map { ["  \($0)   (passphrases from CHECKUP_SNMP_AUTH_PASS / CHECKUP_SNMP_PRIV_PASS)"] } ?? [])
          + ["  checkup probe \"\(agent.snmpURL)\" --profile \(dataset.profile)"])
    }

    /// Prints how to reach `agent`, then serves until SIGINT or SIGTERM.
    func serve(_ agent: SNMPAgentProcess, banner: [String]) async {
        for line in banner + ["Ctrl-C to stop."] { print(line) }
        fflush(nil)
        await InterruptSignal.waitForTermination()
        await agent.stop()
        print("stopped")
    }
}

extension SimulateSNMPAgent {
    /// `--from FILE`: snmpsim serving the recording until SIGINT or SIGTERM.
    func serveRecording(_ path: String) async throws {
        let recording = try SNMPRecording.load(path: path)
        let agent = try await SNMPRecordingAgent.start(recording: recording, community: community, port: port)
        let identity = [recording.sysObjectID.map { "sysObjectID \($0)" }, recording.sysDescr.map { "'\($0.prefix(60))'" }]
            .compactMap { $0 }.joined(separator: ", ")
        await serve(agent, banner: [
            "SNMP agent (snmpsim) serving \(path): \(recording.objects.count) objects\(identity.isEmpty ? "" : ", \(identity)"), on udp 127.0.0.1:\(agent.port)",
            "  \(agent.snmpURL)   (community as given with --community)",
            "  checkup probe \"\(agent.snmpURL)\"",
        ])
    }
}

/// The value types `--set` accepts, for the help text.
enum SNMPAgentValueTypes {
    static let names = "integer, gauge, counter, string, oid, hex, timeticks, ipaddress, datetime, timetext, absent"
}
