import Foundation

/// Colours only on a terminal and never with `NO_COLOR` (https://no-color.org).
struct Terminal: Sendable {
    var colours: Bool

    static let standardOutput = Terminal(colours: isatty(STDOUT_FILENO) == 1
        && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        && ProcessInfo.processInfo.environment["TERM"] != "dumb")
    static let standardError = Terminal(colours: isatty(STDERR_FILENO) == 1
        && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

    var isTTY: Bool { colours }

    enum Colour: String { case red = "31", green = "32", yellow = "33", blue = "34", grey = "90", bold = "1" }

    func paint(_ text: String, _ colour: Colour) -> String {
        colours ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
