import Foundation
import Testing
@testable import InspectionRecords

/// Record files are written whole or not at all, and a failure names the file and the reason.
struct AtomicFileTests {
    func folder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("checkup-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesTheFileAndLeavesNoTemporaryBehind() throws {
        let dir = try folder()
        let url = dir.appendingPathComponent("r.json")
        try Data("old, longer content".utf8).write(to: url)
        try AtomicFile.write("{\"a\":1}", thenNewline: true, to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "{\"a\":1}\n")
        try AtomicFile.write("<p>记录</p>", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "<p>记录</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.json"])
    }

    /// A killed run's temporary page is removed; a live process's and anything else are kept.
    @Test func aGoneProcessLeavesNoTemporaryPageBehind() throws {
        let dir = try folder()
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let names = [".r.zh.html.\(gone.processIdentifier).0A1B2C3D.tmp",  // its process is gone
                     ".r.zh.html.1.0A1B2C3D.tmp",  // pid 1 lives
                     ".notes.tmp", "r.json"]
        for name in names { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        AtomicFile.removeLeftovers(in: dir)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == Set(names.dropFirst()))
    }

    @Test func aFolderThatIsGoneIsNamedWithTheReason() throws {
        let url = try folder().appendingPathComponent("gone/r.html")
        do { try AtomicFile.write("x", to: url); Issue.record("written") } catch {
            #expect(error.description.contains(url.path) && error.description.contains("No such file"), "\(error)")
        }
    }

    @Test func aFileInTheWayOfTheNameIsNotHalfReplaced() throws {
        let dir = try folder()
        let url = dir.appendingPathComponent("r.html")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)  // a folder where the file goes
        do { try AtomicFile.write("x", to: url); Issue.record("written") } catch {
            #expect(error.description.contains(url.path), "\(error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.html"], "the temporary file was removed")
    }
}
