import Foundation

/// One device to inspect: the device, its profile, the probe that speaks its protocol, its secrets.
package struct Job: Sendable {
    package var device: Device
    package var profile: Profile
    package var probe: AnyProbe
    package var credentials: Credentials

    package init(device: Device, profile: Profile, probe: AnyProbe, credentials: Credentials) {
        self.device = device
        self.profile = profile
        self.probe = probe
        self.credentials = credentials
    }
}

/// Knobs of a run (`--concurrency`, `--timeout`, `--retries`, `--deadline`, `--allow-active`).
package struct PipelineOptions: Sendable {
    /// Devices in flight at once.
    package var concurrency: Int = 64
    /// One exchange's timeout, handed to the protocol library.
    package var timeout: Duration = .seconds(1)
    /// Retries of one exchange, handed to the protocol library.
    package var retries: Int = 1
    /// The backstop for one device: its read is abandoned (unreachable) after this.
    package var deadline: Duration = .seconds(30)
    package var allowActive = false
    package var trace = false
    /// `ProbeContext.keepsWire`: for `checkup capture`.
    package var keepsWire = false
    /// False when every device's results are handed on as they arrive (`checkup run` commits
    /// them to the store and counts their statuses): the report then keeps each device's outcome
    /// without its exchanges, and no results — not 1,000 devices' results held to the end.
    package var keepsResults = true

    package init(concurrency: Int = 64, timeout: Duration = .seconds(1), retries: Int = 1,
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
package enum ProgressEvent: Sendable {
    case started(device: String, done: Int, total: Int)
    case finished(outcome: DeviceOutcome, results: [CheckResult], done: Int, total: Int)
}
