import Foundation
import Testing

/// Recordings of real units on the command line: `profile test --replay` serves them with
/// snmpsim and probes the profile for real, `profile new --from-walk` scaffolds from them, and a
/// broken recording is named at file:line:col with exit 3 by every command that reads one.
@Suite(.serialized) struct RecordingCommandTests {
    static let profilesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../device-profiles").standardizedFileURL.path

    /// The real Hikvision NVR shape answers no .230 device status: the replay shows that object
    /// absent at its OID, as a live probe does, instead of judging a value stored by point name.
    @Test func replayOfARecordingProbesTheProfilesOwnAddresses() throws {
        let recording = Self.profilesRoot + "/recorders/fixtures/recordings/hikvision-nvr.snmprec"
        let out = try CLI.run(["profile", "test", "hikvision-nvr", "--replay", recording, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.all)")
        let results = (json["results"] as? [[String: Any]]) ?? []
        let byCheck = Dictionary(uniqueKeysWithValues: results.map { (($0["check"] as? String) ?? "", $0) })
        #expect(byCheck["memory"]?["status"] as? String == "pass", "read from the recording: \(results)")
        #expect((byCheck["memory"]?["evidence"] as? [String])?.first == "1.3.6.1.4.1.50001.1.221.0 = INTEGER 37")
        let status = try #require(byCheck["status"], "\(results)")
        #expect(status["status"] as? String != "pass", "an object the unit lacks never passes: \(status)")
        #expect((status["observed"] as? String)?.contains("1.3.6.1.4.1.50001.1.230.0") == true, "\(status)")
        #expect(Int(out.status) == json["exit_code"] as? Int, "exit like probe: \(out.all)")
    }

    @Test func aHealthyRecordingReplaysWithExitZero() throws {
        let out = try CLI.run(["profile", "test", "ups-mib", "--replay", Self.profilesRoot + "/power/fixtures/recordings/ups-mib.snmprec"])
        #expect(out.status == 0, "\(out.all)")
        #expect(out.stdout.contains("served by snmpsim") && out.stdout.contains("95 min"), "\(out.all)")
    }

    @Test func aBrokenRecordingIsNamedAtLineAndColumnWithExit3() throws {
        let dir = CLI.temporaryDirectory()
        let walk = dir + "/unit.walk"
        try ".1.3.6.1.2.1.1.1.0 = STRING: \"cam\"\n.1.3.6.1.2.1.1.3.0 = Timeticks: soon\n".write(toFile: walk, atomically: true, encoding: .utf8)
        for args in [["profile", "test", "hikvision-camera", "--replay", walk],
                     ["simulate", "snmp-agent", "--from", walk],
                     ["profile", "new", "--vendor", "acme", "--family", "x1", "--kind", "camera", "--from-walk", walk, "--out", dir]] {
            let out = try CLI.run(args)
            #expect(out.status == 3, "\(args.joined(separator: " ")): \(out.all)")
            // The loader's own located error, as editors read it: not re-wrapped as "checkup: …".
            #expect(out.stderr.hasPrefix("\(walk):2:33: 'soon' is not Timeticks"), "\(args.joined(separator: " ")): \(out.all)")
            #expect(!out.all.contains("Usage:") && !out.all.contains("USAGE"), "\(out.all)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/acme-x1.yaml"), "nothing written from a broken walk")
    }

    @Test func aRecordingReplaysOnlyThroughAnSNMPProfile() throws {
        let out = try CLI.run(["profile", "test", "elmo-modbus", "--replay", Self.profilesRoot + "/power/fixtures/recordings/ups-mib.snmprec"])
        #expect(out.status == 3, "\(out.all)")
        #expect(out.stderr.contains("speaks modbus"), "\(out.all)")
    }

    @Test func simulateNeedsAFixtureOrARecordingNotBoth() throws {
        for args in [["simulate", "snmp-agent"],
                     ["simulate", "snmp-agent", "--profile", "ups-mib", "--from", "x.walk"],
                     ["simulate", "snmp-agent", "--from", "x.walk", "--variant", "memory-97"]] {
            let out = try CLI.run(args)
            #expect(out.status != 0, "\(args.joined(separator: " ")): \(out.all)")
            #expect(out.stderr.contains("--profile") || out.stderr.contains("--from"), "\(out.all)")
        }
    }

    /// The Hikvision NVR recording scaffolds `identify:` from its sysObjectID and sysDescr, and
    /// the two hikDiskTable columns (row 1.0) as one table point.
    @Test func profileNewFromAWalkFillsIdentifyAndTypesThePoints() throws {
        let dir = CLI.temporaryDirectory()
        let out = try CLI.run(["profile", "new", "--vendor", "acme", "--family", "nvr9", "--kind", "recorder",
                               "--from-walk", Self.profilesRoot + "/recorders/fixtures/recordings/hikvision-nvr.snmprec", "--out", dir])
        #expect(out.status == 0, "\(out.all)")
        let text = try String(contentsOfFile: dir + "/acme-nvr9.yaml", encoding: .utf8)
        #expect(text.contains("sys-object-id: [1.3.6.1.4.1.50001]"), "\(text)")
        #expect(text.contains("sys-descr: '^Hikvision company products$'"), "\(text)")
        #expect(text.contains("    table: 1.3.6.1.4.1.50001.1.241.1\n    columns: {c4: 4, c5: 5}"), "\(text)")
        #expect(text.contains("    oid: 1.3.6.1.4.1.50001.1.221.0"), "\(text)")
        #expect(text.contains("# number: 37"), "\(text)")
        #expect(!text.contains("1.3.6.1.4.1.50001.1.241.1.4.1.0\n"), "table cells are not scalar points: \(text)")
        let valid = try CLI.run(["profile", "validate", dir + "/acme-nvr9.yaml"])
        #expect(valid.status == 0, "\(valid.all)")
    }

    /// A walk of nothing but one vendor table (no uptime, no scalars) still makes a valid
    /// profile: its one real check is that the table has rows.
    @Test func aWalkOfOnlyATableScaffoldsAValidProfile() throws {
        let dir = CLI.temporaryDirectory()
        let walk = (1...3).map { ".1.3.6.1.4.1.99999.5.1.2.\($0) = STRING: \"channel \($0)\"\n.1.3.6.1.4.1.99999.5.1.3.\($0) = INTEGER: 1" }
            .joined(separator: "\n")
        try walk.write(toFile: dir + "/t.walk", atomically: true, encoding: .utf8)
        let out = try CLI.run(["profile", "new", "--vendor", "acme", "--family", "t1", "--kind", "recorder", "--from-walk", dir + "/t.walk", "--out", dir])
        #expect(out.status == 0, "\(out.all)")
        let text = (try? String(contentsOfFile: dir + "/acme-t1.yaml", encoding: .utf8)) ?? ""
        #expect(text.contains("columns: {c2: 2, c3: 3}") && text.contains("min-rows: 1") && text.contains("# table: 3 rows (1, 2, 3)"), "\(text)")
        #expect(text.contains("# No identify"), "no sysObjectID, no sysDescr: \(text)")
    }

    @Test func theSkeletonSaysHowItIsIdentified() throws {
        let dir = CLI.temporaryDirectory()
        let out = try CLI.run(["profile", "new", "--vendor", "acme", "--family", "x9", "--protocol", "snmp", "--kind", "camera", "--out", dir])
        #expect(out.status == 0, "\(out.all)")
        let text = try String(contentsOfFile: dir + "/acme-x9.yaml", encoding: .utf8)
        #expect(text.contains("\nidentify:") && text.contains("\n  sys-descr: '(?i)acme'"), "\(text)")
    }
}
