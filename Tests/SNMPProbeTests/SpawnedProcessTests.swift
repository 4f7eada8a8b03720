import DeviceSimulators
import Foundation
import Testing

/// A test peer (snmpd, snmpsim, PostgreSQL) keeps no descriptor of ours: an agent that held the
/// write end of a pipe made for a `checkup` child would keep that child's reader waiting for ever.
@Suite struct SpawnedProcessTests {
    @Test func aChildGetsOnlyItsStandardDescriptors() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)  // like Foundation's Pipe: not close-on-exec
        defer { close(ends[0]); close(ends[1]) }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("spawned-fds-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let child = try SpawnedProcess(executable: "/bin/ls", arguments: ["-l", "/proc/self/fd"], environment: [:], logPath: log)
        #expect(child.waitUntilExit())
        let listing = try String(contentsOfFile: log, encoding: .utf8)
        #expect(listing.contains("/dev/null"), "the listing is the child's own: \(listing)")
        #expect(!listing.contains("pipe:"), "no pipe of the parent reached the child: \(listing)")
    }
}
