import Foundation

/// A profile's regular expressions, each compiled once per process. `String.range(of:options:
/// .regularExpression)` compiles its pattern at every call: 8 % of a 1,000-camera run's CPU
/// went to compiling the same `regex: "."` again for every camera.
enum PatternMatch {
    /// NSRegularExpression is immutable once made, and safe to match from several threads.
    private final class Compiled: @unchecked Sendable {
        let expression: NSRegularExpression?
        init(_ pattern: String) { expression = try? NSRegularExpression(pattern: pattern) }
    }

    private static let cache = Locked<[String: Compiled]>([:])
    /// What ICU's `.` does not match, and the characters that make a pattern more than text.
    private static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
    private static let metacharacters = Set("\\^$.|?*+()[]{}#".unicodeScalars)

    /// Whether the engine takes `pattern` (the profile loader's check): `.` and plain text always,
    /// without compiling them at every start.
    static func isValid(_ pattern: String) -> Bool {
        needsNoEngine(pattern) || (try? NSRegularExpression(pattern: pattern)) != nil
    }

    /// The patterns profiles use most need no engine (nor the text bridged to UTF-16 for it):
    /// `.`, any character but a line break, and plain text, matched as the same code points.
    private static func needsNoEngine(_ pattern: String) -> Bool {
        pattern == "." || (!pattern.isEmpty && !pattern.unicodeScalars.contains(where: metacharacters.contains))
    }

    /// Whether `pattern` matches somewhere in `text`; a pattern that does not compile matches
    /// nothing (the profile loader already refused it, with its file:line:col).
    static func matches(_ pattern: String, in text: String) -> Bool {
        if pattern == "." { return text.unicodeScalars.contains { !lineBreaks.contains($0) } }
        if needsNoEngine(pattern) { return text.utf8.firstRange(of: pattern.utf8) != nil }
        let compiled = cache.withLock { cache in
            if let known = cache[pattern] { return known }
            let made = Compiled(pattern)
            cache[pattern] = made
            return made
        }
        guard let expression = compiled.expression else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
