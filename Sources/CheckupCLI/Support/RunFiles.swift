import CheckupCore
import Foundation

/// `run.json` in the output directory: the whole run, so an interrupted run can be resumed.
enum RunFiles {
    static func save(_ report: RunReport, in directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(report).write(to: URL(fileURLWithPath: directory + "/run.json"))
    }

    static func loadPartial(in directory: String) throws -> RunReport {
        let path = directory + "/run.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckupError("--resume: no earlier run in \(directory) (run.json missing)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report: RunReport
        do { report = try decoder.decode(RunReport.self, from: data) } catch {
            throw CheckupError("--resume: \(path) is not a run file: \(error)")
        }
        guard report.incomplete else { throw CheckupError("--resume: the run in \(directory) is complete; nothing to resume") }
        return report
    }

    static func merge(_ earlier: RunReport, _ later: RunReport) -> RunReport {
        var merged = earlier
        merged.devices += later.devices
        merged.results += later.results
        merged.finishedAt = later.finishedAt
        merged.unchecked = later.unchecked
        merged.incomplete = later.incomplete
        return merged
    }
}
