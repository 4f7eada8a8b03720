import ArgumentParser
import CheckupCore
import DeviceSimulators
import SNMPProbe
import Foundation

extension ProfileCommand {
    /// `checkup profile identify URL|FILE`: which profile `probe` would pick for a unit, and why.
    struct Identify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain which profile a unit matches: every candidate with its score and rules.",
            discussion: """
            Examples:
              checkup profile identify "snmp://10.0.0.20?version=2c"
              checkup profile identify nvr.snmprec

            A profile matches when one of its recognisers (sys-object-id, sys-descr, model) \
            matches, or it has none, and every one of its identify objects holds. The highest \
            score wins; with no match, generic-snmp is used.
            """)

        @Argument(help: ArgumentHelp("Endpoint URL, or a recording (.snmprec, snmpwalk -On).", valueName: "url-or-file"))
        var target: String

        @OptionGroup var options: ProbeOptions

        func run() async throws {
            let workspace = options.workspace()
            guard target.contains("://") else {
                print(IdentifyReport.render(try RecordedUnit.identify(target, workspace: workspace)))
                return
            }
            let endpoint = try workspace.registry.endpoint(parsing: target)
            guard let probe = workspace.registry.probe(forScheme: endpoint.scheme), probe.canIdentify else {
                throw CheckupError("\(endpoint.scheme) devices cannot identify themselves: give --profile to `checkup probe`")
            }
            let planner = JobPlanner(workspace: workspace, credentialsFile: try Workspace.loadCredentials(options.credentials))
            let device = Device(id: "identify", name: "identify", kind: .camera, profile: "", endpoint: endpoint)
            let credentials = try planner.credentialsFile.credentials(for: device, environment: planner.environment)
            let opts = options.pipelineOptions()
            let context = ProbeContext(timeout: opts.timeout, retries: opts.retries, credentials: credentials)
            let identifier = DeviceIdentifier(catalog: workspace.catalog, probe: probe)
            guard let outcome = await identifier.identify(endpoint, context: context) else {
                print("CHECKUP CRITICAL - \(endpoint) did not answer the identification request")
                throw ExitCode(2)
            }
            print(IdentifyReport.render(outcome))
        }
    }
}

/// `profile identify FILE`, for a recording of a unit (`.snmprec`, `snmpwalk -On`): the objects
/// the unit answered, judged by the same rules as a live unit.
enum RecordedUnit {
    static func identify(_ path: String, workspace: Workspace) throws -> DeviceIdentifier.Outcome {
        let recording: SNMPRecording
        do { recording = try SNMPRecording.load(path: path) } catch { throw error }
        guard let probe = workspace.registry.probe(forScheme: "snmp") else { throw CheckupError("no SNMP probe in this build") }
        var objects: [String: Value] = [:]
        for bind in recording.objects {
            objects[bind.oid.description] = SNMPValueMapping.value(bind.value, oid: bind.oid, hint: nil)
        }
        let identifier = DeviceIdentifier(catalog: workspace.catalog, probe: probe)
        return identifier.choose(for: identifier.identity(recorded: objects))
    }
}

/// The text `profile identify` prints.
enum IdentifyReport {
    static func render(_ outcome: DeviceIdentifier.Outcome) -> String {
        let identity = outcome.identity
        var lines = ["unit: sysObjectID \(identity.objectID ?? "none"), sysDescr '\(identity.description ?? "")'"
                     + (identity.model.map { ", model \($0)" } ?? "")]
        if let chosen = outcome.chosen {
            lines.append("chosen: \(chosen.id)" + (outcome.fellBack ? " (no vendor profile matched: the generic fallback)" : ""))
        } else {
            lines.append("chosen: none (no profile matched and there is no generic profile): give --profile")
        }
        for candidate in outcome.candidates {
            let mark = candidate.profile.id == outcome.chosen?.id ? "  ← chosen" : ""
            guard let verdict = candidate.verdict else {
                lines.append("\n\(candidate.profile.id): no identify: section\(mark)")
                continue
            }
            lines.append("\n\(candidate.profile.id): " + (verdict.score.map { "score \($0)" } ?? "no match") + mark)
            for rule in verdict.rules {
                let points = rule.points.map { " (+\($0))" } ?? ""
                lines.append("  \(rule.matched ? "✓" : "✗") \(rule.rule) [\(rule.kind.rawValue)]: \(rule.detail)\(points)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
