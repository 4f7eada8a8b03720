import DeviceSimulators
import Foundation
import Testing

/// Ctrl-C during `checkup run`: devices in flight finish, completed results are kept, the run
/// is recorded as incomplete, and `--resume` inspects only the devices left.
@Suite(.serialized)
struct InterruptTests {
    @Test func interruptedRunKeepsResultsAndResumes() throws {
        let dir = CLI.temporaryDirectory()
        // Eight silent decoders on one bus: each costs its reply timeout, one after the other.
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 9600, decoders: (1...8).map { SimulatedDecoder(address: UInt8($0), silent: true) })
        _ = try decoders.start(link: dir + "/bus")
        defer { decoders.stop() }
        var site = "site: {id: slow, client: Slow Ltd}\ndevices:\n"
        for a in 1...8 {
            site += "  - {id: ptz-\(a), name: PTZ \(a), kind: ptz-decoder, profile: pelco-d-generic, endpoint: \"pelco-d://\(dir)/bus?baud=9600&address=\(a)\"}\n"
        }
        try site.write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        let args = ["run", "--site", dir + "/site.yaml", "--month", "2026-11", "--out", dir + "/out", "--store", dir + "/s.sqlite",
                    "--timeout", "0.6", "--retries", "0", "--format", "json"]

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

        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/run.json"))) as? [String: Any]
        let done = (run?["devices"] as? [Any])?.count ?? 0
        let unchecked = (run?["unchecked"] as? [String]) ?? []
        #expect(run?["incomplete"] as? Bool == true)
        #expect(done >= 1 && done < 8, "completed devices kept: \(done)")
        #expect(done + unchecked.count == 8)

        let resumed = try CLI.run(args + ["--resume"])
        #expect(resumed.status == 2, "\(resumed.all)")
        let after = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/run.json"))) as? [String: Any]
        #expect(after?["incomplete"] as? Bool == false, "\(resumed.all)")
        #expect((after?["devices"] as? [Any])?.count == 8)
    }
}
