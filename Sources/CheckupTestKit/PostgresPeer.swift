import DeviceSimulators
public import Foundation

/// A PostgreSQL server of its own for the tests: `initdb` in a temporary folder, `pg_ctl start`
/// on a free loopback port, password authentication (scram), stopped and removed at the end.
/// `initdb` and `postgres` refuse to run as root (and CI runs as root): then they run as
/// `nobody` through `runuser`, with the folder given to that user.
///
/// A missing server fails the test with the command that installs it, never a skip.
public final class PostgresPeer: @unchecked Sendable {
    public let port: Int
    public let user = "checkup"
    /// The superuser's password: tests pass it through PGPASSWORD and grep outputs for it.
    public let password: String
    public let folder: String
    private let bin: String
    private let lock = NSLock()
    private var running = true

    /// One server per test process, started on first use and stopped when the process exits.
    public static func shared() throws -> PostgresPeer {
        try sharedLock.withLock {
            if let sharedPeer { return sharedPeer }
            let peer = try PostgresPeer()
            sharedPeer = peer
            atexit { PostgresPeer.stopShared() }
            return peer
        }
    }

    /// A private server (for a test that stops it under a run); `stop()` it when done.
    public static func start() throws -> PostgresPeer { try PostgresPeer() }

    private init() throws {
        guard let bin = Self.serverBinaries() else {
            throw PeerError("PostgreSQL's server is not installed (initdb, pg_ctl): `make deps` "
                            + "(apt-get install postgresql libpq-dev)")
        }
        self.bin = bin
        password = "pg-" + UUID().uuidString.prefix(12)
        folder = NSTemporaryDirectory() + "checkup-pg-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(password.utf8).write(to: URL(fileURLWithPath: folder + "/pwfile"))
        if getuid() == 0 {
            guard let nobody = getpwnam("nobody") else { throw PeerError("no user 'nobody' to run PostgreSQL as") }
            chown(folder, nobody.pointee.pw_uid, nobody.pointee.pw_gid)
            chown(folder + "/pwfile", nobody.pointee.pw_uid, nobody.pointee.pw_gid)
        }
        chmod(folder, 0o700)
        port = try FreePort.tcp()
        try serverCommand("initdb", ["-D", folder + "/data", "-U", user, "--pwfile", folder + "/pwfile",
                                     "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C", "--no-sync"])
        try startServer()
    }

    /// `postgres://checkup@127.0.0.1:PORT/NAME` of a new, empty database (one per test).
    public func createDatabase(_ name: String = "t" + UUID().uuidString.prefix(8).lowercased()) throws -> String {
        try clientCommand("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", user, name])
        return url(database: name)
    }

    public func url(database: String) -> String { "postgres://\(user)@127.0.0.1:\(port)/\(database)" }

    /// Stops the server, keeping its files (`startServer()` brings it back); fast shutdown:
    /// open connections are cut, as when the office server goes down.
    public func stopServer() throws {
        try serverCommand("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
    }

    public func startServer() throws {
        try serverCommand("pg_ctl", ["-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                                     "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
    }

    /// Stops the server and removes its folder.
    public func stop() {
        lock.withLock {
            guard running else { return }
            running = false
            try? stopServer()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    // MARK: - Internals

    nonisolated(unsafe) private static var sharedPeer: PostgresPeer?
    private static let sharedLock = NSLock()
    private static func stopShared() { sharedPeer?.stop() }

    private static func serverBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted { $0.count == $1.count ? $0 > $1 : $0.count > $1.count }
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    /// Runs a server program, as `nobody` when we are root.
    private func serverCommand(_ tool: String, _ arguments: [String]) throws {
        if getuid() == 0 {
            try Self.execute("/usr/sbin/runuser", ["-u", "nobody", "--", bin + "/" + tool] + arguments, environment: [:])
        } else {
            try Self.execute(bin + "/" + tool, arguments, environment: [:])
        }
    }

    private func clientCommand(_ tool: String, _ arguments: [String]) throws {
        try Self.execute(bin + "/" + tool, arguments, environment: ["PGPASSWORD": password])
    }

    /// A `SpawnedProcess`, not Foundation's Process: its child reaping is not reliable for
    /// `runuser`, and the server pg_ctl starts must not inherit a pipe. Output goes to a file.
    private static func execute(_ path: String, _ arguments: [String], environment: [String: String]) throws {
        let outputPath = NSTemporaryDirectory() + "checkup-pg-command-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        env.merge(environment) { $1 }
        let process = try SpawnedProcess(executable: path, arguments: arguments, environment: env, logPath: outputPath)
        guard process.waitUntilExit() else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw PeerError("\(URL(fileURLWithPath: path).lastPathComponent) \(arguments.prefix(4).joined(separator: " ")) "
                            + "failed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
