import CheckupCore
import Foundation

/// After a run: fill the monthly record, store it as a new version, render it in every format.
struct RecordStep {
    var month: String
    var out: String
    var formats: String
    var store: String?
    var lang: Language
    var technicians: [String]
    var template: String?
    /// Secret values of the run's devices, scrubbed from the record as a last line of defence.
    var secrets: [String] = []

    /// Writes the record files and returns lines telling the user where they are.
    func write(_ report: RunReport) throws -> [String] {
        try RecordOutput.publish(report: report, month: month, out: out, formats: formats, store: store, lang: lang,
                                 technicians: technicians, template: template, secrets: secrets)
    }
}
