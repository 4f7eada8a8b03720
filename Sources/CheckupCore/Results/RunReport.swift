public import Foundation

/// Everything one inspection run produced: per-device outcomes and every check result.
public struct RunReport: Sendable, Codable {
    public var site: Site?
    public var startedAt: Date
    public var finishedAt: Date
    /// True when the run was interrupted (Ctrl-C) or devices were left out: the record says so.
    public var incomplete: Bool
    public var devices: [DeviceOutcome]
    public var results: [CheckResult]
    /// Devices not inspected because the run was interrupted.
    public var unchecked: [String] = []

    public init(site: Site?, startedAt: Date, finishedAt: Date, incomplete: Bool,
                devices: [DeviceOutcome], results: [CheckResult]) {
        self.site = site
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.incomplete = incomplete
        self.devices = devices
        self.results = results
    }

    /// Count of results per status (`summary` of the JSON output).
    public var summary: [CheckStatus: Int] {
        Dictionary(grouping: results, by: \.status).mapValues(\.count)
    }

    public var exitStatus: ExitStatus { ExitStatus.of(results.map(\.status)) }
}

/// How one device went: reached or not, how long, with which profile.
public struct DeviceOutcome: Sendable, Codable, Hashable {
    public var device: String
    public var profile: String
    /// Redacted endpoint URL.
    public var endpoint: String
    /// Why the device could not be read, when it could not.
    public var unreachable: String?
    public var durationMs: Double
    /// The raw exchange, kept for the evidence appendix and `--trace`.
    public var exchanges: [Exchange]

    public init(device: String, profile: String, endpoint: String, unreachable: String? = nil,
                durationMs: Double = 0, exchanges: [Exchange] = []) {
        self.device = device
        self.profile = profile
        self.endpoint = endpoint
        self.unreachable = unreachable
        self.durationMs = durationMs
        self.exchanges = exchanges
    }

    enum CodingKeys: String, CodingKey {
        case device, profile, endpoint, unreachable
        case durationMs = "duration_ms"
        case exchanges
    }
}
