import Foundation
import CheckupCore

/// Last line of defence: replaces every known secret value in a text with `***`.
///
/// Probes never put secrets in their evidence, but a record is signed and handed to a client,
/// so every text that reaches it passes through here as well.
struct SecretScrubber: Sendable {
    let secrets: [String]

    init(site: Site?, extra: [String]) {
        let fromSite = site?.devices.compactMap { $0.endpoint.community?.reveal() } ?? []
        secrets = Array(Set(fromSite + extra)).filter { !$0.isEmpty && $0 != "***" }.sorted { $0.count > $1.count }
    }

    func callAsFunction(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// A run with every free text of its results and exchanges scrubbed.
    func scrubbing(_ run: RunReport) -> RunReport {
        guard !secrets.isEmpty else { return run }
        var run = run
        run.results = run.results.map { r in
            var r = r
            r.observed = self(r.observed)
            r.expected = self(r.expected)
            r.evidence = r.evidence.map { self($0) }
            r.note = r.note.map { self($0) }
            r.offending = r.offending.map { self($0) }
            return r
        }
        run.devices = run.devices.map { d in
            var d = d
            d.endpoint = self(d.endpoint)
            d.unreachable = d.unreachable.map { self($0) }
            d.exchanges = d.exchanges.map { e in var e = e; e.text = self(e.text); return e }
            return d
        }
        return run
    }
}
