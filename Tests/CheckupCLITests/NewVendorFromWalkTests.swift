import Foundation
import Testing

/// docs/adding-a-device-profile.md, run as a user would: a walk of a camera we do not ship →
/// `profile new --from-walk` → an edit → `profile validate` → `simulate snmp-agent --from` (a
/// child process) → `probe` live with the new profile, with and without `--profile` →
/// `profile test --replay` of the walk, and the same replay catching a wrong OID.
@Suite(.serialized) struct NewVendorFromWalkTests {
    /// A Uniview-like camera (UNVERIFIED: enterprise 25506 and every object and value here are
    /// invented for this test, not taken from a real unit).
    static let walk = """
    .1.3.6.1.2.1.1.1.0 = STRING: "IPC2124LR3-PF40M-D"
    .1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.25506.1.1
    .1.3.6.1.2.1.1.3.0 = Timeticks: (35712300) 4 days, 3:12:03.00
    .1.3.6.1.2.1.1.5.0 = STRING: "gate-west"
    .1.3.6.1.4.1.25506.2.1.1.0 = STRING: "IPC2124LR3-PF40M-D"
    .1.3.6.1.4.1.25506.2.1.2.0 = STRING: "IPC_6201.10.11.200708"
    .1.3.6.1.4.1.25506.2.1.5.0 = INTEGER: 23
    .1.3.6.1.4.1.25506.2.1.6.0 = STRING: "41 PERCENT"
    .1.3.6.1.4.1.25506.2.3.1.2.1 = STRING: "SD card"
    .1.3.6.1.4.1.25506.2.3.1.3.1 = INTEGER: 1
    .1.3.6.1.4.1.25506.2.3.1.4.1 = Gauge32: 30436
    .1.3.6.1.4.1.25506.2.4.0 = Counter64: 18446744073709551615
    .1.3.6.1.4.1.25506.2.9.0 = No Such Object available on this agent at this OID

    """

    /// What the technician adds after reading the scaffold: a memory limit on the candidate point.
    static let memoryCheck = """
      - id: memory
        title: {zh: 内存使用率, en: Memory usage}
        point: e25506-2-1-6
        warning: "~:80"

    """

    @Test func fromAWalkToALiveProbeOfANewVendor() throws {
        let dir = CLI.temporaryDirectory()
        let walkPath = dir + "/unit.walk", profiles = dir + "/profiles", file = profiles + "/uniview-ipc2124.yaml"
        try Self.walk.write(toFile: walkPath, atomically: true, encoding: .utf8)

        let created = try CLI.run(["profile", "new", "--vendor", "uniview", "--family", "ipc2124", "--kind", "camera",
                                   "--from-walk", walkPath, "--out", profiles])
        #expect(created.status == 0, "\(created.all)")
        try (String(contentsOfFile: file, encoding: .utf8) + Self.memoryCheck).write(toFile: file, atomically: true, encoding: .utf8)
        let valid = try CLI.run(["profile", "validate", file])
        #expect(valid.status == 0 && valid.stdout.contains("1 profiles valid"), "\(valid.all)")

        let agent = try SimulatedAgentProcess(arguments: ["simulate", "snmp-agent", "--from", walkPath])
        defer { agent.interrupt() }
        let url = try #require(agent.url, "no URL printed: \(agent.output)")

        let live = try CLI.run(["probe", url, "--profile", "uniview-ipc2124", "--profiles", profiles, "--format", "json"])
        #expect(live.status == 0, "\(live.all)")
        let results = try Self.results(live.stdout)
        #expect(results["uptime"]?.status == "pass", "\(live.all)")
        #expect(results["memory"]?.status == "pass" && results["memory"]?.observed.contains("41") == true, "\(live.all)")

        let identified = try CLI.run(["probe", url, "--profiles", profiles])
        #expect(identified.stdout.contains("identified as uniview-ipc2124"), "\(identified.all)")

        let replay = try CLI.run(["profile", "test", "uniview-ipc2124", "--replay", walkPath, "--profiles", profiles, "--format", "json"])
        #expect(replay.status == 0, "\(replay.all)")
        #expect(try Self.results(replay.stdout)["memory"]?.status == "pass", "\(replay.all)")

        // One wrong OID in the profile: the replay reads what the unit answers there, nothing.
        let wrong = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "oid: 1.3.6.1.4.1.25506.2.1.6.0", with: "oid: 1.3.6.1.4.1.25506.2.1.60.0")
        try wrong.write(toFile: file, atomically: true, encoding: .utf8)
        let caught = try CLI.run(["profile", "test", "uniview-ipc2124", "--replay", walkPath, "--profiles", profiles, "--format", "json"])
        let memory = try #require(try Self.results(caught.stdout)["memory"], "\(caught.all)")
        #expect(memory.status != "pass" && memory.observed.contains("1.3.6.1.4.1.25506.2.1.60.0"), "\(caught.all)")

        agent.interrupt()
        #expect(agent.exitStatus == 0 && agent.output.contains("stopped"), "\(agent.output)")
    }

    static func results(_ json: String) throws -> [String: (status: String, observed: String)] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var byCheck: [String: (status: String, observed: String)] = [:]
        for result in (object?["results"] as? [[String: Any]]) ?? [] {
            byCheck[(result["check"] as? String) ?? ""] = ((result["status"] as? String) ?? "", (result["observed"] as? String) ?? "")
        }
        return byCheck
    }
}

/// `checkup simulate snmp-agent …` as a child process: started, its URL read from its output,
/// stopped with SIGINT as Ctrl-C would.
final class SimulatedAgentProcess {
    private let process = Process()
    private let collected = Locked(Data())
    private let done = DispatchGroup()
    private(set) var url: String?

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        done.enter()
        let box = collected, group = done
        DispatchQueue.global().async {
            while true {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                box.set(box.get() + chunk)
            }
            group.leave()
        }
        // snmpsim's Python start-up takes seconds on a loaded machine: wait for the URL line.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let range = output.range(of: #"snmp://127\.0\.0\.1:[0-9]+"#, options: .regularExpression), output.contains("Ctrl-C") {
                url = String(output[range])
                return
            }
            usleep(50_000)
        }
    }

    var output: String { String(decoding: collected.get(), as: UTF8.self) }

    var exitStatus: Int32 { process.isRunning ? -1 : process.terminationStatus }

    /// SIGINT, then waits (bounded) for the process and its output. Safe to call twice.
    func interrupt() {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        _ = done.wait(timeout: .now() + 5)
    }
}
