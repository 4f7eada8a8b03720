import Foundation
import Testing
@testable import CheckupCore

/// `.` and plain-text patterns are matched without the regex engine: each answer is the engine's.
struct PatternMatchTests {
    static let patterns = [".", "-", "DS-", "HDD2", "ok", " ", "é", "^DS-", "a|b", "\\.", "[0-9]+", "x{2}"]
    static let texts = ["", "DS-2CD2143G0-I", "\n", "\r\n", "\u{2028}", " \n", "e\u{301}", "é", "café", "ok go", "HDD2 ", "a.b", "xx"]

    @Test func theShortcutsAnswerAsTheEngineDoes() throws {
        for pattern in Self.patterns {
            let engine = try NSRegularExpression(pattern: pattern)
            for text in Self.texts {
                let expected = engine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(PatternMatch.matches(pattern, in: text) == expected, "\(pattern) in \(text.debugDescription)")
            }
            #expect(PatternMatch.isValid(pattern))
        }
        for broken in ["(", "[a-", "x{2", "*"] { #expect(!PatternMatch.isValid(broken), "\(broken)") }
    }
}
