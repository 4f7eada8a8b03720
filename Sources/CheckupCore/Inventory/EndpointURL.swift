import Foundation

/// The scheme-independent part of reading an endpoint URL: the scheme, redaction, and the plain
/// split of a URL no probe's rules were applied to (a site stored by an older run).
enum EndpointURL {
    /// The lowercased scheme of `text`; `known` names the schemes a message may suggest.
    static func scheme(of text: String, known: @autoclosure () -> [String]) throws(EndpointError) -> String {
        let trimmed = text.trimmingBlanks
        guard let separator = trimmed.range(of: "://") else {
            throw EndpointError("'\(redacted(trimmed))' is not an endpoint URL: expected SCHEME://…, schemes: \(known().joined(separator: ", "))")
        }
        return trimmed[..<separator.lowerBound].lowercased()
    }

    /// The URL split as written, with no scheme's keys, ranges or defaults; a user part is taken
    /// as a secret, the safe reading when the scheme's own is not at hand.
    static func split(_ text: String) throws(EndpointError) -> Endpoint {
        let trimmed = text.trimmingBlanks
        let scheme = try scheme(of: trimmed, known: [])
        guard let components = URLComponents(string: trimmed) else {
            throw EndpointError("'\(redacted(trimmed))' is not a well-formed URL")
        }
        var endpoint = Endpoint(scheme: scheme)
        for item in components.queryItems ?? [] { endpoint.query[item.name] = item.value ?? "" }
        if let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty { endpoint.community = Secret(user) }
        if let host = components.host, !host.isEmpty {
            endpoint.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            endpoint.port = components.port
        } else if !components.path.isEmpty {
            endpoint.path = components.path
        }
        return endpoint
    }

    /// Hides a user-info part (a community) and the query before text goes into an error
    /// message: a malformed URL may carry anything there.
    static func redacted(_ text: String) -> String {
        var text = Substring(text)
        if let query = text.firstIndex(of: "?") { text = text[..<query] + "?…" }
        guard let sep = text.range(of: "://"), let at = text[sep.upperBound...].firstIndex(of: "@") else { return String(text) }
        return text[..<sep.upperBound] + "***" + text[at...]
    }
}
