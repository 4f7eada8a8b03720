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
        let s = try store.open()
        let record = try selection.load(from: s)
        let site = record.header.siteId, month = record.header.period
        if let answers {
            let given = try RecordAnswers.load(URL(fileURLWithPath: answers))
            guard let person = technician ?? given.technician, !person.isEmpty else {
                throw CheckupError("records fill: who is filling in? give --technician NAME (or `technician:` in the answers file)")
            }
            try given.checkKeys(known: try s.rowKeys(site: site, month: month), site: site, month: month)
            for key in given.rows.keys.sorted() {
                try s.addAnswer(site: site, month: month, key: key, given.rows[key]!, by: person)
            }
            try storeVersion(s, record: record, person: person, answered: given.rows.count)
            return
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CheckupError("records fill: give --answers FILE, or run it on a terminal to answer row by row")
        }
        // Who first: every answer is stored as it is given, so Ctrl-C loses nothing typed.
        guard let person = technician ?? askName(), !person.isEmpty else {
            throw CheckupError("records fill: who is filling in? give --technician NAME")
        }
        let answered = try ask(record) { key, answer in
            try s.addAnswer(site: site, month: month, key: key, answer, by: person)
        }
        guard answered > 0 else {
            print("nothing answered; no new version stored")
            return
        }
        try storeVersion(s, record: record, person: person, answered: answered)
    }

    private func storeVersion(_ s: RecordStore, record: MonthlyRecord, person: String, answered: Int) throws {
        let composed = try s.storeNewVersion(site: record.header.siteId, month: record.header.period, run: nil, editedBy: person)
        let edited = composed.record
        print("stored \(edited.header.siteId) \(edited.header.period) v\(edited.version ?? 0), edited by \(person) "
              + "(hash \(edited.shortHash)): \(answered) rows answered, \(edited.summary.toCheck) still to check, "
              + "\(edited.summary.pending) faults pending")
        for key in composed.orphanedAnswers {
            print("warning: the answer for row '\(key)' is kept in the history, but this version has no such row")
        }
    }

    private func askName() -> String? {
        print("who is filling in (name as printed on the record)? ", terminator: "")
        return readLine()?.trimmingCharacters(in: .whitespaces)
    }

    /// Row by row at the terminal; Enter skips a row, `q` stops. Each answer is handed to
    /// `keep` as soon as it is complete. Returns how many rows were answered.
    func ask(_ record: MonthlyRecord, keep: (String, RecordAnswers.RowAnswer) throws -> Void) throws -> Int {
        var count = 0
        let rows = record.sections.flatMap { table in
            table.rows.filter { $0.result == .toCheck || (faults && ($0.result == .abnormal || $0.result == .attention)) }
                .map { (table, $0) }
        }
        print("\(rows.count) rows. For each: 1 = 正常 normal, 2 = 异常 abnormal, w = 注意 attention, Enter = skip, q = stop.")
        for (table, row) in rows {
            print("\n[\(table.title.zh) \(table.title.en) #\(row.number)] \(row.item.zh) / \(row.item.en)"
                  + (row.device.isEmpty ? "" : " — \(row.device)"))
            if let i = row.instruction { print("  \(i.zh) / \(i.en)") }
            if row.result == .abnormal || row.result == .attention { print("  measured: \(row.observed)") }
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
            try keep(row.key, answer)
            count += 1
        }
        return count
    }
}
