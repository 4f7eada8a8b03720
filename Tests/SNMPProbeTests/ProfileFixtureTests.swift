import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe
import Testing

/// Every shipped SNMP profile, loaded by the core's loader, read by `SNMPProbe` from the real
/// snmpd serving its recorded fixture (device-profiles/<kind>/fixtures/<id>.yaml), and judged by
/// the core's evaluator: the healthy device and every named fault give the recorded verdicts.
struct ProfileFixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("device-profiles")

    /// One profile in one state (nil variant = healthy).
    struct Case: Sendable, CustomTestStringConvertible {
        var dataset: SNMPDataset
        var variant: String?
        var testDescription: String { "\(dataset.profile) \(variant ?? "healthy")" }
    }

    static let datasets: [SNMPDataset] = (try? SNMPDataset.all(profilesRoot: root)) ?? []

    static let cases: [Case] = datasets.flatMap { dataset in
        [Case(dataset: dataset, variant: nil)] + dataset.variants.keys.sorted().map { Case(dataset: dataset, variant: $0) }
    }

    static func profile(_ id: String) throws -> Profile {
        let loader = ProfileLoader(registry: ProbeRegistry { $0.register(SNMPProbe()) })
        let files = ProfileCatalog.profileFiles(in: root.path)
        guard let path = files.first(where: { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent == id }) else {
            throw SNMPAgentError("no profile file for \(id) under \(root.path)")
        }
        return try loader.load(path: path)
    }

    @Test func everySNMPProfileHasARecordedFixture() throws {
        let ids = ProfileCatalog.profileFiles(in: Self.root.path).compactMap { path -> String? in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("protocol: snmp") else { return nil }
            return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        #expect(Set(ids) == Set(Self.datasets.map(\.profile)))
        #expect(ids.count >= 7)
    }

    // One agent at a time: snmpd answers timeticks and dates from a `pass` script forked per
    // request, and net-snmp gives up on a script that is slow to answer (noSuchInstance). Fifty
    // agents started at once on two cores, beside the rest of the suite, made uptime and clock
    // read as absent in a fresh-clone CI run.
    @Test(.serialized, arguments: cases)
    func profileAgainstItsFixture(_ c: Case) async throws {
        let profile = try Self.profile(c.dataset.profile)
        let agent = try await SNMPAgentFixture.start(dataset: c.dataset, variant: c.variant, community: "fixture-community-7")
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: agent.snmpURL)
        let context = ProbeContext(timeout: .milliseconds(500), retries: 1,
                                   credentials: Credentials(community: Secret("fixture-community-7")))
        let readings = await AnyProbeReader.read(profile, endpoint, context)
        #expect(readings.unreachable == nil, "\(readings.unreachable ?? "")")
        let results = Evaluator(now: Date()).evaluate(profile, readings: readings, device: c.testDescription)
        let expected = c.dataset.expectations(variant: c.variant)
        #expect(Set(expected.keys) == Set(results.map(\.check)), "every check has a recorded verdict")
        for result in results {
            guard let want = expected[result.check] else { continue }
            #expect(result.status == want.status,
                    "\(result.check): \(result.status) (observed \(result.observed); expected \(result.expected); \(result.note ?? ""))")
            if let mention = want.mentions {
                let said = ([result.observed, result.note ?? ""] + result.offending + result.evidence).joined(separator: " | ")
                #expect(said.contains(mention), "\(result.check) should mention '\(mention)': \(said)")
            }
        }
        let printed = String(decoding: try JSONEncoder().encode(results), as: UTF8.self) + readings.exchanges.map(\.text).joined()
        #expect(!printed.contains("fixture-community-7"))
    }
}

/// Reads a profile's points through the type-erased probe, as the pipeline does.
enum AnyProbeReader {
    static func read(_ profile: Profile, _ endpoint: Endpoint, _ context: ProbeContext) async -> Readings {
        let registry = ProbeRegistry { $0.register(SNMPProbe()) }
        guard let probe = registry.probe(forProtocol: "snmp") else { return .unreachable("no snmp probe") }
        return await probe.read(profile.points, from: endpoint, context: context)
    }
}
