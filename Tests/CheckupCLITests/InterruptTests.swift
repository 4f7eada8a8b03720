import DeviceSimulators
import Foundation
import Testing

/// Ctrl-C during `checkup run`: devices in flight finish, completed results are kept, the run
/// is recorded as incomplete, and `--resume` inspects only the devices left.
@Suite(.serialized)
struct InterruptTests {
    @Test func interruptedRunKeepsResultsAndResumes() throws {
        let (dir, decoders, args) = try Self.slowBus()
        defer { decoders.stop() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(1_500_000)                      // two or three decoders done
        kill(process.processIdentifier, SIGINT)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "unreachable decoders found before the interrupt: \(output)")
        #expect(output.contains("run incomplete"), "\(output)")
        #expect(output.contains("--resume"), "\(output)")

        // What was read before the interrupt is stored; the rest is listed as not inspected.
        let v1 = try Self.devices(dir + "/out/slow-2026-11-v1.json")
        let done = v1.filter { $0 != "not-inspected" }.count
        #expect(v1.count == 8, "every device listed once")
        #expect(done >= 1 && done < 8, "completed devices kept: \(v1)")

        let resumed = try CLI.run(args + ["--resume"])
        #expect(resumed.status == 2, "\(resumed.all)")
        #expect(resumed.stderr.contains("resuming: \(8 - done) devices"), "\(resumed.all)")
        let v2 = try Self.devices(dir + "/out/slow-2026-11-v2.json")
        #expect(v2 == Array(repeating: "unreachable", count: 8), "\(v2)")
        let again = try CLI.run(args + ["--resume"])
        #expect(again.status == 3 && again.stderr.contains("nothing to resume"), "\(again.all)")
    }

    /// SIGKILL, SIGHUP and a second run at once: what was read is in the store, nothing is
    /// recorded twice, and the lock names who holds it.
    @Test(arguments: [SIGKILL, SIGHUP])
    func aKilledOrHungUpRunLosesOnlyTheDevicesInFlight(signal: Int32) throws {
        let (dir, decoders, args) = try Self.slowBus()
        defer { decoders.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(1_500_000)                      // two or three decoders done, the run holds its lock
        let second = try CLI.run(args)
        #expect(second.status == 3 && second.stderr.contains("being inspected by another run")
                && second.stderr.contains("pid \(process.processIdentifier)"), "\(second.all)")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()

        let resumed = try CLI.run(args + ["--resume"])
        #expect(resumed.status == 2, "\(resumed.all)")
        let left = resumed.stderr.firstMatch(of: /resuming: (\d+) devices/).flatMap { Int($0.1) } ?? -1
        #expect(left > 0 && left < 8, "the devices read before the \(signal) were kept: \(resumed.all)")
        if signal == SIGKILL { #expect(resumed.stderr.contains("took over the lock"), "\(resumed.all)") }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").filter { $0.hasSuffix(".json") }.sorted()
        let last = try #require(files.last)
        #expect(try Self.devices(dir + "/out/" + last) == Array(repeating: "unreachable", count: 8), "\(files)")
    }

    /// Eight silent decoders on one bus (each costs its reply timeout, one after the other), the
    /// site of them, and the `run` arguments over it.
    static func slowBus() throws -> (String, PTZDecoderSimulator, [String]) {
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 9600, decoders: (1...8).map { SimulatedDecoder(address: UInt8($0), silent: true) })
        _ = try decoders.start(link: dir + "/bus")
        var site = "site: {id: slow, client: Slow Ltd}\ndevices:\n"
        for a in 1...8 {
            site += "  - {id: ptz-\(a), name: PTZ \(a), kind: ptz-decoder, profile: pelco-d-generic, endpoint: \"pelco-d://\(dir)/bus?baud=9600&address=\(a)\"}\n"
        }
        try site.write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        return (dir, decoders, ["run", "--site", dir + "/site.yaml", "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out",
                                "--store", dir + "/s.sqlite", "--timeout", "0.6", "--retries", "0", "--format", "json"])
    }

    /// The state of each device in a record's JSON, in inventory order.
    static func devices(_ path: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return ((json?["devices"] as? [[String: Any]]) ?? []).map { ($0["state"] as? String) ?? "?" }
    }
}
