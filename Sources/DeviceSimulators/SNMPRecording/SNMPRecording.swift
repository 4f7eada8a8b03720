package import CheckupCore
import Foundation
package import SNMPProbe

/// What an SNMP agent answers, as recorded from a real unit: every object with its type and
/// value, in numeric OID order, each OID once.
///
/// Read from either of the two forms such recordings come in:
/// - a `.snmprec` file (snmpsim's and LibreNMS's `OID|TYPE|VALUE`, one object a line), or
/// - the output of `snmpwalk -On` (`.1.3.6.1.2.1.1.1.0 = STRING: "…"`).
///
/// `snmprec` writes it back in the first form, which snmpsim serves (`SNMPRecordingAgent`).
/// Exceptions a walk printed (`No Such Object available…`, `No more variables…`) are
/// accepted and left out: an object the unit does not have is simply not in the recording.
///
/// ```swift
/// let recording = try SNMPRecording.load(path: "unit.walk")
/// print(recording.sysDescr ?? "-", recording.objects.count)
/// try recording.snmprec.write(toFile: "unit.snmprec", atomically: true, encoding: .utf8)
/// ```
package struct SNMPRecording: Sendable, Hashable {
    package enum Format: String, Sendable, CaseIterable {
        /// `OID|TYPE|VALUE` lines.
        case snmprec
        /// `snmpwalk -On` output.
        case walk
    }

    /// The objects, sorted by OID (numerically: 1.3.6.1.2 before 1.3.6.1.10), each OID once.
    package private(set) var objects: [SNMPVarBind]
    /// The form the recording was read from.
    package var format: Format

    /// Sorts `objects` in OID order; of two objects with the same OID the last one is kept.
    package init(objects: [SNMPVarBind], format: Format = .snmprec) {
        var byOID: [SNMPObjectID: SNMPValue] = [:]
        for bind in objects where !bind.value.isException { byOID[bind.oid] = bind.value }
        self.objects = byOID.map { SNMPVarBind($0.key, $0.value) }.sorted { $0.oid < $1.oid }
        self.format = format
    }

    /// The value recorded for `oid`, if any.
    package subscript(oid: SNMPObjectID) -> SNMPValue? {
        var low = 0, high = objects.count
        while low < high {
            let middle = (low + high) / 2
            if objects[middle].oid < oid { low = middle + 1 } else { high = middle }
        }
        return low < objects.count && objects[low].oid == oid ? objects[low].value : nil
    }

    /// sysDescr (1.3.6.1.2.1.1.1.0) as text, when recorded.
    package var sysDescr: String? {
        if case .octets(let bytes)? = self[MIB2.sysDescr] { return SNMPValue.printableText(bytes) }
        return nil
    }

    /// sysObjectID (1.3.6.1.2.1.1.2.0), when recorded.
    package var sysObjectID: SNMPObjectID? {
        if case .objectID(let oid)? = self[MIB2.sysObjectID] { return oid }
        return nil
    }

    // MARK: Reading

    /// Reads `path`, in whichever of the two forms it is written.
    package static func load(path: String) throws(FileErrors) -> SNMPRecording {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw FileErrors([LocatedError(file: path, line: 1, column: 1, message: reason)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileErrors([LocatedError(file: path, line: 1, column: 1, message: "not UTF-8 text",
                                           hint: "a recording is text: an .snmprec file or `snmpwalk -On` output")])
        }
        return try parse(text, file: path)
    }

    /// Parses `text`, detecting the form from its first object line; `file` names it in errors.
    package static func parse(_ text: String, file: String) throws(FileErrors) -> SNMPRecording {
        guard let format = detectFormat(text) else {
            let line = RecordingLines(text).first { !$0.isSkippable }
            throw FileErrors([LocatedError(
                file: file, line: line?.number ?? 1, column: 1,
                message: line == nil ? "no objects: the file is empty" : "neither an .snmprec line (OID|TYPE|VALUE) nor `snmpwalk -On` output (.OID = TYPE: VALUE)",
                hint: line == nil ? "record a unit with `snmpwalk -On -v2c -c public HOST .1 > unit.walk`" : nil)])
        }
        let parsed = switch format {
        case .snmprec: SNMPRecParser.parse(text, file: file)
        case .walk: SNMPWalkParser.parse(text, file: file)
        }
        var errors = parsed.errors
        var firstSeen: [SNMPObjectID: (line: Int, value: SNMPValue)] = [:]
        var binds: [SNMPVarBind] = []
        for entry in parsed.entries {
            if let seen = firstSeen[entry.bind.oid] {
                if seen.value != entry.bind.value {
                    errors.append(LocatedError(file: file, line: entry.line, column: 1,
                                               message: "\(entry.bind.oid) is recorded twice with different values (first at line \(seen.line))"))
                }
                continue
            }
            firstSeen[entry.bind.oid] = (entry.line, entry.bind.value)
            binds.append(entry.bind)
        }
        guard errors.isEmpty else { throw FileErrors(errors) }
        let recording = SNMPRecording(objects: binds, format: format)
        guard !recording.objects.isEmpty else {
            throw FileErrors([LocatedError(file: file, line: 1, column: 1, message: "no objects: the recording holds only exceptions or comments")])
        }
        return recording
    }

    /// The form of `text`, from its first line that is not blank or a comment.
    package static func detectFormat(_ text: String) -> Format? {
        guard let line = RecordingLines(text).first(where: { !$0.isSkippable }) else { return nil }
        let body = line.text.trimmingCharacters(in: .whitespaces)
        if let bar = body.firstIndex(of: "|"), SNMPObjectID(String(body[..<bar])) != nil { return .snmprec }
        if body.contains(" = ") || body.hasSuffix(" =") { return .walk }
        return nil
    }

    // MARK: Writing

    /// The recording as an `.snmprec` file, in OID order (snmpsim finds objects by binary search).
    package var snmprec: String {
        objects.map(SNMPRecWriter.line).joined(separator: "\n") + "\n"
    }
}

/// One line of a recording, numbered from 1.
struct RecordingLine {
    var number: Int
    var text: Substring
    /// Blank or a `#` comment.
    var isSkippable: Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}

/// The lines of a text; CR LF ends a line like LF (in Swift "\r\n" is one Character).
struct RecordingLines: Sequence {
    let lines: [RecordingLine]
    init(_ text: String) {
        var number = 0
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { raw in
            number += 1
            return RecordingLine(number: number, text: raw)
        }
    }
    func makeIterator() -> IndexingIterator<[RecordingLine]> { lines.makeIterator() }
}

/// A parser's harvest: the objects with their line, and every problem found.
struct RecordingParse {
    var entries: [(bind: SNMPVarBind, line: Int)] = []
    var errors: [LocatedError] = []
}
