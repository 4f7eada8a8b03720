import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe

/// `profile test ID --replay unit.walk|unit.snmprec`: snmpsim serves the recording and the
/// profile is probed through the real SNMP path, exactly as a live unit would be: an OID the
/// unit does not answer is absent here too, however the profile names it.
struct RecordingReplay {
    var profile: Profile
    var workspace: Workspace
    var path: String

    /// Serves, probes, prints the results in `format`, stops the agent; returns probe's exit status.
    func run(format: OutputFormat) async throws -> ExitStatus {
        guard profile.protocolName == "snmp" else {
            throw CheckupError("\(path) is an SNMP recording; profile '\(profile.id)' speaks \(profile.protocolName): replay a capture of it instead")
        }
        let recording = try SNMPRecording.load(path: path)
        let agent = try await SNMPRecordingAgent.start(recording: recording)
        let report: RunReport
        do {
            let endpoint = try workspace.registry.endpoint(parsing: agent.snmpURL)
            let device = JobPlanner.adHocDevice(endpoint, profile: profile)
            // The agent's own community, whatever CHECKUP_SNMP_COMMUNITY says for real units.
            let job = Job(device: device, profile: profile, probe: try workspace.probe(for: profile, endpoint: endpoint),
                          credentials: Credentials(community: Secret(agent.community)))
            report = await CheckPipeline(options: PipelineOptions(concurrency: 1)).run([job])
        } catch {
            await agent.stop()
            throw error
        }
        await agent.stop()
        switch format {
        case .json: print(try JSONReport(report, includeExchanges: false).encoded())
        case .nagios: print(NagiosReport().render(report))
        case .text:
            print("replaying \(path) (\(recording.objects.count) objects, served by snmpsim) through \(profile.id)")
            print(TextReport(terminal: .standardOutput).render(report, showDevice: false))
        }
        return report.exitStatus
    }
}
