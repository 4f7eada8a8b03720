import Foundation
import Testing

/// `checkup profile …` and file errors, end to end through the binary.
struct ProfileCommandTests {
    @Test func validateAMalformedProfileExits3AndNamesFileLine() throws {
        let dir = CLI.temporaryDirectory()
        let path = dir + "/acme-x1.yaml"
        try """
        schema: 1
        id: acme-x1
        protocol: snmp
        title: {zh: 测试, en: Test}
        record: {section: central-control, item: Test}
        points:
          cpu: {oid: 1.3.6.1.4.1.99.1.0}
        checks:
          - id: cpu
            title: CPU
            point: cpu
            warnin: "~:80"
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "validate", path])
        #expect(out.status == 3)
        #expect(out.stderr.contains("\(path):12:5: unknown key 'warnin'"), "\(out.all)")
        #expect(out.stderr.contains("did you mean 'warning'?"), "\(out.all)")
    }

    @Test func validateEveryShippedProfile() throws {
        let out = try CLI.run(["profile", "validate"])
        #expect(out.status == 0, "\(out.all)")
        #expect(out.stdout.contains("profiles valid"))
    }

    @Test func runWithAnUnknownProfileExits3AndNamesIt() throws {
        let dir = CLI.temporaryDirectory()
        let site = dir + "/site.yaml"
        try """
        site: {id: acme, client: ACME}
        devices:
          - {id: nvr-1, name: NVR, kind: recorder, profile: hikvision-nvx, endpoint: "snmp://127.0.0.1:1"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        let out = try CLI.run(["run", "--site", site, "--out", dir + "/out"])
        #expect(out.status == 3)
        #expect(out.stderr.contains("\(site):3:53: unknown profile 'hikvision-nvx'"), "\(out.all)")
    }

    @Test func badArgumentsExit3() throws {
        #expect(try CLI.run(["probe"]).status == 3)
        #expect(try CLI.run(["probe", "modbus-tcp://127.0.0.1?unit=999", "--profile", "x"]).status == 3)
        #expect(try CLI.run(["run", "--site", "/nonexistent.yaml"]).status == 3)
        #expect(try CLI.run(["no-such-command"]).status == 3)
        #expect(try CLI.run(["--help"]).status == 0)
    }

    @Test func hostileNumbersAndNamesExit3() throws {
        for args in [["probe", "modbus-tcp://127.0.0.1:1", "--profile", "elmo-modbus", "--deadline", "nan"],
                     ["probe", "modbus-tcp://127.0.0.1:1", "--profile", "elmo-modbus", "--deadline", "1e300"],
                     ["probe", "modbus-tcp://127.0.0.1:1", "--profile", "elmo-modbus", "--watch", "inf"],
                     ["probe", "modbus-tcp://127.0.0.1:1", "--profile", "elmo-modbus", "--timeout", "nan"],
                     ["profile", "new", "--vendor", "../../etc", "--family", "x", "--protocol", "snmp", "--kind", "camera", "--out", CLI.temporaryDirectory()],
                     ["capture", "modbus-tcp://127.0.0.1:1", "--profile", "elmo-modbus", "--out", "/nonexistent-dir/x.json"],
                     ["probe", "modbus-tcp://127.0.0.1:1", "--profile", "elmo-modbus", "--log", "999", "--store", CLI.temporaryDirectory() + "/s.sqlite"]] {
            let out = try CLI.run(args)
            #expect(out.status == 3, "\(args.joined(separator: " ")): \(out.all)")
        }
    }

    @Test func replayingACaptureOfAnotherProfileExits3() throws {
        let dir = CLI.temporaryDirectory()
        try """
        {"format": "checkup.capture", "format_version": 2, "profile": "elmo-modbus", "protocol": "modbus",
         "endpoint": "modbus-tcp://127.0.0.1:502?unit=1", "captured_at": "2026-11-01T00:00:00Z", "modbus_blocks": []}
        """.write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "test", "hikvision-nvr", "--replay", dir + "/c.json"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("captured with profile 'elmo-modbus'"), "\(out.all)")
    }

    @Test func aVersion1CaptureIsRefusedNamingItsVersion() throws {
        let dir = CLI.temporaryDirectory()
        try """
        {"profile": "elmo-modbus", "endpoint": "modbus-tcp://127.0.0.1:502?unit=1", "captured_at": "2026-11-01T00:00:00Z", "readings": {}}
        """.write(toFile: dir + "/c.json", atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "test", "elmo-modbus", "--replay", dir + "/c.json"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("format version 1"), "\(out.all)")
        #expect(out.stderr.contains("c.json"), "\(out.all)")
    }

    @Test func newProfileIsValidAsWritten() throws {
        let dir = CLI.temporaryDirectory()
        for proto in ["snmp", "modbus", "pelco"] {
            let out = try CLI.run(["profile", "new", "--vendor", "acme", "--family", proto, "--protocol", proto,
                                   "--kind", "camera", "--out", dir])
            #expect(out.status == 0, "\(out.all)")
            let check = try CLI.run(["profile", "validate", dir + "/acme-\(proto).yaml"])
            #expect(check.status == 0, "\(check.all)")
        }
    }

    /// A file the CLI cannot write is named with the system's reason, exit 3, as every writer
    /// of the CLI reports it (CommandOutput).
    @Test func anUnwritableOutputFolderIsNamedWithTheReason() throws {
        let dir = CLI.temporaryDirectory()
        try "not a folder".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "new", "--vendor", "acme", "--family", "x1", "--kind", "camera", "--protocol", "snmp",
                               "--out", dir + "/file/profiles"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr == "checkup: cannot write \(dir)/file/profiles/acme-x1.yaml: Not a directory\n", "\(out.all)")
    }
}
