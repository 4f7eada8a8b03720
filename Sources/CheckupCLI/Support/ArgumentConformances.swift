import ArgumentParser
import CheckupCore
import InspectionRecords

// The values options take, parsed once by ArgumentParser: a bad one is refused before any
// work, exit 3 with what was expected (`<YYYY-MM>`, the list of formats or languages).

extension Language: ExpressibleByArgument {}

extension EvidencePlacement: ExpressibleByArgument {}

extension Month: ExpressibleByArgument {}

extension Quarter: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {}

/// `--format html,md,pdf`: the record formats, parsed once (as the option is read), in the
/// order given, without repeats; a bad entry is refused with the list of the known ones.
struct RecordFormats: Sendable, CustomStringConvertible {
    var formats: [RecordFormat]

    init(_ formats: [RecordFormat]) { self.formats = formats }

    /// The option's `transform:`.
    static func parse(_ text: String) throws -> RecordFormats {
        RecordFormats(try RecordFormat.list(text))
    }

    var description: String {
        formats.map { $0 == .markdown ? "md" : $0.rawValue }.joined(separator: ",")
    }
}
