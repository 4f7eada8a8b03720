import Foundation

/// One device to inspect: the device, its profile, the probe that speaks its protocol, its secrets.
public struct Job: Sendable {
    public var device: Device
    public var profile: Profile
    public var probe: AnyProbe
    public var credentials: Credentials

    public init(device: Device, profile: Profile, probe: AnyProbe, credentials: Credentials) {
        self.device = device
        self.profile = profile
        self.probe = probe
        self.credentials = credentials
    }
}

/// Knobs of a run (`--concurrency`, `--timeout`, `--retries`, `--deadline`, `--allow-active`).
public struct PipelineOptions: Sendable {
    /// Devices in flight at once.
    public var concurrency: Int = 64
    /// One exchange's timeout, handed to the protocol library.
    public var timeout: Duration = .seconds(1)
    /// Retries of one exchange, handed to the protocol library.
    public var retries: Int = 1
    /// The backstop for one device: its read is abandoned (unreachable) after this.
    public var deadline: Duration = .seconds(30)
    public var allowActive = false
    public var trace = false

    public init(concurrency: Int = 64, timeout: Duration = .seconds(1), retries: Int = 1,
                deadline: Duration = .seconds(30), allowActive: Bool = false, trace: Bool = false) {
        self.concurrency = concurrency
        self.timeout = timeout
        self.retries = retries
        self.deadline = deadline
        self.allowActive = allowActive
        self.trace = trace
    }
}

/// What the pipeline tells the UI while it runs.
public enum ProgressEvent: Sendable {
    case started(device: String, done: Int, total: Int)
    case finished(outcome: DeviceOutcome, results: [CheckResult], done: Int, total: Int)
}
