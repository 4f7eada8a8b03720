import CheckupCore
import DeviceSimulators
import Foundation
import SNMPProbe
import Testing

/// snmpsim serving a recording, read back with our net-snmp wrapper: every type a real unit
/// answers comes back as recorded (Counter64 at 2^64 − 1 included, which snmpd's `override`
/// cannot serve), a walk returns the recording in OID order, and stopping cleans up.
@Suite(.serialized) struct SNMPRecordingAgentTests {
    static let walk = """
    .1.3.6.1.2.1.1.1.0 = STRING: "checkup recording agent test"
    .1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.99999.7
    .1.3.6.1.2.1.1.3.0 = Timeticks: (8640000) 1 day, 0:00:00.00
    .1.3.6.1.2.1.1.4.0 = ""
    .1.3.6.1.2.1.1.5.0 = STRING: "two
    lines"
    .1.3.6.1.4.1.99999.2.1.0 = INTEGER: -7
    .1.3.6.1.4.1.99999.2.2.0 = Gauge32: 4000000000
    .1.3.6.1.4.1.99999.2.3.0 = Counter32: 4294967295
    .1.3.6.1.4.1.99999.2.4.0 = Counter64: 18446744073709551615
    .1.3.6.1.4.1.99999.2.5.0 = IpAddress: 10.1.2.3
    .1.3.6.1.4.1.99999.2.6.0 = Hex-STRING: E6 91 84 E5 83 8F E6 9C BA 00 01 02 03 04 05 06
    07 08
    .1.3.6.1.4.1.99999.2.10.0 = STRING: " padded "
    .1.3.6.1.4.1.99999.2.9.0 = STRING: "27 PERCENT"
    .1.3.6.1.4.1.99999.2.230.0 = No Such Object available on this agent at this OID
    """

    @Test func servesEveryTypeAsRecorded() async throws {
        let recording = try SNMPRecording.parse(Self.walk, file: "test.walk")
        let agent = try await SNMPRecordingAgent.start(recording: recording, community: "c0mm-xyz")
        defer { agent.stop() }
        let session = try SNMPSession(SNMPSessionConfiguration(host: agent.host, port: agent.port, version: .v2c,
                                                               community: Secret("c0mm-xyz"), timeout: .milliseconds(1000), retries: 1))
        let walked = try await BlockingIO.shared.run { try session.walk("1.3.6.1") }
        #expect(walked == recording.objects, "a walk answers the recording, in numeric order (2.9 before 2.10)")
        let missing = try await BlockingIO.shared.run { try session.get(["1.3.6.1.4.1.99999.2.230.0"]) }
        #expect(missing.first?.value.isException == true, "an object the recording lacks is not there: \(missing)")
        #expect(recording["1.3.6.1.4.1.99999.2.4.0"] == .counter64(UInt64.max))
    }

    @Test func answersOnlyItsCommunityAndStopsCleanly() async throws {
        let recording = try SNMPRecording.parse("1.3.6.1.2.1.1.1.0|4|only this\n", file: "t.snmprec")
        let agent = try await SNMPRecordingAgent.start(recording: recording)
        #expect(agent.community == "public")
        let attributes = try FileManager.default.attributesOfItem(atPath: agent.directory.path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o700)
        #expect(FileManager.default.fileExists(atPath: agent.directory.appendingPathComponent("data/public.snmprec").path))
        let wrong = try SNMPSession(SNMPSessionConfiguration(host: agent.host, port: agent.port, version: .v2c,
                                                             community: Secret("not-public"), timeout: .milliseconds(300), retries: 0))
        let answer = try? await BlockingIO.shared.run { try wrong.get([MIB2.sysDescr]) }
        #expect(answer?.first?.value.isException != false, "another community gets no object: \(String(describing: answer))")
        #expect(agent.isRunning)
        await agent.stop()
        #expect(!agent.isRunning)
        #expect(!FileManager.default.fileExists(atPath: agent.directory.path), "temporary folder removed")
    }

    /// An agent whose owner died without stopping it (a crashed test run) is killed, and its
    /// folder removed, by the next start.
    @Test func anOrphanedAgentIsSweptByTheNextStart() async throws {
        let recording = try SNMPRecording.parse("1.3.6.1.2.1.1.1.0|4|orphan\n", file: "t.snmprec")
        let orphan = try await SNMPRecordingAgent.start(recording: recording)
        defer { orphan.stop() }
        let agentPid = try #require(pid_t(try String(contentsOf: orphan.directory.appendingPathComponent("agent.pid"), encoding: .utf8)))
        #expect(kill(agentPid, 0) == 0, "snmpsim runs")
        // No such process: pids stop below 2^22 on Linux.
        try "4999999".write(to: orphan.directory.appendingPathComponent("owner.pid"), atomically: true, encoding: .utf8)
        let next = try await SNMPRecordingAgent.start(recording: recording)
        defer { next.stop() }
        #expect(!FileManager.default.fileExists(atPath: orphan.directory.path), "the orphan's folder is removed")
        #expect(!orphan.isRunning, "the orphan's snmpsim was killed (and is reaped here)")
        #expect(next.isRunning)
    }

    @Test func aCommunityThatCannotNameAFileIsRefused() async throws {
        let recording = try SNMPRecording.parse("1.3.6.1.2.1.1.1.0|4|x\n", file: "t.snmprec")
        await #expect(throws: SNMPAgentError.self) { _ = try await SNMPRecordingAgent.start(recording: recording, community: "../etc") }
    }

    @Test func snmpsimIsInstalled() {
        #expect(ExecutableLookup.path(of: SNMPRecordingAgent.command) != nil,
                "install snmpsim: python3 -m pip install snmpsim pysmi (scripts/deps.sh)")
    }
}

/// Which recorded objects a scaffolded profile reads as scalars and which as tables.
struct SNMPRecordingLayoutTests {
    static func layout(_ snmprec: String) throws -> [String] {
        let recording = try SNMPRecording.parse(snmprec, file: "t")
        return SNMPRecordingLayout.candidates(recording.objects, under: "1.3.6.1.4.1").map { candidate in
            switch candidate {
            case .scalar(let bind): "scalar \(bind.oid)"
            case .table(let entry, let columns, let rows, _):
                "table \(entry) \(columns.map(String.init).joined(separator: ",")) rows \(rows.map { $0.map(String.init).joined(separator: ".") }.joined(separator: ","))"
            }
        }
    }

    @Test func scalarGroupsStayScalars() throws {
        #expect(try Self.layout("""
        1.3.6.1.4.1.39165.1.1.0|4|DS-2CD2143G2-IS
        1.3.6.1.4.1.39165.1.7.0|4|15 PERCENT
        1.3.6.1.4.1.1004849.2.1.1.1.0|4|4.001
        1.3.6.1.4.1.1004849.2.1.3.0|2|6
        """) == ["scalar 1.3.6.1.4.1.39165.1.1.0", "scalar 1.3.6.1.4.1.39165.1.7.0",
                 "scalar 1.3.6.1.4.1.1004849.2.1.1.1.0", "scalar 1.3.6.1.4.1.1004849.2.1.3.0"])
    }

    /// The Hikvision NVR shape: two columns of hikDiskTable, one row indexed `1.0`.
    @Test func aTableWithATwoArcIndexAndOneRow() throws {
        #expect(try Self.layout("""
        1.3.6.1.4.1.50001.1.100.0|2|2
        1.3.6.1.4.1.50001.1.241.1.4.1.0|2|1907000
        1.3.6.1.4.1.50001.1.241.1.5.1.0|2|3815000
        """) == ["scalar 1.3.6.1.4.1.50001.1.100.0", "table 1.3.6.1.4.1.50001.1.241.1 4,5 rows 1.0"])
    }

    @Test func tablesWithSeveralRowsAndASingleColumn() throws {
        #expect(try Self.layout("""
        1.3.6.1.4.1.368.4.1.3.1.3.1|2|1
        1.3.6.1.4.1.368.4.1.3.1.3.2|2|1
        1.3.6.1.4.1.368.4.1.3.1.4.1|2|38
        1.3.6.1.4.1.368.4.1.3.1.4.2|2|41
        1.3.6.1.4.1.368.4.1.8.1.3.1|2|1
        """) == ["table 1.3.6.1.4.1.368.4.1.3.1 3,4 rows 1,2", "table 1.3.6.1.4.1.368.4.1.8.1 3 rows 1"])
    }
}
