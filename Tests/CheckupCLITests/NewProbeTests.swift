import Foundation
import LineProbe
import Testing

/// A new protocol is its folder plus one registration line: `Tests/LineProbe` and
/// `Tests/checkup-line/main.swift`, and nothing else, make `profile new`, `profile validate`,
/// `probe` and `run` take `line://` devices, with bad URLs refused by the probe's own scheme.
@Suite(.serialized)
struct NewProbeTests {
    static let checkupLine = CLI.built("checkup-line")

    static func line(_ arguments: [String]) throws -> CLI.Outcome {
        try CLI.run(arguments, binary: checkupLine)
    }

    @Test func everyCommandTakesTheNewProbe() throws {
        let device = try LineSimulator(values: ["greeting": "hello"])
        defer { device.stop() }
        let dir = CLI.temporaryDirectory(), profiles = dir + "/profiles"

        let made = try Self.line(["profile", "new", "--vendor", "acme", "--family", "echo", "--protocol", "line",
                                  "--kind", "monitor", "--out", profiles])
        #expect(made.status == 0, "\(made.all)")
        let text = try String(contentsOfFile: profiles + "/acme-echo.yaml", encoding: .utf8)
        #expect(text.contains("protocol: line") && text.contains("key: greeting"), "\(text)")

        let valid = try Self.line(["profile", "validate", profiles + "/acme-echo.yaml"])
        #expect(valid.status == 0 && valid.stdout.contains("1 profiles valid"), "\(valid.all)")

        let url = "line://127.0.0.1:\(device.port)"
        let probed = try Self.line(["probe", url, "--profile", "acme-echo", "--profiles", profiles, "--format", "json"])
        #expect(probed.status == 0, "\(probed.all)")
        #expect(probed.stdout.contains("hello") && probed.stdout.contains("\"pass\""), "\(probed.all)")
        let afterProbe = device.requests
        #expect(afterProbe == 1)

        let site = dir + "/site.yaml"
        try """
        site: {id: line-site, client: ACME}
        devices:
          - {id: echo-1, name: Echo, kind: monitor, profile: acme-echo, endpoint: "\(url)"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        let ran = try Self.line(["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out",
                                 "--store", dir + "/store.sqlite", "--profiles", profiles, "--format", "json"])
        #expect(ran.status == 0, "\(ran.all)")
        #expect(device.requests == afterProbe + 1, "the run read the device once")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        let record = try #require(files.first { $0.hasSuffix(".json") }, "no JSON record in \(files)")
        let json = try String(contentsOfFile: dir + "/out/" + record, encoding: .utf8)
        #expect(json.contains("echo-1") && json.contains("Greets"), "\(json.prefix(400))")
    }

    /// The probe's scheme is the only parser of its URLs: `run` refuses them at file:line:col,
    /// exit 3, before the device hears anything.
    @Test func badLineURLsAreRefusedByTheProbesOwnSchemeBeforeAnyRequest() throws {
        let device = try LineSimulator(values: ["greeting": "hello"])
        defer { device.stop() }
        let dir = CLI.temporaryDirectory(), profiles = dir + "/profiles"
        _ = try Self.line(["profile", "new", "--vendor", "acme", "--family", "echo", "--protocol", "line",
                           "--kind", "monitor", "--out", profiles])
        let site = dir + "/site.yaml"
        try """
        site: {id: line-site, client: ACME}
        devices:
          - {id: good, name: Good, kind: monitor, profile: acme-echo, endpoint: "line://127.0.0.1:\(device.port)"}
          - {id: query, name: Q, kind: monitor, profile: acme-echo, endpoint: "line://127.0.0.1:\(device.port)?unit=1"}
          - {id: user, name: U, kind: monitor, profile: acme-echo, endpoint: "line://s3cr3t@127.0.0.1"}
          - {id: path, name: P, kind: monitor, profile: acme-echo, endpoint: "line:///dev/ttyS0"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        let ran = try Self.line(["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out",
                                 "--store", dir + "/store.sqlite", "--profiles", profiles])
        #expect(ran.status == 3, "\(ran.all)")
        #expect(ran.stderr.contains("site.yaml:4:71: bad endpoint: line: unknown parameter 'unit'; it takes none"), "\(ran.stderr)")
        #expect(ran.stderr.contains("site.yaml:5:70: bad endpoint: line: a user name has no meaning here"), "\(ran.stderr)")
        #expect(ran.stderr.contains("site.yaml:6:70: bad endpoint: line: a host is required, as line://HOST[:PORT]"), "\(ran.stderr)")
        #expect(!ran.all.contains("s3cr3t"), "a user part leaked: \(ran.all)")
        #expect(device.requests == 0)
    }

    /// Only the build that registers it knows it: the shipped `checkup` refuses `line`.
    @Test func theShippedCheckupDoesNotKnowIt() throws {
        let made = try CLI.run(["profile", "new", "--vendor", "acme", "--family", "echo", "--protocol", "line",
                                "--kind", "monitor", "--out", CLI.temporaryDirectory()])
        #expect(made.status == 3 && made.stderr.contains("unknown protocol 'line'"), "\(made.all)")
        let probed = try CLI.run(["probe", "line://127.0.0.1", "--profile", "generic-snmp"])
        #expect(probed.status == 3 && probed.stderr.contains("unknown endpoint scheme 'line'"), "\(probed.all)")
    }
}
