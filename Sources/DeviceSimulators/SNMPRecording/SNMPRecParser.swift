import CheckupCore
import SNMPProbe

/// Reads `.snmprec` lines, `OID|TYPE|VALUE`, as snmpsim does (its `grammar/snmprec.py`): the
/// line is trimmed, split at the first two bars (the value may hold more), `#` lines are comments.
///
/// TYPE is the BER tag as a decimal number, with `x` when VALUE is hex, or `e` when it is
/// written with Python escapes (`\n`, `\x00`): 2 Integer32, 4 OCTET STRING, 5 NULL, 6 OBJECT
/// IDENTIFIER, 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque, 70 Counter64;
/// 128/129/130 (noSuchObject/noSuchInstance/endOfMibView) are accepted and left out.
enum SNMPRecParser {
    static let types = "2, 4, 4x, 4e, 5, 6, 64, 64x, 65, 66, 67, 68x, 70"

    static func parse(_ text: String, file: String) -> RecordingParse {
        var result = RecordingParse()
        for line in RecordingLines(text) where !line.isSkippable {
            switch parseLine(line.text) {
            case .success(let bind?): result.entries.append((bind, line.number))
            case .success(nil): break
            case .failure(let problem):
                result.errors.append(LocatedError(file: file, line: line.number, column: problem.column,
                                                  message: problem.message, hint: problem.hint))
            }
        }
        return result
    }

    /// A problem on one line, at a column (1-based, in characters).
    struct Problem: Error {
        var column: Int
        var message: String
        var hint: String?
    }

    /// The object on `line`, nil for an exception tag, or the problem.
    static func parseLine(_ line: Substring) -> Result<SNMPVarBind?, Problem> {
        let indent = line.prefix(while: \.isWhitespace).count
        let body = line.dropFirst(indent).reversed().drop(while: \.isWhitespace).reversed()
        let fields = String(body).split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else {
            return .failure(Problem(column: indent + 1, message: "expected OID|TYPE|VALUE, found '\(String(body).prefix(60))'"))
        }
        let tagColumn = indent + fields[0].count + 2
        let valueColumn = tagColumn + fields[1].count + 1
        guard let oid = SNMPObjectID(String(fields[0])), !fields[0].contains(" ") else {
            return .failure(Problem(column: indent + 1, message: "'\(fields[0])' is not a numeric OID",
                                    hint: "snmprec OIDs are dotted numbers without a leading dot, e.g. 1.3.6.1.2.1.1.1.0"))
        }
        do {
            let value = try value(tag: String(fields[1]), text: fields[2], tagColumn: tagColumn, valueColumn: valueColumn)
            return .success(value.map { SNMPVarBind(oid, $0) })
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(column: valueColumn, message: "\(error)"))
        }
    }

    private static func value(tag: String, text: Substring, tagColumn: Int, valueColumn: Int) throws -> SNMPValue? {
        func bad(_ what: String, hint: String? = nil) -> Problem {
            Problem(column: valueColumn, message: "'\(text.prefix(60))' is not \(what)", hint: hint)
        }
        func required<T>(_ parsed: T?, _ what: String) throws -> T {
            guard let parsed else { throw bad(what) }
            return parsed
        }
        func unsigned(_ limit: UInt64, _ what: String) throws -> UInt64 {
            guard let n = UInt64(text), n <= limit else { throw bad("\(what) (0…\(limit))") }
            return n
        }
        switch tag {
        case "2":
            guard let n = Int64(text), (Int64(Int32.min)...Int64(Int32.max)).contains(n) else {
                throw bad("an Integer32 (\(Int32.min)…\(Int32.max))")
            }
            return .integer(n)
        case "4": return .octets(Array(text.utf8))
        case "4x": return .octets(try required(hexBytes(text), "hex bytes (an even number of 0-9, a-f)"))
        case "4e": return .octets(try required(unescaped(text), "an escaped string (\\n, \\t, \\\\, \\xNN)"))
        case "5", "5x": return .null
        case "6":
            guard let oid = SNMPObjectID(String(text)) else { throw bad("a numeric OID") }
            return .objectID(oid)
        case "64":
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
            guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else { throw bad("an IPv4 address (a.b.c.d)") }
            return .ipAddress(parts.compactMap { $0 })
        case "64x":
            guard let bytes = hexBytes(text), bytes.count == 4 else { throw bad("an IPv4 address in hex (8 hex digits)") }
            return .ipAddress(bytes)
        case "65": return .counter32(try unsigned(UInt64(UInt32.max), "a Counter32"))
        case "66": return .gauge(try unsigned(UInt64(UInt32.max), "a Gauge32"))
        case "67": return .timeTicks(try unsigned(UInt64(UInt32.max), "TimeTicks"))
        case "68": return .opaque(Array(text.utf8))
        case "68x": return .opaque(try required(hexBytes(text), "hex bytes (an even number of 0-9, a-f)"))
        case "70": return .counter64(try unsigned(UInt64.max, "a Counter64"))
        case "128", "129", "130": return nil
        default:
            let hint = tag.contains(":") ? "variation modules (TYPE:MODULE) are not supported: record a fixed value"
                : "types: \(types)"
            throw Problem(column: tagColumn, message: "unknown snmprec type '\(tag)'", hint: hint)
        }
    }

    /// Bytes from hex digits with no separators; nil when odd or not hex.
    static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// snmpsim's `e` values: Python string escapes over ISO 8859-1 text.
    static func unescaped(_ text: Substring) -> [UInt8]? {
        let escapes: [UInt8: UInt8] = [0x5C: 0x5C, 0x27: 0x27, 0x22: 0x22, 0x61: 7, 0x62: 8, 0x66: 12,
                                       0x6E: 10, 0x72: 13, 0x74: 9, 0x76: 11]
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            guard byte == 0x5C else { output.append(byte); index += 1; continue }
            guard index + 1 < input.count else { return nil }
            let code = input[index + 1]
            if code == UInt8(ascii: "x") {
                guard index + 3 < input.count, let high = hexValue(input[index + 2]), let low = hexValue(input[index + 3]) else { return nil }
                output.append(high << 4 | low)
                index += 4
            } else if let replacement = escapes[code] {
                output.append(replacement)
                index += 2
            } else {
                return nil
            }
        }
        return output
    }
}

/// Writes one object as an `.snmprec` line that snmpsim reads back to the same bytes: text that
/// survives its trimming as is, anything else (control bytes, edge spaces, non-ASCII) as hex.
enum SNMPRecWriter {
    static func line(_ bind: SNMPVarBind) -> String {
        let (tag, value) = field(bind.value)
        return "\(bind.oid)|\(tag)|\(value)"
    }

    static func field(_ value: SNMPValue) -> (String, String) {
        switch value {
        case .integer(let n): return ("2", "\(n)")
        case .octets(let bytes): return isPlain(bytes) ? ("4", String(decoding: bytes, as: UTF8.self)) : ("4x", hex(bytes))
        case .null: return ("5", "")
        case .objectID(let oid): return ("6", oid.description)
        case .ipAddress(let bytes):
            return bytes.count == 4 ? ("64", bytes.map(String.init).joined(separator: ".")) : ("64x", hex(bytes))
        case .counter32(let n): return ("65", "\(n)")
        case .gauge(let n): return ("66", "\(n)")
        case .timeTicks(let n): return ("67", "\(n)")
        case .opaque(let bytes): return ("68x", hex(bytes))
        case .counter64(let n): return ("70", "\(n)")
        case .noSuchObject: return ("128", "")
        case .noSuchInstance: return ("129", "")
        case .endOfMibView: return ("130", "")
        }
    }

    /// Printable ASCII with no space at either end (snmpsim strips the line).
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        return first != 0x20 && last != 0x20 && bytes.allSatisfy { (0x20...0x7E).contains($0) }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
