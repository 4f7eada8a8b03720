import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup records sign`: marks which version the client signed. Signing is an act: the signed
/// version stays as it is; a later run or fill makes a new version beside it.
struct RecordsSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Record that the client signed a version (who, when, an optional scan of the paper).",
        discussion: """
        Example:
          checkup records sign --site acme.yaml --month 2026-11 --version 3 --by 王经理 \\
            --on 2026-11-21 --scan signed.pdf

        The version defaults to the current one. The content hash printed on the paper is checked \
        against the stored version with --hash (the first 12 digits are enough).
        """)

    @OptionGroup var store: StoreOption
    @OptionGroup var selection: RecordSelection

    @Option(help: "Who signed for the client, as on the paper.")
    var by: String

    @Option(help: ArgumentHelp("Day of the signature (default: today).", valueName: "YYYY-MM-DD"))
    var on: Day?

    @Option(help: ArgumentHelp("Scan or photo of the signed paper, kept in the store.", valueName: "FILE"))
    var scan: String?

    @Option(help: "Content hash printed on the signed paper (or its first 12 digits), checked before signing.")
    var hash: String?

    func run() async throws {
        let today = Day.today
        let day = on ?? today
        guard day <= today else { throw CheckupError("--on \(day) is in the future (today is \(today))") }
        let name = by.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw CheckupError("--by: give the name of who signed") }
        var scanData: Data?
        if let scan {
            guard let data = FileManager.default.contents(atPath: scan) else { throw CheckupError("--scan \(scan): cannot read the file") }
            scanData = data
        }
        let s = try store.open()
        let record = try selection.load(from: s)
        guard let version = record.version else { throw CheckupError("records sign: the record has no stored version") }
        if let hash, !record.contentHash.hasPrefix(hash.lowercased()) {
            throw CheckupError("--hash \(hash) does not match v\(version) of \(record.header.siteId) \(record.header.period) "
                               + "(\(record.shortHash)): the paper is another version")
        }
        try s.sign(RecordSignature(siteId: record.header.siteId, month: record.header.period, version: version,
                                   signedBy: name, signedOn: day.description, scanName: scan.map { URL(fileURLWithPath: $0).lastPathComponent },
                                   scan: scanData))
        print("signed: \(record.header.siteId) \(record.header.period) v\(version) (hash \(record.shortHash)) by \(name) on \(day)")
    }
}
