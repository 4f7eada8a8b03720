import CheckupCore
import Foundation
import SNMPProbe

/// Reads the output of net-snmp's `snmpwalk -On` (numeric OIDs), as net-snmp 5.9 prints it:
///
/// ```
/// .1.3.6.1.2.1.1.1.0 = STRING: "Hikvision company products"
/// .1.3.6.1.2.1.1.3.0 = Timeticks: (123456) 0:20:34.56
/// .1.3.6.1.2.1.1.4.0 = ""
/// .1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF
/// 01 02 03
/// .1.3.6.1.2.1.1.5.0 = STRING: "first line
/// second line"
/// .1.3.6.1.4.1.50001.1.230.0 = No Such Object available on this agent at this OID
/// ```
///
/// A quoted string runs until its closing quote (`\"` and `\\` escaped), over several lines if
/// the value holds line breaks; a Hex-STRING continues on lines of hex pairs. With MIBs loaded,
/// `INTEGER: up(1)` and `Gauge32: 42 percent` read as their numbers. Exceptions are accepted and
/// left out; `End of MIB` (an SNMPv1 walk's last line) is skipped.
enum SNMPWalkParser {
    static func parse(_ text: String, file: String) -> RecordingParse {
        var result = RecordingParse()
        let lines = RecordingLines(text).lines
        var index = 0
        func fail(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
            result.errors.append(LocatedError(file: file, line: line, column: column, message: message, hint: hint))
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            let body = line.text
            let trimmed = body.trimmingCharacters(in: .whitespaces)
            if line.isSkippable || trimmed == "End of MIB" { continue }
            guard let equals = body.range(of: " = ") ?? (body.hasSuffix(" =") ? body.range(of: " =", options: .backwards) : nil) else {
                fail(line.number, 1, "expected '.OID = TYPE: VALUE' (snmpwalk -On output), found '\(trimmed.prefix(60))'")
                continue
            }
            let oidText = body[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let oid = SNMPObjectID(oidText), oidText.first == "." || oidText.first?.isNumber == true else {
                fail(line.number, 1, "'\(oidText.prefix(60))' is not a numeric OID",
                     hint: "record with `snmpwalk -On` so OIDs are numbers (no MIB names)")
                continue
            }
            let valueColumn = body.distance(from: body.startIndex, to: equals.upperBound) + 1
            var reader = ValueReader(lines: lines, index: index, first: body[equals.upperBound...],
                                     line: line.number, column: valueColumn)
            switch reader.read() {
            case .success(let value?): result.entries.append((SNMPVarBind(oid, value), line.number))
            case .success(nil): break
            case .failure(let problem):
                fail(problem.line, problem.column, problem.message, hint: problem.hint)
            }
            index = reader.index
        }
        return result
    }

    struct Problem: Error {
        var line: Int
        var column: Int
        var message: String
        var hint: String?
    }

    /// Reads one value starting after ` = `, taking continuation lines from `lines` at `index`.
    struct ValueReader {
        let lines: [RecordingLine]
        /// The next line not yet consumed.
        var index: Int
        let first: Substring
        let line: Int
        let column: Int

        static let exceptions = ["No Such Object available", "No Such Instance currently exists", "No more variables left"]

        mutating func read() -> Result<SNMPValue?, Problem> {
            do { return .success(try value()) } catch let problem as Problem { return .failure(problem) } catch {
                return .failure(Problem(line: line, column: column, message: "\(error)"))
            }
        }

        private mutating func value() throws -> SNMPValue? {
            var text = first
            if text.hasPrefix("Wrong Type"), let colon = text.range(of: "): ") { text = text[colon.upperBound...] }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed == "\"\"" || trimmed.isEmpty { return .octets([]) }
            if Self.exceptions.contains(where: { trimmed.hasPrefix($0) }) { return nil }
            if trimmed == "NULL" { return .null }
            guard let colon = text.range(of: ": ") ?? (text.hasSuffix(":") ? text.range(of: ":", options: .backwards) : nil) else {
                throw problem("'\(trimmed.prefix(60))' is not TYPE: VALUE")
            }
            let type = String(text[..<colon.lowerBound])
            let rest = text[colon.upperBound...]
            let restColumn = column + text.distance(from: text.startIndex, to: colon.upperBound)
            func bad(_ what: String) -> Problem {
                Problem(line: line, column: restColumn, message: "'\(rest.prefix(60))' is not \(what)")
            }
            switch type {
            case "STRING":
                if rest.hasPrefix("\"") { return .octets(try quoted(rest.dropFirst(), column: restColumn + 1)) }
                return .octets(Array(rest.utf8))   // a DISPLAY-HINT form, e.g. 0:11:22:33:44:55
            case "Hex-STRING", "OPAQUE", "Opaque", "BITS":
                var bytes = try hexPairs(rest, column: restColumn, stopAtWord: type == "BITS")
                if type != "BITS" { bytes += continuationHex() }
                return type.hasPrefix("O") ? .opaque(bytes) : .octets(bytes)
            case "INTEGER":
                guard let n = leadingInteger(rest), (Int64(Int32.min)...Int64(Int32.max)).contains(n) else { throw bad("an INTEGER") }
                return .integer(n)
            case "Gauge32", "Unsigned32", "UInteger32":
                return .gauge(try unsigned(rest, UInt64(UInt32.max), bad("a Gauge32")))
            case "Counter32": return .counter32(try unsigned(rest, UInt64(UInt32.max), bad("a Counter32")))
            case "Counter64": return .counter64(try unsigned(rest, UInt64.max, bad("a Counter64")))
            case "Timeticks":
                // `(123456) 0:20:34.56`, or `123456` with -Ot
                var ticks = rest.trimmingCharacters(in: .whitespaces)
                if ticks.hasPrefix("("), let close = ticks.firstIndex(of: ")") {
                    ticks = String(ticks[ticks.index(after: ticks.startIndex)..<close])
                }
                guard let n = UInt64(ticks), n <= UInt64(UInt32.max) else { throw bad("Timeticks") }
                return .timeTicks(n)
            case "OID":
                let oidText = rest.trimmingCharacters(in: .whitespaces)
                guard oidText.first == "." || oidText.first?.isNumber == true, let oid = SNMPObjectID(oidText) else {
                    throw Problem(line: line, column: restColumn, message: "'\(oidText.prefix(60))' is not a numeric OID",
                                  hint: "record with `snmpwalk -On` so OIDs are numbers (no MIB names)")
                }
                return .objectID(oid)
            case "IpAddress":
                let parts = rest.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
                guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else { throw bad("an IpAddress") }
                return .ipAddress(parts.compactMap { $0 })
            case "Network Address":
                let parts = rest.trimmingCharacters(in: .whitespaces).split(separator: ":").map { UInt8($0, radix: 16) }
                guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else { throw bad("a Network Address") }
                return .ipAddress(parts.compactMap { $0 })
            default:
                throw Problem(line: line, column: column, message: "unknown value type '\(type.prefix(40))'",
                              hint: "types: STRING, Hex-STRING, INTEGER, Gauge32, Counter32, Counter64, Timeticks, OID, IpAddress, OPAQUE, BITS, NULL")
            }
        }

        private func problem(_ message: String) -> Problem { Problem(line: line, column: column, message: message) }

        /// The text of a quoted string after its opening quote, up to the closing quote,
        /// consuming the following lines when the value holds line breaks.
        private mutating func quoted(_ start: Substring, column: Int) throws -> [UInt8] {
            var bytes: [UInt8] = []
            var segment = start
            while true {
                var escaped = false
                for (offset, character) in segment.enumerated() {
                    if escaped {
                        bytes += Array(String(character).utf8)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        let after = segment.dropFirst(offset + 1).trimmingCharacters(in: .whitespaces)
                        guard after.isEmpty else {
                            throw Problem(line: lines.indices.contains(index - 1) ? lines[index - 1].number : line,
                                          column: 1, message: "text after the closing quote: '\(after.prefix(40))'")
                        }
                        return bytes
                    } else {
                        bytes += Array(String(character).utf8)
                    }
                }
                guard index < lines.count else {
                    throw Problem(line: line, column: column - 1, message: "the quoted string is never closed")
                }
                bytes.append(0x0A)
                segment = lines[index].text
                index += 1
            }
        }

        /// `00 11 AA`: two hex digits per byte, separated by spaces.
        private func hexPairs(_ text: Substring, column: Int, stopAtWord: Bool) throws -> [UInt8] {
            var bytes: [UInt8] = []
            for token in text.split(separator: " ") {
                if token.count == 2, let byte = UInt8(token, radix: 16) {
                    bytes.append(byte)
                } else if stopAtWord {
                    break   // BITS: 80 00 linkDown(1) — the names after the bytes
                } else {
                    throw Problem(line: line, column: column, message: "'\(token.prefix(20))' is not a hex byte (two digits)")
                }
            }
            return bytes
        }

        /// The lines after a Hex-STRING that hold only hex pairs (net-snmp wraps every 16 bytes).
        private mutating func continuationHex() -> [UInt8] {
            var bytes: [UInt8] = []
            while index < lines.count {
                let tokens = lines[index].text.split(separator: " ")
                guard !tokens.isEmpty, tokens.allSatisfy({ $0.count == 2 && UInt8($0, radix: 16) != nil }) else { break }
                bytes += tokens.compactMap { UInt8($0, radix: 16) }
                index += 1
            }
            return bytes
        }

        /// `5`, `-72`, `up(1)`, `5 seconds`: the number of an INTEGER with or without MIB names.
        private func leadingInteger(_ text: Substring) -> Int64? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let open = trimmed.lastIndex(of: "("), trimmed.hasSuffix(")") {
                return Int64(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            }
            return Int64(trimmed.prefix { $0 == "-" || $0.isNumber })
        }

        private func unsigned(_ text: Substring, _ limit: UInt64, _ problem: Problem) throws -> UInt64 {
            let digits = text.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
            guard let n = UInt64(digits), n <= limit else { throw problem }
            return n
        }
    }
}
