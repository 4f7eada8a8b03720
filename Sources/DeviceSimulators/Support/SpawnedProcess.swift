#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPseudoTerminal

/// A child process started with `posix_spawn` and reaped with `waitpid`.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit` spins a run loop and can hang when
/// several fixtures stop at once, and its children inherit the spawning thread's blocked
/// signals (Swift's worker threads block SIGTERM). Here the child gets an empty signal mask and
/// default handlers, stdin from /dev/null and stdout + stderr into a log file. With
/// `ownProcessGroup` it leads a process group of its own and signals go to the whole group:
/// for programs started through wrappers (a pyenv shim, a Python entry point). The simulators'
/// agents and the test kit's PostgreSQL commands all start this way.
package final class SpawnedProcess: @unchecked Sendable {
    let pid: pid_t
    private let signalsGroup: Bool
    /// The `waitpid` status once the child is reaped.
    private var exitStatus: Int32?
    private var reaped: Bool { exitStatus != nil }
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    package init(executable: String, arguments: [String], environment: [String: String], logPath: String,
                 ownProcessGroup: Bool = false) throws(SNMPAgentError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of ours: a long-lived agent that kept the write end of a pipe another
        // thread had just made for a `checkup` child would keep that child's reader from EOF.
        CPseudoTerminal_closeFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw SNMPAgentError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        signalsGroup = ownProcessGroup
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// True while the child has not exited (reaps it if it has).
    var isRunning: Bool {
        pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
        if reaped { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid || r < 0 { exitStatus = status; return false }
        return true
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; returns once the child is reaped.
    func terminate(grace: Double = 1.0) {
        pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }
        if reaped { return }
        let target = signalsGroup ? -pid : pid
        kill(target, SIGTERM)
        var waited = 0.0
        var status: Int32 = 0
        while waited < grace {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || r < 0 { exitStatus = status; return }
            usleep(10_000)
            waited += 0.01
        }
        kill(target, SIGKILL)
        _ = waitpid(pid, &status, 0)
        exitStatus = status
    }

    /// Blocks until the child exits by itself; true when it exited with status 0.
    @discardableResult
    package func waitUntilExit() -> Bool {
        pthread_mutex_lock(lock)
        if let exitStatus { pthread_mutex_unlock(lock); return Self.succeeded(exitStatus) }
        pthread_mutex_unlock(lock)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pthread_mutex_lock(lock); exitStatus = status; pthread_mutex_unlock(lock)
        return Self.succeeded(status)
    }

    /// WIFEXITED && WEXITSTATUS == 0, spelled out: the macros do not import.
    private static func succeeded(_ status: Int32) -> Bool { status & 0x7f == 0 && (status >> 8) & 0xff == 0 }
}
