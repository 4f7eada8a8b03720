import Foundation

/// A Monitoring-Plugins range (`10`, `10:`, `~:10`, `10:20`, `@10:20`): the check alerts when
/// the value is outside start…end, or inside it with a leading `@`.
package struct NagiosRange: Sendable, Hashable, CustomStringConvertible {
    package var start: Double
    package var end: Double
    package var inverted: Bool
    package let text: String

    package init(parsing text: String) throws(RangeError) {
        var body = Substring(text.trimmingBlanks)
        self.text = String(body)
        inverted = body.hasPrefix("@")
        if inverted { body = body.dropFirst() }
        guard !body.isEmpty else { throw RangeError(text: text) }
        if let colon = body.firstIndex(of: ":") {
            let lower = body[..<colon], upper = body[body.index(after: colon)...]
            if lower == "~" { start = -.infinity }
            else if lower.isEmpty { start = 0 }
            else if let v = Double(lower) { start = v } else { throw RangeError(text: text) }
            if upper.isEmpty { end = .infinity }
            else if let v = Double(upper) { end = v } else { throw RangeError(text: text) }
        } else {
            guard let v = Double(body) else { throw RangeError(text: text) }
            start = 0
            end = v
        }
        guard !start.isNaN, !end.isNaN else { throw RangeError(text: text) }
        guard start <= end else { throw RangeError(text: text, reason: "start is above end") }
    }

    /// True when `value` should raise an alert.
    package func alerts(_ value: Double) -> Bool {
        let inside = value >= start && value <= end
        return inverted ? inside : !inside
    }

    /// What a passing value looks like: "≤ 80", "10…20", "≥ 60", "outside 10…20".
    package var expectation: String { Expectation.Span(self).description }

    package var description: String { text }

    static func format(_ v: Double) -> String { Value.number(v).text }
}

package struct RangeError: UserFacingError, Sendable, CustomStringConvertible {
    package var text: String
    package var reason: String = "expected N, N:, ~:N, N:M or @N:M"
    package var description: String { "invalid range '\(text)': \(reason)" }
}
