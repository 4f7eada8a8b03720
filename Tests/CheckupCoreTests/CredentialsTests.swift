import CheckupCore
import Foundation
import Logging
import Testing
import CheckupTestKit

/// No credential value can reach any output: descriptions, JSON, errors, scrubbed results.
struct CredentialsTests {
    func tempFile(_ text: String, mode: mode_t) throws -> String {
        let path = NSTemporaryDirectory() + "checkup-cred-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    @Test func refusesGroupOrWorldReadableFiles() throws {
        let path = try tempFile("nvr:\n  community: topsecret\n", mode: 0o644)
        defer { unlink(path) }
        do {
            _ = try CredentialsFile.load(path: path, required: true)
            Issue.record("accepted a world-readable credentials file")
        } catch {
            #expect(error.description.contains("readable by group or others"))
            #expect(error.description.contains("chmod 600"))
            #expect(!error.description.contains("topsecret"))
        }
    }

    @Test func errorsNeverQuoteValues() throws {
        let path = try tempFile("nvr:\n  community: topsecret\n  pasword: hunter2\n", mode: 0o600)
        defer { unlink(path) }
        do {
            _ = try CredentialsFile.load(path: path, required: true)
            Issue.record("accepted an unknown key")
        } catch {
            #expect(error.description.contains("unknown key 'pasword'"))
            #expect(!error.description.contains("hunter2"))
            #expect(!error.description.contains("topsecret"))
        }
    }

    @Test func precedenceFileThenURLThenEnvironment() throws {
        let path = try tempFile("nvr:\n  auth-passphrase: authpass\n", mode: 0o600)
        defer { unlink(path) }
        let file = try CredentialsFile.load(path: path, required: true)
        let device = Device(id: "nvr", name: "NVR", kind: .recorder, profile: "p",
                            endpoint: try Endpoint(url: "snmp://urlcommunity@127.0.0.1"), credentials: "nvr")
        let env = Credentials.fromEnvironment(["CHECKUP_SNMP_COMMUNITY": "envcommunity", "CHECKUP_SNMP_PRIV_PASS": "envpriv"])
        let creds = try file.credentials(for: device, environment: env)
        #expect(creds.community?.reveal() == "urlcommunity")
        #expect(creds.authPassphrase?.reveal() == "authpass")
        #expect(creds.privPassphrase?.reveal() == "envpriv")
        #expect(!creds.description.contains("authpass"))
        #expect(!"\(creds)".contains("urlcommunity"))
    }

    @Test func secretsNeverEncodeOrLog() throws {
        let creds = Credentials(community: Secret("c0mmunity"), authPassphrase: Secret("authpass1"))
        let json = String(decoding: try JSONEncoder().encode(["s": creds.community!]), as: UTF8.self)
        #expect(!json.contains("c0mmunity"))
        let site = Site(id: "s", client: "c", name: "n", devices: [
            Device(id: "d", name: "d", kind: .camera, profile: "p", endpoint: try Endpoint(url: "snmp://c0mmunity@10.0.0.1")),
        ])
        let siteJSON = String(decoding: try JSONEncoder().encode(site), as: UTF8.self)
        #expect(!siteJSON.contains("c0mmunity"))

        // A log handler that keeps what it is given: the secret must not be in it.
        let box = LogBox()
        var logger = Logger(label: "test") { _ in box }
        logger.logLevel = .trace
        logger.info("probing \(site.devices[0].endpoint) with \(creds)")
        #expect(!box.text.contains("c0mmunity"))
        #expect(!box.text.contains("authpass1"))
        #expect(box.text.contains("***"))
    }

    @Test func echoedSecretsNeverLeaveThePipeline() async throws {
        // The device echoes the community in a table cell (a disk named after it) and a text value.
        let probe = ScriptedProbe(devices: ["nvr": .init(values: [
            "t": .table([TableRow(index: "1", cells: ["name": .text("c0mmunity-disk"), "status": .integer(3)])]),
            "v": .text("hello c0mmunity"),
        ])])
        let profile = try scriptedProfile("""
          - id: disks
            title: Disks
            point: t
            rows: every
            column: status
            label: "disk {name}"
            equals: 0
          - id: text
            title: Text
            point: v
            equals: x
        """)
        let endpoint = Endpoint(scheme: "scripted", host: "nvr", community: Secret("c0mmunity"))
        let device = Device(id: "nvr", name: "NVR", kind: .recorder, profile: "test", endpoint: endpoint)
        let job = Job(device: device, profile: profile, probe: ProbeRegistry.with(probe).probes[0], credentials: Credentials())
        let report = await CheckPipeline().run([job])
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(report.results[0].offending == ["disk ***-disk"])
        #expect(!json.contains("c0mmunity"), "\(json)")
    }

    @Test func scrubberRemovesEchoedSecrets() {
        let scrubber = Scrubber(secrets: ["c0mmunity"])
        let result = CheckResult(device: "d", check: "c", title: LocalizedText("C"), status: .error,
                                 observed: "agent said: bad community c0mmunity", evidence: ["c0mmunity"])
        let clean = scrubber.scrub(result)
        #expect(!clean.observed.contains("c0mmunity"))
        #expect(clean.evidence == ["***"])
        var expecting = result
        expecting.expectation = .equals(LocalizedText(zh: "共同体 c0mmunity", en: "c0mmunity"))
        #expect(scrubber.scrub(expecting).expectation == .equals(LocalizedText(zh: "共同体 ***", en: "***")),
                "the expectation the record words per language is scrubbed with the result")
    }
}

/// A LogHandler that keeps every message (swift-log's test-kit habit).
final class LogBox: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        lock.lock(); lines.append(event.message.description); lock.unlock()
    }
    var text: String { lock.lock(); defer { lock.unlock() }; return lines.joined(separator: "\n") }
}
