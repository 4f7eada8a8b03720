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
}
