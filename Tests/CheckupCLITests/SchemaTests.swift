import Foundation
import Testing

/// The JSON Schema editors use agrees with the loader: every shipped profile passes both.
struct SchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func shippedProfilesMatchTheJSONSchema() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/check-profile-schema.py", "device-profiles"]
        process.currentDirectoryURL = Self.repository
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains(" profiles, 0 schema problems"), "\(output)")
    }

    /// The committed schema is `checkup profile schema`'s output: its protocol list and each
    /// protocol's point keys come from the registry, never from a hand edit.
    @Test func theCommittedSchemaIsGeneratedFromTheRegistry() throws {
        let committed = try String(contentsOfFile: Self.repository.path + "/device-profiles/schema/profile.schema.json", encoding: .utf8)
        let generated = try CLI.run(["profile", "schema"])
        #expect(generated.status == 0, "\(generated.all)")
        #expect(generated.stdout == committed, "regenerate: checkup profile schema > device-profiles/schema/profile.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(committed.utf8)) as? [String: Any])
        let protocols = ((schema["properties"] as? [String: Any])?["protocol"] as? [String: Any])?["enum"] as? [String]
        #expect(protocols == ["modbus", "pelco", "snmp"])
    }

    /// A build with one more probe lists it, with its point keys.
    @Test func aNewProbesBuildListsItsProtocol() throws {
        let generated = try CLI.run(["profile", "schema"], binary: CLI.built("checkup-line"))
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Any], "\(generated.all)")
        let protocols = ((schema["properties"] as? [String: Any])?["protocol"] as? [String: Any])?["enum"] as? [String]
        #expect(protocols == ["line", "modbus", "pelco", "snmp"])
        #expect(generated.stdout.contains("\"const\" : \"line\""), "\(generated.stdout.suffix(300))")
    }
}
