import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup records fill`: a person completes the rows no probe can judge, from a YAML answers
/// file or at the terminal; the result is stored as a new version marked as edited by that person.
struct RecordsFill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Complete the rows to check by hand; stores a new version edited by you.",
        discussion: """
        Answers file (YAML), rows by key (see `records show --format json`):
          technician: 张伟
          rows:
            manual/grounding: 正常
            manual/shielding: {result: 异常, observed: 屏蔽层破损, handling: 已更换, cleared: true}
            nvr-1/disks: {handling: 已更换 2 号硬盘, cleared: true}
        Without --answers, on a terminal, asks row by row.
        """)

    @OptionGroup var store: StoreOption
    @OptionGroup var selection: RecordSelection

    @Option(help: ArgumentHelp("YAML answers file.", valueName: "FILE"))
    var answers: String?

    @Option(help: "Who is filling in (default: the answers file's technician).")
    var technician: String?

    @Flag(help: "At the terminal, also ask about measured faults (handling, cleared on site).")
    var faults = false

    func run() async throws {
        try selection.checkMonth()
        let s = try store.open()
        let record = try selection.load(from: s)
        var given: RecordAnswers
        if let answers {
            given = try mappingRecordErrors { try RecordAnswers.load(URL(fileURLWithPath: answers)) }
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CheckupError("records fill: give --answers FILE, or run it on a terminal to answer row by row")
            }
            given = RecordAnswers(technician: technician)
            given.rows = ask(record)
        }
        guard let person = technician ?? given.technician, !person.isEmpty else {
            throw CheckupError("records fill: who is filling in? give --technician NAME (or `technician:` in the answers file)")
        }
        guard !given.rows.isEmpty else {
            print("nothing answered; no new version stored")
            return
        }
        let edited = try mappingRecordErrors { try record.applying(given, by: person) }
        let version = try mappingRecordErrors { try s.saveEdited(edited, editedBy: person) }
        print("stored \(record.header.siteId) \(record.header.period) v\(version), edited by \(person) "
              + "(hash \(edited.shortHash)): \(given.rows.count) rows answered, \(edited.summary.toCheck) still to check, "
              + "\(edited.summary.pending) faults pending")
    }

    /// Row by row at the terminal; Enter skips a row, `q` stops.
    func ask(_ record: MonthlyRecord) -> [String: RecordAnswers.RowAnswer] {
        var out: [String: RecordAnswers.RowAnswer] = [:]
        let rows = record.sections.flatMap { table in
            table.rows.filter { $0.result == .toCheck || (faults && $0.result == .abnormal) }.map { (table, $0) }
        }
        print("\(rows.count) rows. For each: 1 = 正常 normal, 2 = 异常 abnormal, Enter = skip, q = stop.")
        for (table, row) in rows {
            print("\n[\(table.title.zh) \(table.title.en) #\(row.number)] \(row.item.zh) / \(row.item.en)"
                  + (row.device.isEmpty ? "" : " — \(row.device)"))
            if let i = row.instruction { print("  \(i.zh) / \(i.en)") }
            if row.result == .abnormal { print("  measured fault: \(row.observed)") }
            print("  result? ", terminator: "")
            guard let line = readLine() else { break }
            if line == "q" { break }
            var answer = RecordAnswers.RowAnswer()
            if !line.isEmpty {
                guard let result = RowResult(answer: line) else { print("  not understood; skipped"); continue }
                answer.result = result
            } else if row.result == .toCheck {
                continue
            }
            print("  observed (Enter = none)? ", terminator: "")
            if let o = readLine(), !o.isEmpty { answer.observed = o }
            if (answer.result ?? row.result) == .abnormal {
                print("  handling 处理情况? ", terminator: "")
                if let h = readLine(), !h.isEmpty { answer.handling = h }
                print("  cleared on site? [y/N] ", terminator: "")
                if let c = readLine() { answer.cleared = c.lowercased().hasPrefix("y") }
            }
            out[row.key] = answer
        }
        return out
    }
}
