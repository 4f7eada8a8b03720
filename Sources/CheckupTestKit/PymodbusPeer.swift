public import CheckupCore
import Foundation

/// A pymodbus TCP server with the Elmo map (Peers/elmo_peer.py), started by a test: an
/// implementation nobody here wrote, as a second opinion on our Modbus client.
///
/// A missing python3 or pymodbus fails the test with the command that installs it.
public final class PymodbusPeer: @unchecked Sendable {
    public let port: Int
    public let logPath: String
    private let process: Process

    /// Starts the peer with `arguments` (e.g. `["--mains", "--zone-alarm", "5"]`) on a free port.
    public static func start(_ arguments: [String] = []) async throws -> PymodbusPeer {
        try await BlockingIO.shared.run { try PymodbusPeer(arguments) }
    }

    private init(_ arguments: [String]) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Peers/elmo_peer.py").path
        logPath = NSTemporaryDirectory() + "checkup-pymodbus-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: Data())
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--port", "0", "--log", logPath] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PeerError("cannot run python3 (\(error)): install Python 3 and `pip install pymodbus`")
        }
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("\n") && Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first, line.hasPrefix("READY "),
              let port = Int(line.split(separator: " ")[1]) else {
            process.terminate()
            throw PeerError("the pymodbus peer did not start (\(text.trimmingCharacters(in: .whitespacesAndNewlines))): `pip install -U pymodbus` (a 3.x with pymodbus.simulator.SimDevice; tested with 3.16.1)")
        }
        self.port = port
    }

    /// Function codes the peer received, in order.
    public var receivedFunctions: [Int] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
    }

    public func stop() {
        // SIGKILL and a bounded wait: Foundation's waitUntilExit spins off the main thread on Linux,
        // and pymodbus may sit on SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            for _ in 0..<200 where process.isRunning { usleep(10_000) }
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    deinit { stop() }
}

/// A test peer that could not start, with the command that installs what is missing.
public struct PeerError: UserFacingError, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
