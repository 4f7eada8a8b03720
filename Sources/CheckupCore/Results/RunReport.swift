package import Foundation

/// Everything one inspection run produced: per-device outcomes and every check result.
package struct RunReport: Sendable, Codable {
    package var site: Site?
    package var startedAt: Date
    package var finishedAt: Date
    /// True when the run was interrupted (Ctrl-C) or devices were left out: the record says so.
    package var incomplete: Bool
    package var devices: [DeviceOutcome]
    package var results: [CheckResult]
    /// Devices not inspected because the run was interrupted.
    package var unchecked: [String] = []

    package init(site: Site?, startedAt: Date, finishedAt: Date, incomplete: Bool,
                devices: [DeviceOutcome], results: [CheckResult]) {
        self.site = site
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.incomplete = incomplete
        self.devices = devices
        self.results = results
    }

    /// Count of results per status (`summary` of the JSON output).
    package var summary: [CheckStatus: Int] {
        Dictionary(grouping: results, by: \.status).mapValues(\.count)
    }

    package var exitStatus: ExitStatus { ExitStatus.of(results.map(\.status)) }
}

/// How one device went: reached or not, how long, with which profile.
package struct DeviceOutcome: Sendable, Codable, Hashable {
    package var device: String
    package var profile: String
    /// Redacted endpoint URL.
    package var endpoint: String
    /// Why the device could not be read, when it could not.
    package var unreachable: String?
    package var durationMs: Double
    /// The raw exchange, kept for the evidence appendix and `--trace`.
    package var exchanges: [Exchange]

    package init(device: String, profile: String, endpoint: String, unreachable: String? = nil,
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
