import Foundation

/// Last line of defence for secrets: replaces any credential value that a device echoed or a
/// library put into a message with `***` before a result leaves the pipeline.
public struct Scrubber: Sendable {
    public var secrets: [String]

    public init(secrets: [String]) { self.secrets = secrets.filter { $0.count >= 3 } }

    public func scrub(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    public func scrub(_ result: CheckResult) -> CheckResult {
        guard !secrets.isEmpty else { return result }
        var r = result
        r.observed = scrub(r.observed)
        r.expected = scrub(r.expected)
        r.evidence = r.evidence.map(scrub)
        r.note = r.note.map(scrub)
        return r
    }

    public func scrub(_ exchange: Exchange) -> Exchange {
        guard !secrets.isEmpty else { return exchange }
        var e = exchange
        e.text = scrub(e.text)
        return e
    }
}
