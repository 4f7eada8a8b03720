package extension StringProtocol {
    /// The text without the spaces and tabs around it: Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (Unicode Zs, U+0009 and, in Foundation's set,
    /// U+200B), without bridging to NSString, which was a tenth of judging a reading and of
    /// reading an endpoint URL.
    var trimmingBlanks: String {
        let text = String(self)
        let scalars = text.unicodeScalars
        func isBlank(_ s: Unicode.Scalar) -> Bool {
            s == "\t" || s == "\u{200B}" || s.properties.generalCategory == .spaceSeparator
        }
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return text }
        let start = scalars.firstIndex { !isBlank($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !isBlank($0) }.map { scalars.index(after: $0) } ?? start
        return String(Substring(scalars[start..<Swift.max(start, end)]))
    }
}
