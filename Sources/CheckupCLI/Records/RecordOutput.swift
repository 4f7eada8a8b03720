import CheckupCore
import Foundation
import InspectionRecords

/// What `checkup run` and `checkup demo` do after the pipeline: fill the month's record, store
/// it as a new version, and write it in each format. Returns the lines to print.
public enum RecordOutput {
    /// - Parameters:
    ///   - formats: `html,md,csv,json,pdf` as typed.
    ///   - store: path of the record store; nil → `$CHECKUP_STORE` or the default path.
    ///   - template: `--template FILE` (by extension: `.md` replaces the Markdown form, else the HTML form).
    ///   - evidence: where the evidence goes: appendix, a separate file, or nowhere.
    ///   - secrets: secret values (credentials-file entries) to scrub from the record, beyond URL communities.
    public static func publish(report: RunReport, month: String, out: String, formats: String, store: String?,
                               lang: Language, technicians: [String], template: String?,
                               evidence: EvidencePlacement = .appendix, secrets: [String] = []) throws -> [String] {
        try mappingRecordErrors {
            let formats = try RecordFormat.list(formats)
            let renderer = try RecordRenderer(templateOverrides: template.map { [URL(fileURLWithPath: $0)] } ?? [],
                                              options: RecordRenderer.Options(evidence: evidence))
            var record = try RecordFiller(secrets: secrets).fill(report: report, month: month, technicians: technicians)
            let path = store ?? RecordStore.defaultPath()
            let recordStore = try RecordStore(path: path)
            record.version = try recordStore.save(run: report, record: record, secrets: secrets)
            let files = try renderer.write(record, formats: formats, lang: lang, to: URL(fileURLWithPath: out))
            let s = record.summary
            return [
                "record \(record.header.siteId) \(month) v\(record.version ?? 0) (hash \(record.shortHash)) stored in \(path)",
                "faults \(s.faultsFound) (cleared \(s.clearedOnSite), pending \(s.pending)), rows to check by hand \(s.toCheck)",
            ] + files.map { "wrote \($0.path)" }
        }
    }
}
