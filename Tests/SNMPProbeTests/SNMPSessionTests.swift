import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe
import Testing

/// The wrapper against the real snmpd: every value type, exceptions, walks and tables, v1/v2c/v3.
@Suite(.serialized) struct SNMPSessionTests {
    static let datasetYAML = """
    profile: session-test
    sys-descr: checkup session test agent
    sys-object-id: 1.3.6.1.4.1.99999.1
    objects:
      1.3.6.1.4.1.99999.2.1.0: "integer:-7"
      1.3.6.1.4.1.99999.2.2.0: "gauge:4000000000"
      1.3.6.1.4.1.99999.2.3.0: "counter:17"
      1.3.6.1.4.1.99999.2.4.0: "string:27 PERCENT"
      1.3.6.1.4.1.99999.2.5.0: "oid:1.3.6.1.2.1.25.2.1.4"
      1.3.6.1.4.1.99999.2.6.0: "hex:00 1A FF 80"
      1.3.6.1.4.1.99999.2.7.0: "timeticks:8640000"
      1.3.6.1.4.1.99999.2.8.0: "ipaddress:10.1.2.3"
      1.3.6.1.4.1.99999.2.9.0: "datetime:now-3600"
      1.3.6.1.4.1.99999.2.10.0: "timetext:now"
      1.3.6.1.4.1.99999.2.11.0: "string:摄像机 1"
    tables:
      1.3.6.1.4.1.99999.3.1:
        columns: {name: 2, status: 3}
        rows:
          "1": {name: "string:HDD1", status: "integer:0"}
          "2": {name: "string:HDD2", status: "integer:3"}
          "10": {name: "string:HDD10", status: "integer:0"}
    """

    static let user = SNMPFixtureUser(name: "checkupv3", authPassphrase: "auth-Secret-123", privPassphrase: "priv-Secret-456")

    func withAgent<T>(_ body: (SNMPAgentFixture) async throws -> T) async throws -> T {
        let dataset = try SNMPDataset(yaml: Self.datasetYAML)
        let agent = try await SNMPAgentFixture.start(dataset: dataset, community: "c0mmunity-xyz", v3User: Self.user)
        defer { agent.stop() }
        return try await body(agent)
    }

    func configuration(_ agent: SNMPAgentFixture, _ version: SNMPSessionConfiguration.Version = .v2c) -> SNMPSessionConfiguration {
        SNMPSessionConfiguration(host: agent.host, port: agent.port, version: version,
                                 community: Secret(agent.community), timeout: .milliseconds(500), retries: 1)
    }

    @Test func getsEveryTypeInOnePDU() async throws {
        try await withAgent { agent in
            let session = try SNMPSession(configuration(agent))
            let oids = (1...11).map { SNMPObjectID("1.3.6.1.4.1.99999.2.\($0).0")! } + [SNMPObjectID("1.3.6.1.4.1.99999.2.99.0")]
            let binds = try await BlockingIO.shared.run { try session.get(oids) }
            #expect(binds.count == 12)
            #expect(binds[0].value == .integer(-7))
            #expect(binds[1].value == .gauge(4_000_000_000))
            #expect(binds[2].value == .counter32(17))
            #expect(binds[3].value == .octets(Array("27 PERCENT".utf8)))
            #expect(binds[4].value == .objectID("1.3.6.1.2.1.25.2.1.4"))
            #expect(binds[5].value == .octets([0x00, 0x1A, 0xFF, 0x80]))
            #expect(binds[6].value == .timeTicks(8_640_000))
            #expect(binds[7].value == .ipAddress([10, 1, 2, 3]))
            #expect(binds[10].value == .octets(Array("摄像机 1".utf8)))
            #expect(binds[11].value == .noSuchObject)
            let date = SNMPValueMapping.value(binds[8].value, oid: binds[8].oid, hint: .date)
            guard case .date(let d) = date else { Issue.record("not a date: \(date)"); return }
            #expect(abs(d.timeIntervalSinceNow + 3600) < 30)
            let text = SNMPValueMapping.value(binds[9].value, oid: binds[9].oid, hint: .date)
            guard case .date(let t) = text else { Issue.record("not a date: \(text)"); return }
            #expect(abs(t.timeIntervalSinceNow) < 30)
        }
    }

    @Test(arguments: [SNMPSessionConfiguration.Version.v1, .v2c])
    func walksTablesByColumn(_ version: SNMPSessionConfiguration.Version) async throws {
        try await withAgent { agent in
            let session = try SNMPSession(configuration(agent, version))
            let rows = try await BlockingIO.shared.run { try session.table("1.3.6.1.4.1.99999.3.1", columns: [2, 3]) }
            #expect(rows.map(\.indexText) == ["1", "2", "10"])
            #expect(rows[1].cells[2] == .octets(Array("HDD2".utf8)))
            #expect(rows[1].cells[3] == .integer(3))
            let missing = try await BlockingIO.shared.run { try session.get(["1.3.6.1.4.1.99999.9.9.0", MIB2.sysDescr]) }
            #expect(missing[0].value.isException)
            #expect(missing[1].value == .octets(Array("checkup session test agent".utf8)))
        }
    }

    /// A GETBULK's last repetitions run past the table (into the next column, then other MIBs):
    /// the trace lists each cell once, under its own column, and only counts the rest.
    @Test(arguments: [SNMPSessionConfiguration.Version.v1, .v2c])
    func tableTracesStopAtTheEndOfEachColumn(_ version: SNMPSessionConfiguration.Version) async throws {
        try await withAgent { agent in
            let session = try SNMPSession(configuration(agent, version), detailedTranscript: true)
            let rows = try await BlockingIO.shared.run { try session.table("1.3.6.1.4.1.99999.3.1", columns: [2, 3]) }
            #expect(rows.count == 3)
            let received = session.transcript.filter { $0.direction == .received }.map(\.text).joined(separator: "\n")
            for cell in ["2.1", "2.2", "2.10", "3.1", "3.2", "3.10"] {
                let shown = received.components(separatedBy: "1.3.6.1.4.1.99999.3.1.\(cell) = ").count - 1
                #expect(shown == 1, "cell \(cell) shown \(shown) times in:\n\(received)")
            }
            let outside = received.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "—" })
                .filter { $0.contains(" = ") && !$0.contains("1.3.6.1.4.1.99999.3.1.") }
            #expect(outside.isEmpty, "objects outside the table in the trace: \(outside)")
            #expect(received.contains("past the end"), "\(received)")
        }
    }

    @Test func startLibraryIsIdempotentAndEmptiesMIBS() {
        SNMPProbe.startLibrary()
        SNMPProbe.startLibrary()
        #expect(getenv("MIBS").map { String(cString: $0) } == "", "init_snmp ran with MIBS emptied")
    }

    @Test(arguments: [SNMPv3Security.Level.authPriv, .authNoPriv])
    func v3(_ level: SNMPv3Security.Level) async throws {
        try await withAgent { agent in
            var config = configuration(agent, .v3)
            config.security = SNMPv3Security(user: Self.user.name, level: level, auth: .sha, priv: .aes,
                                              authPassphrase: Secret(Self.user.authPassphrase),
                                              privPassphrase: Secret(Self.user.privPassphrase))
            let fixed = config
            let outcome = await BlockingIO.shared.run { () -> Result<[SNMPVarBind], SNMPError> in
                Result { () throws(SNMPError) in try SNMPSession(fixed).get([MIB2.sysObjectID]) }
            }
            switch (level, outcome) {
            case (.authPriv, .success(let binds)):
                #expect(binds.first?.value == .objectID("1.3.6.1.4.1.99999.1"))
            case (.authNoPriv, .failure(.agentError(_, _, let status, _))):
                // The fixture grants this user reads at authPriv only: the level really is sent.
                #expect(status == "authorizationError")
            default:
                Issue.record("level \(level): unexpected outcome \(outcome)")
            }
        }
    }

    @Test func wrongV3PassphraseIsAnAuthenticationFailure() async throws {
        try await withAgent { agent in
            var config = configuration(agent, .v3)
            config.security = SNMPv3Security(user: Self.user.name, level: .authPriv, auth: .sha, priv: .aes,
                                              authPassphrase: Secret("not-the-passphrase"),
                                              privPassphrase: Secret(Self.user.privPassphrase))
            let fixed = config
            let outcome = await BlockingIO.shared.run { () -> Result<[SNMPVarBind], SNMPError> in
                Result { () throws(SNMPError) in try SNMPSession(fixed).get([MIB2.sysDescr]) }
            }
            guard case .failure(let error) = outcome else { Issue.record("a wrong passphrase was accepted"); return }
            guard case .authenticationFailure = error else { Issue.record("expected an authentication failure, got \(error)"); return }
            #expect(error.description.contains("authentication failure"))
            #expect(!error.description.contains("not-the-passphrase"))
            #expect(!error.description.contains(Self.user.privPassphrase))
        }
    }

    @Test func wrongCommunityTimesOut() async throws {
        try await withAgent { agent in
            var config = configuration(agent)
            config.community = Secret("wrong-community")
            config.timeout = .milliseconds(200)
            config.retries = 1
            let fixed = config
            let outcome = await BlockingIO.shared.run { () -> Result<[SNMPVarBind], SNMPError> in
                Result { () throws(SNMPError) in try SNMPSession(fixed).get([MIB2.sysDescr]) }
            }
            guard case .failure(let error) = outcome, case .timeout(_, _, let waited) = error else {
                Issue.record("expected a timeout, got \(outcome)"); return
            }
            #expect(waited == 400)
            #expect(!error.description.contains("wrong-community"))
        }
    }
}

/// Every auth and privacy protocol net-snmp offers, against snmpd users created with it.
struct SNMPv3ProtocolTests {
    @Test(arguments: [
        (SNMPv3Security.AuthProtocol.md5, SNMPv3Security.PrivProtocol.des),
        (.sha, .aes), (.sha224, .aes), (.sha256, .aes192), (.sha384, .aes256), (.sha512, .aes256),
    ])
    func authPriv(_ auth: SNMPv3Security.AuthProtocol, _ priv: SNMPv3Security.PrivProtocol) async throws {
        let user = SNMPFixtureUser(name: "u-\(auth.rawValue)-\(priv.rawValue)", auth: auth, authPassphrase: "auth-\(auth.rawValue)-pass",
                                   priv: priv, privPassphrase: "priv-\(priv.rawValue)-pass")
        let dataset = try SNMPDataset(yaml: SNMPSessionTests.datasetYAML)
        let agent = try await SNMPAgentFixture.start(dataset: dataset, v3User: user)
        defer { agent.stop() }
        var config = SNMPSessionConfiguration(host: agent.host, port: agent.port, version: .v3, timeout: .milliseconds(500))
        config.security = SNMPv3Security(user: user.name, level: .authPriv, auth: auth, priv: priv,
                                         authPassphrase: Secret(user.authPassphrase), privPassphrase: Secret(user.privPassphrase))
        let fixed = config
        let outcome = await BlockingIO.shared.run { () -> Result<[SNMPVarBind], SNMPError> in
            Result { () throws(SNMPError) in try SNMPSession(fixed).get([SNMPObjectID("1.3.6.1.4.1.99999.2.4.0")]) }
        }
        #expect(try outcome.get().first?.value == .octets(Array("27 PERCENT".utf8)))
    }
}
