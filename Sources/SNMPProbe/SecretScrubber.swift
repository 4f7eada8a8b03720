import CheckupCore

/// The last line of defence: removes every secret of the device from text that leaves the
/// probe (unreachable reasons, error values, exchange text). The code never puts a secret
/// there in the first place; this makes sure a library message cannot either.
struct SecretScrubber: Sendable {
    private let secrets: [String]

    init(_ credentials: Credentials, endpoint: Endpoint) {
        var secrets = credentials.secretValues
        if let community = endpoint.community?.reveal(), !community.isEmpty { secrets.append(community) }
        // Longest first, so a secret containing another is removed whole.
        self.secrets = Array(Set(secrets)).sorted { $0.count > $1.count }
    }

    func scrub(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    func scrub(_ readings: Readings) -> Readings {
        guard !secrets.isEmpty else { return readings }
        var out = readings
        out.unreachable = readings.unreachable.map(scrub)
        out.exchanges = readings.exchanges.map { Exchange($0.direction, scrub($0.text), at: $0.at) }
        for (id, reading) in readings.values {
            if case .error(let why) = reading.value { out.values[id]?.value = .error(scrub(why)) }
            if case .absent(let why) = reading.value { out.values[id]?.value = .absent(scrub(why)) }
            out.values[id]?.evidence = reading.evidence.map(scrub)
        }
        return out
    }
}
