import CheckupCore
import Foundation
import Testing

/// Files a careless user or a Windows editor produces: the error names the file and the first
/// bad byte (line, column, offset), never only "not in the correct format".
struct HostileFileTests {
    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "checkup-\(UUID().uuidString)-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        return path
    }

    /// "site:\n  id: 报" with 报 in GBK (B1 A8) instead of UTF-8, on line 2.
    static let gbk: [UInt8] = Array("site:\n  id: ".utf8) + [0xB1, 0xA8] + Array("\n".utf8)

    @Test func aNonUTF8InventoryNamesTheLineAndTheByte() throws {
        let path = try write(Self.gbk, "site.yaml")
        #expect(throws: FileErrors.self) { try InventoryLoader.load(path: path, probes: builtInProbes) }
        do { _ = try InventoryLoader.load(path: path, probes: builtInProbes) } catch {
            let first = try #require(error.errors.first)
            #expect(first.file == path)
            #expect(first.line == 2 && first.column == 7)
            #expect(first.message.contains("not UTF-8") && first.message.contains("0xB1") && first.message.contains("offset 12"), "\(first.message)")
        }
    }

    @Test func aNonUTF8ProfileAndCredentialsFileToo() throws {
        let profile = try write(Array("id: x\ntitle: ".utf8) + [0xFF], "x.yaml")
        do { _ = try ProfileLoader(registry: ProbeRegistry()).load(path: profile); Issue.record("loaded") } catch {
            #expect(error.description.contains(profile) && error.description.contains(":2:8") && error.description.contains("0xFF"), "\(error)")
        }
        let credentials = try write(Array("nvr:\n  community: ".utf8) + [0xC3, 0x28], "credentials.yaml")
        do { _ = try CredentialsFile.load(path: credentials, required: true); Issue.record("loaded") } catch {
            #expect(error.description.contains(credentials) && error.description.contains("0xC3"), "\(error)")
        }
    }

    @Test(arguments: [
        ([0x61, 0xC3], 1),                 // a truncated two-byte sequence at the end
        ([0x61, 0xED, 0xA0, 0x80], 1),     // an encoded surrogate
        ([0x61, 0xF0, 0x82, 0x82, 0xAC], 1), // an overlong four-byte form
        ([0x61, 0x62, 0x80], 2),           // a lone continuation byte
    ] as [([UInt8], Int)])
    func theFirstBadByteIsFound(bytes: [UInt8], offset: Int) {
        #expect(throws: FileErrors.self) { try UTF8Text.decode(bytes, file: "f", what: "file") }
        do { _ = try UTF8Text.decode(bytes, file: "f", what: "file") } catch {
            #expect(error.description.contains("offset \(offset) "), "\(error)")
        }
    }

    @Test func validUTF8PassesUnchanged() throws {
        #expect(try UTF8Text.decode(Array("报警主机 ✓\n".utf8), file: "f", what: "file") == "报警主机 ✓\n")
    }
}
