import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe
import Testing

/// `probe` without `--profile`: snmpd serves units shaped like the real ones of public
/// recordings (librenms/librenms tests/snmpsim/*.snmprec: what they answer and lack, our
/// values), and the identifier must pick the vendor's profile, or generic-snmp for anything
/// else; then the chosen profile, probed, gives no `error` and no failure for what the unit lacks.
struct IdentificationTests {
    static let community = "identify-community-28"

    struct Unit: Sendable, CustomTestStringConvertible {
        var name: String
        var profile: String
        var dataset: String
        var testDescription: String { "\(name) → \(profile)" }
    }

    static let units: [Unit] = [
        Unit(name: "Hikvision NVR (hikvision-nvr.snmprec)", profile: "hikvision-nvr", dataset: """
        profile: real-hikvision-nvr
        sys-descr: Hikvision company products
        sys-object-id: 1.3.6.1.4.1.50001
        objects:
          1.3.6.1.4.1.50001.1.1.0: "string:192.168.1.64"
          1.3.6.1.4.1.50001.1.3.0: "string:DS-7608NI-K20820191234CCRR"
          1.3.6.1.4.1.50001.1.100.0: "integer:2"
          1.3.6.1.4.1.50001.1.101.0: "string:V4.22.005"
          1.3.6.1.4.1.50001.1.220.0: "integer:2048"
          1.3.6.1.4.1.50001.1.221.0: "integer:23"
          1.3.6.1.4.1.50001.1.241.1.4.1.0: "integer:1827840"
          1.3.6.1.4.1.50001.1.241.1.5.1.0: "integer:3815447"
        """),
        Unit(name: "Hikvision camera without sysObjectID (hikvision-cam.snmprec)", profile: "hikvision-camera", dataset: """
        profile: real-hikvision-camera
        sys-descr: IP CAMERA
        sys-object-id: none
        objects:
          1.3.6.1.4.1.39165.1.1.0: "string:DS-2CD2032-I"
          1.3.6.1.4.1.39165.1.3.0: "string:V5.4.5 build 170123"
          1.3.6.1.4.1.39165.1.7.0: "string:15 PERCENT"
          1.3.6.1.4.1.39165.1.8.0: "string:0.0 GB"
          1.3.6.1.4.1.39165.1.9.0: "string:0 PERCENT"
          1.3.6.1.4.1.39165.1.10.0: "string:512 MB"
          1.3.6.1.4.1.39165.1.11.0: "string:83 PERCENT"
        """),
        Unit(name: "Dahua NVR (dahua-nvr.snmprec)", profile: "dahua-nvr", dataset: """
        profile: real-dahua-nvr
        sys-descr: DH-NVR4108HS-8P-4KS2
        sys-object-id: 1.3.6.1.4.1.1004849.3.2.10
        objects:
          1.3.6.1.4.1.1004849.2.1.1.1.0: "string:4.001.0000000.0.R"
          1.3.6.1.4.1.1004849.2.1.2.4.0: "string:4J01234PAZ56789"
          1.3.6.1.4.1.1004849.2.1.2.6.0: "string:DH-NVR4108HS-8P-4KS2"
          1.3.6.1.4.1.1004849.2.1.2.8.0: "integer:1"
          1.3.6.1.4.1.1004849.2.1.3.0: "integer:6"
        """),
        Unit(name: "Axis PTZ dome (axiscam.snmprec)", profile: "axis-camera", dataset: """
        profile: real-axis-camera
        sys-descr: "; AXIS P5534-E; PTZ Dome Network Camera; 5.40.9.2; Oct 07 2013 12:00; 14C; 1;"
        sys-object-id: 1.3.6.1.4.1.368
        objects:
          1.3.6.1.4.1.368.4.1.3.1.3.2.1: "integer:1"
          1.3.6.1.4.1.368.4.1.3.1.4.2.1: "integer:41"
        """),
        Unit(name: "UPS-MIB unit of another vendor, 999 minutes remaining", profile: "ups-mib", dataset: """
        profile: real-ups
        sys-descr: "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.5.6)"
        sys-object-id: 1.3.6.1.4.1.318.1.3.27
        objects:
          1.3.6.1.2.1.33.1.1.1.0: "string:APC"
          1.3.6.1.2.1.33.1.1.2.0: "string:Smart-UPS 1500"
          1.3.6.1.2.1.33.1.2.1.0: "integer:2"
          1.3.6.1.2.1.33.1.2.2.0: "integer:0"
          1.3.6.1.2.1.33.1.2.3.0: "integer:999"
          1.3.6.1.2.1.33.1.2.4.0: "integer:100"
          1.3.6.1.2.1.33.1.4.1.0: "integer:3"
          1.3.6.1.2.1.33.1.6.1.0: "gauge:0"
        """),
        Unit(name: "an unknown switch", profile: "generic-snmp", dataset: """
        profile: unknown-switch
        sys-descr: GS1900-8 managed switch
        sys-object-id: 1.3.6.1.4.1.890.1.15
        objects:
          1.3.6.1.2.1.1.3.0: "timeticks:86400000"
        """),
    ]

    static func identifier() -> (DeviceIdentifier, AnyProbe) {
        let registry = ProbeRegistry { $0.register(SNMPProbe()) }
        let probe = registry.probe(forProtocol: "snmp")!
        let files = ProfileCatalog.profileFiles(in: ProfileFixtureTests.root.path).filter { path in
            (try? String(contentsOfFile: path, encoding: .utf8))?.contains("protocol: snmp") == true
        }
        let catalog = ProfileCatalog(registry: registry, embedded: files.map { ($0, (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "") })
        return (DeviceIdentifier(catalog: catalog, probe: probe), probe)
    }

    @Test(arguments: units)
    func probeWithoutProfilePicksTheRightOne(_ unit: Unit) async throws {
        let (identifier, probe) = Self.identifier()
        #expect(identifier.catalog.errors.isEmpty, "\(identifier.catalog.errors)")
        let agent = try await SNMPAgentFixture.start(dataset: try SNMPDataset(yaml: unit.dataset), community: Self.community)
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: agent.snmpURL)
        let context = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(community: Secret(Self.community)))
        let outcome = try #require(await identifier.identify(endpoint, context: context))
        #expect(outcome.chosen?.id == unit.profile, "\(outcome.candidates.map { "\($0.profile.id)=\($0.verdict?.score ?? -1)" })")
        #expect(outcome.fellBack == (unit.profile == "generic-snmp"))

        let profile = try #require(outcome.chosen)
        let readings = await probe.read(profile.points, from: endpoint, context: context)
        let results = Evaluator().evaluate(profile, readings: readings, device: unit.name)
        let bad = results.filter { [.error, .fail, .unreachable].contains($0.status) }
        #expect(bad.isEmpty, "\(bad.map { "\($0.check)=\($0.status.rawValue): \($0.observed)" })")
    }

    @Test func hikvisionCameraHasNoObjectIDAndIsNotTakenForTheNVR() async throws {
        let (identifier, _) = Self.identifier()
        let agent = try await SNMPAgentFixture.start(dataset: try SNMPDataset(yaml: Self.units[1].dataset), community: Self.community)
        defer { agent.stop() }
        let context = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(community: Secret(Self.community)))
        let outcome = try #require(await identifier.identify(try SNMPProbe.endpoint(parsing: agent.snmpURL), context: context))
        #expect(outcome.identity.objectID == nil, "the fixture answers no sysObjectID")
        let nvr = try #require(outcome.candidates.first { $0.profile.id == "hikvision-nvr" }?.verdict)
        #expect(nvr.score == nil)
        let type = try #require(nvr.rules.first { $0.rule.contains("50001.1.100.0") })
        #expect(!type.matched)
        #expect(type.detail.contains("not answered"), "\(type.detail)")
    }

    /// A Hikvision unit on enterprise 50001 that says it is a camera (.100 = 3) is no recorder.
    @Test func hikvisionTypeObjectTellsRecorderFromCamera() {
        let (identifier, _) = Self.identifier()
        var identity = DeviceIdentity(objectID: "1.3.6.1.4.1.50001", description: "Hikvision company products")
        identity.objects["1.3.6.1.4.1.50001.1.100.0"] = .integer(3)
        let outcome = identifier.choose(for: identity)
        #expect(outcome.chosen?.id == "generic-snmp")
        identity.objects["1.3.6.1.4.1.50001.1.100.0"] = .integer(1)
        #expect(identifier.choose(for: identity).chosen?.id == "hikvision-nvr", "a DVR shares the NVR's MIB")
    }

    @Test func alternativeAddressIsTriedWhenTheFirstIsAbsent() async throws {
        let registry = ProbeRegistry { $0.register(SNMPProbe()) }
        let profile = try ProfileLoader(registry: registry).load(text: """
        schema: 1
        id: moved
        protocol: snmp
        title: {zh: 测试, en: Test}
        record: {section: central-control, item: {zh: 测试, en: Test}}
        points:
          memory:
            oid: 1.3.6.1.4.1.99999.1.9.0
            unit: "%"
            alternatives: [{oid: 1.3.6.1.4.1.99999.2.9.0}, {oid: 1.3.6.1.4.1.99999.3.9.0}]
          nowhere:
            oid: 1.3.6.1.4.1.99999.1.8.0
            alternatives: [{oid: 1.3.6.1.4.1.99999.2.8.0}]
        checks:
          - {id: memory, title: Memory, point: memory, warning: "~:85"}
          - {id: nowhere, title: Nowhere, point: nowhere, range: "0:"}
        """, origin: "moved.yaml")
        let agent = try await SNMPAgentFixture.start(dataset: try SNMPDataset(yaml: """
        profile: moved
        objects:
          1.3.6.1.4.1.99999.2.9.0: "integer:91"
        """), community: Self.community)
        defer { agent.stop() }
        let context = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(community: Secret(Self.community)))
        let readings = await registry.probe(forProtocol: "snmp")!.read(profile.points, from: try SNMPProbe.endpoint(parsing: agent.snmpURL), context: context)
        #expect(readings["memory"]?.value == .integer(91))
        #expect(readings["memory"]?.evidence?.contains("1.3.6.1.4.1.99999.2.9.0") == true)
        let nowhere = try #require(readings["nowhere"])
        #expect(nowhere.value.isAbsent)
        #expect(nowhere.evidence?.contains("1.3.6.1.4.1.99999.1.8.0") == true && nowhere.evidence?.contains("1.3.6.1.4.1.99999.2.8.0") == true,
                "every address tried is in the evidence: \(nowhere.evidence ?? "")")
        let results = Evaluator().evaluate(profile, readings: readings, device: "moved")
        #expect(results.map(\.status) == [.warn, .unsupported])
    }
}

/// The same choice from what a recording holds (the seam `profile identify FILE` will use): the
/// objects that the public recordings librenms/librenms tests/snmpsim/*.snmprec answer.
struct RecordedIdentificationTests {
    static let recordings: [(objects: [String: Value], profile: String)] = [
        (["1.3.6.1.2.1.1.1.0": .text("Hikvision company products"), "1.3.6.1.2.1.1.2.0": .oid("1.3.6.1.4.1.50001"),
          "1.3.6.1.4.1.50001.1.100.0": .integer(2)], "hikvision-nvr"),
        (["1.3.6.1.4.1.39165.1.1.0": .text("DS-2CD2143G2-IS")], "hikvision-camera"),
        (["1.3.6.1.2.1.1.1.0": .text("DH-NVR4108HS-8P-4KS2"), "1.3.6.1.2.1.1.2.0": .oid("1.3.6.1.4.1.1004849.3.2.10")], "dahua-nvr"),
        (["1.3.6.1.2.1.1.1.0": .text("; AXIS P5534-E; PTZ Dome Network Camera; 5.40.9.2; Mar 05 2014 10:21; 1BE; 1;"),
          "1.3.6.1.2.1.1.2.0": .oid("1.3.6.1.4.1.368")], "axis-camera"),
        (["1.3.6.1.2.1.1.1.0": .text("NET Agent II"), "1.3.6.1.2.1.1.2.0": .oid("1.3.6.1.4.1.935"),
          "1.3.6.1.2.1.33.1.1.1.0": .text("SANTAK")], "ups-mib"),
        (["1.3.6.1.2.1.1.1.0": .text("Linux gateway 5.10"), "1.3.6.1.2.1.1.2.0": .oid("1.3.6.1.4.1.8072.3.2.10")], "generic-snmp"),
    ]

    @Test(arguments: recordings.indices)
    func recordedUnitPicksTheRightProfile(_ index: Int) {
        let (identifier, _) = IdentificationTests.identifier()
        let (objects, profile) = Self.recordings[index]
        let outcome = identifier.choose(for: identifier.identity(recorded: objects))
        #expect(outcome.chosen?.id == profile, "\(outcome.candidates.map { "\($0.profile.id)=\($0.verdict?.score ?? -1)" })")
    }
}
