import CheckupCore
import Foundation

/// After a run: fill the monthly record, store it, render it. Until the record module lands,
/// only `run.json` is written and this says so.
struct RecordStep {
    var month: String
    var out: String
    var formats: String
    var store: String?
    var lang: Language
    var technicians: [String]
    var template: String?

    /// Writes the record files and returns lines telling the user where they are.
    func write(_ report: RunReport) throws -> [String] {
        ["run written to \(out)/run.json (the monthly record forms are not available in this build yet)"]
    }
}
