import CheckupCore
import Foundation

/// A hostile test peer (Peers/hostile_*.py) that answers in one bad way, chosen by `mode`:
/// a Modbus TCP server, an SNMP responder or a Pelco line on a pseudo-terminal. The peer
/// prints `READY <where>` (a port, or the pty's path) once it listens.
///
/// A missing python3 fails the test with what to install, never a skip.
public final class HostilePeer: @unchecked Sendable {
    public enum Kind: String, Sendable { case modbus, snmp, pelco }

    /// What the peer printed after READY: a port number or a device path.
    public let address: String
    /// `address` as a port (Modbus, SNMP).
    public var port: Int { Int(address) ?? 0 }
    private let process: Process
    private let log: Pipe
    private let logged = NSLock()
    private var logText = ""

    /// What the peer wrote on stderr so far (the Modbus peer logs each request it received).
    public var stderr: String {
        logged.lock()
        defer { logged.unlock() }
        return logText
    }

    /// The `REQUEST <hex>` lines of the Modbus peer, the `FRAME <hex>` lines of the Pelco
    /// line: the bytes as they came off the wire.
    public var requests: [[UInt8]] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("REQUEST ") || $0.hasPrefix("FRAME ") }.map { line in
            let hex = Array(line.drop { $0 != " " }.dropFirst())
            return stride(from: 0, to: hex.count - 1, by: 2).compactMap { UInt8(String(hex[$0...$0 + 1]), radix: 16) }
        }
    }

    public static func start(_ kind: Kind, _ mode: String, _ arguments: [String] = []) async throws -> HostilePeer {
        try await BlockingIO.shared.run { try HostilePeer(kind, mode, arguments) }
    }

    private init(_ kind: Kind, _ mode: String, _ arguments: [String]) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Peers/hostile_\(kind.rawValue).py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, mode] + arguments
        let out = Pipe()
        log = Pipe()
        process.standardOutput = out
        process.standardError = log
        do { try process.run() } catch { throw PeerError("cannot run python3 (\(error)): install Python 3") }
        var text = ""
        while !text.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first, line.hasPrefix("READY ") else {
            kill(process.processIdentifier, SIGKILL)
            throw PeerError("hostile_\(kind.rawValue).py \(mode) did not start: \(text)")
        }
        address = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
        log.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { handle.readabilityHandler = nil; return }
            self.logged.lock()
            self.logText += String(decoding: chunk, as: UTF8.self)
            self.logged.unlock()
        }
    }

    public func stop() {
        log.fileHandleForReading.readabilityHandler = nil
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            for _ in 0..<200 where process.isRunning { usleep(10_000) }
        }
    }

    deinit { stop() }
}
