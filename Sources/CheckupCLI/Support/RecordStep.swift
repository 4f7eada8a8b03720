import CheckupCore
import Foundation
import InspectionRecords

/// After a run: fill the monthly record, store it as a new version, render it in every format.
struct RecordStep: Sendable {
    var month: String
    var out: String
    var formats: String
    var store: String?
    var lang: Language
    var technicians: [String]
    var template: String?
    var evidence: EvidencePlacement = .appendix
    /// Secret values of the run's devices, scrubbed from the record as a last line of defence.
    var secrets: [String] = []

    /// Writes the record files and returns lines telling the user where they are. Off the
    /// cooperative pool: PDF waits for a weasyprint subprocess.
    func write(_ report: RunReport) async throws -> [String] {
        try await BlockingIO.shared.run { [self] in
            try RecordOutput.publish(report: report, month: month, out: out, formats: formats, store: store, lang: lang,
                                     technicians: technicians, template: template, evidence: evidence, secrets: secrets)
        }
    }

    /// Fails before any device is probed when a format cannot be produced here (PDF without weasyprint).
    static func checkFormats(_ formats: String) throws {
        try mappingRecordErrors {
            if try RecordFormat.list(formats).contains(.pdf) { try PDFRenderer.checkAvailable() }
        }
    }
}
