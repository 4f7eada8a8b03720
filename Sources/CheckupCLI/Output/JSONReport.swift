import CheckupCore
import Foundation

/// The stable JSON form of `probe` and `run` (docs/design.md, CLI contract).
struct JSONReport: Encodable {
    var site: SiteHeader?
    var month: String?
    var startedAt: Date
    var finishedAt: Date
    var incomplete: Bool
    var unchecked: [String]
    var devices: [DeviceOutcome]
    var results: [CheckResult]
    var summary: [String: Int]
    var exitCode: Int32

    struct SiteHeader: Encodable {
        var id, client, name: String
    }

    init(_ report: RunReport, month: String? = nil, includeExchanges: Bool) {
        site = report.site.map { SiteHeader(id: $0.id, client: $0.client, name: $0.name) }
        self.month = month
        startedAt = report.startedAt
        finishedAt = report.finishedAt
        incomplete = report.incomplete
        unchecked = report.unchecked
        devices = report.devices.map { var d = $0; if !includeExchanges { d.exchanges = [] }; return d }
        results = report.results
        let counts = report.summary
        summary = Dictionary(uniqueKeysWithValues: CheckStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
        exitCode = report.exitStatus.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case site, month
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case incomplete, unchecked, devices, results, summary
        case exitCode = "exit_code"
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
