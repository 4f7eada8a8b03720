import Foundation

/// Reads a text file that must be UTF-8, naming the first byte that is not.
///
/// Foundation's own error for such a file says only "not in the correct format"; a technician
/// who saved an inventory as GBK from a Windows editor needs the line to look at.
package enum UTF8Text: Sendable {
    /// The file's text; the error names the file, and for bad encoding the line, the column
    /// and the byte offset of the first invalid byte. `what` says what the file is for.
    package static func read(path: String, what: String) throws(FileErrors) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the \(what) (permissions, or a directory?)"
                                                                       : "the \(what) does not exist"
            throw FileErrors([LocatedError(file: path, line: 1, column: 1, message: reason)])
        }
        return try decode([UInt8](data), file: path, what: what)
    }

    /// `bytes` as text, or a located error at the first byte that breaks UTF-8.
    package static func decode(_ bytes: [UInt8], file: String, what: String) throws(FileErrors) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let bad = firstInvalidOffset(bytes) ?? 0
        var line = 1, lineStart = 0
        for (i, b) in bytes[..<bad].enumerated() where b == 0x0A { line += 1; lineStart = i + 1 }
        // Characters before the bad byte on its line (the valid prefix decodes cleanly).
        let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        throw FileErrors([LocatedError(
            file: file, line: line, column: column,
            message: "the \(what) is not UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(bad) starts no valid character",
            hint: "save the file as UTF-8 (an editor's \"encoding\" setting; GBK and Latin-1 are not accepted)")])
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence, nil if none.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let (count, low, high): (Int, UInt8, UInt8)   // continuation count; range of the 2nd byte
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: (count, low, high) = (1, 0x80, 0xBF)
            case 0xE0: (count, low, high) = (2, 0xA0, 0xBF)
            case 0xED: (count, low, high) = (2, 0x80, 0x9F)
            case 0xE1...0xEF: (count, low, high) = (2, 0x80, 0xBF)
            case 0xF0: (count, low, high) = (3, 0x90, 0xBF)
            case 0xF4: (count, low, high) = (3, 0x80, 0x8F)
            case 0xF1...0xF3: (count, low, high) = (3, 0x80, 0xBF)
            default: return i
            }
            guard i + count < bytes.count else { return i }
            guard (low...high).contains(bytes[i + 1]) else { return i }
            if count >= 2, !bytes[(i + 2)...(i + count)].allSatisfy({ (0x80...0xBF).contains($0) }) { return i }
            i += count + 1
        }
        return nil
    }
}
