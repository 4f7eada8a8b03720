import CheckupCore
import DeviceSimulators
import Foundation
import CheckupTestKit
import SNMPProbe
import Testing

/// The probe end to end against snmpd: URL schemes, credentials, unreachable devices, v3
/// authentication failures, identification, and no secret in anything it returns.
struct SNMPProbeTests {
    static let community = "probe-community-91"
    static let user = SNMPFixtureUser(name: "nvradmin", authPassphrase: "auth-pass-5519", privPassphrase: "priv-pass-7730")

    static let nvrPoints: [Point<SNMPAddress>] = [
        Point(id: "status", address: SNMPAddress(oid: "1.3.6.1.4.1.50001.1.230.0")),
        Point(id: "missing", address: SNMPAddress(oid: "1.3.6.1.4.1.50001.1.999.0")),
        Point(id: "disks", address: SNMPAddress(table: "1.3.6.1.4.1.50001.1.241.1",
                                                columns: [SNMPColumn(name: "volume", number: 2), SNMPColumn(name: "status", number: 3)])),
    ]

    func nvr(_ variant: String? = nil) async throws -> SNMPAgentFixture {
        try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: variant, community: Self.community, v3User: Self.user)
    }

    /// Everything a probe hands back, as text, to look for secrets in.
    func printed(_ readings: Readings) throws -> String {
        let values = try JSONEncoder().encode(readings.values)
        return [String(decoding: values, as: UTF8.self), readings.unreachable ?? ""].joined(separator: "\n")
            + readings.exchanges.map(\.text).joined(separator: "\n")
    }

    func assertNoSecret(_ readings: Readings) throws {
        let text = try printed(readings)
        for secret in [Self.community, Self.user.authPassphrase, Self.user.privPassphrase, "wrong-community-33", "wrong-pass-4242"] {
            #expect(!text.contains(secret), "secret leaked: \(secret)")
        }
    }

    @Test func v2cWithCommunityInTheURL() async throws {
        let agent = try await nvr("disk-2-smart-failed")
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmp://\(Self.community)@127.0.0.1:\(agent.port)?version=2c")
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: ProbeContext(timeout: .milliseconds(500)))
        #expect(readings.unreachable == nil)
        #expect(readings["status"]?.value == .integer(1))
        #expect(readings["missing"]?.value == .absent("noSuchObject at 1.3.6.1.4.1.50001.1.999.0"))
        guard case .table(let rows)? = readings["disks"]?.value else { Issue.record("no disk table"); return }
        #expect(rows.map(\.index) == ["1", "2"])
        #expect(rows[1].cells["status"] == .integer(3))
        #expect(rows[1].cells["volume"] == .text("HDD2"))
        #expect(readings["status"]?.evidence == "1.3.6.1.4.1.50001.1.230.0 = INTEGER 1")
        #expect(readings.exchanges.contains { $0.direction == .sent && $0.text.hasPrefix("GET ") })
        #expect(readings.wire.snmpObjects.isEmpty, "a run keeps no image of the reply")
        try assertNoSecret(readings)
        // `checkup capture` asks for it: every object read, scalars and table cells, by OID.
        let kept = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: ProbeContext(timeout: .milliseconds(500), keepsWire: true))
        #expect(kept.wire.snmpObjects.contains { $0.oid == "1.3.6.1.4.1.50001.1.230.0" && $0.value == "1" })
        #expect(kept.wire.snmpObjects.contains { $0.value == "HDD2" })
    }

    @Test func v3AuthPrivWithPassphrasesFromCredentials() async throws {
        let agent = try await nvr()
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmpv3://\(Self.user.name)@127.0.0.1:\(agent.port)?level=authPriv&auth=SHA&priv=AES")
        let context = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(
            authPassphrase: Secret(Self.user.authPassphrase), privPassphrase: Secret(Self.user.privPassphrase)), trace: true)
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: context)
        #expect(readings.unreachable == nil, "\(readings.unreachable ?? "")")
        #expect(readings["status"]?.value == .integer(1))
        #expect(readings.exchanges.first?.text.contains("user nvradmin authPriv auth SHA priv AES") == true)
        // Discovered by SNMPEngineDiscovery before net-snmp opened the session: 80001F88 04 "checkup…".
        #expect(readings.exchanges.contains { $0.text.hasPrefix("engine ID 80001F8804") })
        try assertNoSecret(readings)
    }

    @Test func wrongV3PassphraseIsAClearAuthenticationFailure() async throws {
        let agent = try await nvr()
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmpv3://\(Self.user.name)@127.0.0.1:\(agent.port)?level=authPriv&auth=SHA&priv=AES")
        let context = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(
            authPassphrase: Secret("wrong-pass-4242"), privPassphrase: Secret(Self.user.privPassphrase)))
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: context)
        let reason = try #require(readings.unreachable)
        #expect(reason.contains("authentication failure"), "\(reason)")
        #expect(reason.contains("nvradmin"))
        try assertNoSecret(readings)
    }

    @Test func rightPassphraseAfterAWrongOneWorks() async throws {
        let agent = try await nvr()
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmpv3://\(Self.user.name)@127.0.0.1:\(agent.port)?level=authPriv&auth=SHA&priv=AES")
        let wrong = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(
            authPassphrase: Secret("wrong-pass-4242"), privPassphrase: Secret("wrong-pass-4242")))
        let right = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(
            authPassphrase: Secret(Self.user.authPassphrase), privPassphrase: Secret(Self.user.privPassphrase)))
        #expect(await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: wrong).unreachable != nil)
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: right)
        #expect(readings.unreachable == nil, "\(readings.unreachable ?? "")")
        #expect(await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: wrong).unreachable != nil)
    }

    @Test func wrongCommunityIsUnreachableAfterTimeoutTimesAttempts() async throws {
        let agent = try await nvr()
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:\(agent.port)")
        let context = ProbeContext(timeout: .milliseconds(300), retries: 2,
                                   credentials: Credentials(community: Secret("wrong-community-33")))
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: context)
        let reason = try #require(readings.unreachable)
        #expect(reason.contains("after 900 ms"), "\(reason)")   // 300 ms × (2 retries + 1)
        #expect(readings.values.isEmpty)
        try assertNoSecret(readings)
    }

    @Test func deadV3DeviceTimesOutInEngineDiscovery() async throws {
        let endpoint = try SNMPProbe.endpoint(parsing: "snmpv3://someone@127.0.0.1:\(FreePort.udp())?level=authPriv")
        let context = ProbeContext(timeout: .milliseconds(200), retries: 1, credentials: Credentials(
            authPassphrase: Secret(Self.user.authPassphrase), privPassphrase: Secret(Self.user.privPassphrase)))
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: context)
        let reason = try #require(readings.unreachable)
        #expect(reason.contains("SNMPv3 engine discovery after 400 ms"), "\(reason)")
    }

    @Test func missingV3PassphraseIsAConfigurationError() async throws {
        let endpoint = try SNMPProbe.endpoint(parsing: "snmpv3://someone@127.0.0.1:9?level=authPriv")
        let readings = await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: ProbeContext())
        #expect(readings.unreachable?.contains("CHECKUP_SNMP_AUTH_PASS") == true)
    }

    @Test func identifiesModelDescriptionAndObjectID() async throws {
        let camera = try await SNMPAgentFixture.start(profile: "hikvision-camera", community: Self.community)
        defer { camera.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:\(camera.port)")
        let context = ProbeContext(timeout: .milliseconds(500), credentials: Credentials(community: Secret(Self.community)))
        let identity = try #require(await SNMPProbe().identify(endpoint, context: context))
        #expect(identity.model == "DS-2CD2143G0-I")
        #expect(identity.vendor == "Hikvision")
        #expect(identity.description == "Hikvision IP camera")
        #expect(identity.objectID == nil, "like the real camera, the fixture answers no sysObjectID")

        let ups = try await SNMPAgentFixture.start(profile: "ups-mib", community: Self.community)
        defer { ups.stop() }
        let upsIdentity = try #require(await SNMPProbe().identify(try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:\(ups.port)"), context: context))
        #expect(upsIdentity.model == nil)
        #expect(upsIdentity.description == "Smart-UPS 3000 RM (UPS-MIB agent)")
    }

    @Test func manyConcurrentV3SessionsAndV1() async throws {
        let agent = try await nvr("disk-2-smart-failed")
        defer { agent.stop() }
        let v3 = try SNMPProbe.endpoint(parsing: "snmpv3://\(Self.user.name)@127.0.0.1:\(agent.port)?level=authPriv&auth=SHA&priv=AES")
        let v3Context = ProbeContext(timeout: .seconds(2), credentials: Credentials(
            authPassphrase: Secret(Self.user.authPassphrase), privPassphrase: Secret(Self.user.privPassphrase)))
        let statuses = await withTaskGroup(of: Value?.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    guard case .table(let rows)? = await SNMPProbe().read(Self.nvrPoints, from: v3, context: v3Context)["disks"]?.value else { return nil }
                    return rows.last?.cells["status"]
                }
            }
            var all: [Value?] = []
            for await status in group { all.append(status) }
            return all
        }
        #expect(statuses.count == 40)
        #expect(statuses.allSatisfy { $0 == .integer(3) })

        let v1 = try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:\(agent.port)?version=1")
        let readings = await SNMPProbe().read(Self.nvrPoints, from: v1,
                                              context: ProbeContext(credentials: Credentials(community: Secret(Self.community))))
        #expect(readings["status"]?.value == .integer(1))
        #expect(readings["missing"]?.value.isAbsent == true)
        guard case .table(let rows)? = readings["disks"]?.value else { Issue.record("no v1 table"); return }
        #expect(rows.map { $0.cells["status"] } == [.integer(0), .integer(3)])
    }

    @Test func hundredsOfConcurrentReadsLeaveTheCooperativePoolFree() async throws {
        let agent = try await nvr()
        defer { agent.stop() }
        let endpoint = try SNMPProbe.endpoint(parsing: "snmp://127.0.0.1:\(agent.port)")
        let context = ProbeContext(timeout: .seconds(2), credentials: Credentials(community: Secret(Self.community)))
        let statuses = await withTaskGroup(of: Value?.self) { group in
            for _ in 0..<100 {
                group.addTask { await SNMPProbe().read(Self.nvrPoints, from: endpoint, context: context)["status"]?.value }
            }
            var all: [Value?] = []
            for await status in group { all.append(status) }
            return all
        }
        #expect(statuses.count == 100)
        #expect(statuses.allSatisfy { $0 == .integer(1) })
    }
}

/// The address syntax profiles use.
struct SNMPAddressTests {
    func decode(_ yaml: String) throws -> SNMPAddress {
        try YAMLTestDecoder.decode(yaml)
    }

    @Test func scalarAndTable() throws {
        let scalar = try decode("{oid: .1.3.6.1.2.1.25.1.2.0, as: date, title: {en: x}, unit: s}")
        #expect(scalar.target == .scalar("1.3.6.1.2.1.25.1.2.0"))
        #expect(scalar.hint == .date)
        let table = try decode("{table: 1.3.6.1.4.1.50001.1.241.1, columns: {volume: 2, mac: {column: 7, as: hex}}}")
        guard case .table(let entry, let columns) = table.target else { Issue.record("not a table"); return }
        #expect(entry == "1.3.6.1.4.1.50001.1.241.1")
        #expect(columns.map(\.name) == ["volume", "mac"])
        #expect(columns[1].hint == .hex)
    }

    @Test(arguments: [
        ("{oid: sysDescr.0}", "not a numeric OID"),
        ("{oids: 1.3.6.1}", "unknown SNMP point key 'oids'"),
        ("{table: 1.3.6.1.2.1.2.2.1}", "needs columns"),
        ("{oid: 1.3.6.1.2.1.1.1.0, table: 1.3.6.1.2.1.2.2.1, columns: {a: 1}}", "not both"),
        ("{table: 1.3.6.1.2.1.25.2.3.1, columns: {size: 5}, percent: {p: [used, size]}}", "percent"),
    ])
    func badAddressesSayWhatIsWrong(_ yaml: String, _ message: String) {
        do {
            _ = try decode(yaml)
            Issue.record("accepted \(yaml)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func dateAndTimeDecoding() {
        let utc = SNMPValueMapping.dateAndTime([0x07, 0xEA, 11, 29, 9, 30, 15, 0, UInt8(ascii: "+"), 8, 0])
        #expect(utc == Date(timeIntervalSince1970: 1_795_915_815))   // 2026-11-29 09:30:15 +08:00
        #expect(SNMPValueMapping.dateAndTime([0x07, 0xEA, 13, 29, 9, 30, 15, 0]) == nil)
        #expect(SNMPValueMapping.value(.octets([0xFF, 0x00, 0x41]), oid: "1.3.6.1", hint: nil) == .bytes([0xFF, 0x00, 0x41]))
        #expect(SNMPValueMapping.value(.ipAddress([10, 0, 0, 20]), oid: "1.3.6.1", hint: nil) == .text("10.0.0.20"))
        #expect(SNMPValueMapping.value(.endOfMibView, oid: "1.3.6.1.9", hint: nil) == .absent("endOfMibView at 1.3.6.1.9"))
    }
}
