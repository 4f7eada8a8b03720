import Foundation

/// The key a row is pushed under (docs/store.md, "Sync"): SHA-256 of what never changes about
/// it — its kind, its site and month, the times and content it was written with — so the same
/// row from the same laptop has the same key on every push, and rows of two laptops never
/// share one. A row that came by sync keeps the key it came with.
enum SyncKey {
    static func of(_ kind: String, _ parts: [SQLValue]) -> String {
        let text = ([kind] + parts.map(Self.text)).joined(separator: "\u{1F}")
        return SHA256.hex(Data(text.utf8))
    }

    /// The row's own key when it has one (it came by sync), else `of(kind, columns…)`.
    static func of(_ row: SQLRow, _ kind: String, _ columns: [String], prefix: [SQLValue] = []) throws -> String {
        if let key: String = try row["sync_key"] { return key }
        return of(kind, try prefix + columns.map { try row.value($0) })
    }

    private static func text(_ value: SQLValue) -> String {
        switch value {
        case .null: "\u{0}"
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): s
        case .blob(let b): b.base64EncodedString()
        }
    }
}

/// The key of each kind of row (the fields that never change about it).
extension SyncKey {
    static func run(_ row: SQLRow) throws -> String {
        try of(row, "run", ["site_id", "month", "started_at", "technicians_json", "planned_json"])
    }

    static func inspection(_ row: SQLRow, run: String) throws -> String {
        try of(row, "inspection", ["device_id", "inspected_at", "outcome_json", "results_json"], prefix: [.text(run)])
    }

    static func answer(_ row: SQLRow) throws -> String {
        try of(row, "answer", ["site_id", "month", "row_key", "answer_json", "filled_by", "filled_at"])
    }

    static func version(_ row: SQLRow) throws -> String {
        try of(row, "version", ["site_id", "month", "content_hash", "saved_at", "edited_by"])
    }

    static func signature(_ row: SQLRow) throws -> String {
        try of(row, "signature", ["site_id", "month", "content_hash", "signed_by", "signed_on"])
    }

    static func callOut(_ row: SQLRow) throws -> String {
        try of(row, "call-out", ["site_id", "device", "called_at", "reported", "created_at"])
    }

    static func evidence(_ row: SQLRow, entry: String) throws -> String {
        try of(row, "evidence", ["attached_at", "device", "results_json"], prefix: [.text(entry)])
    }

    static func feedback(_ row: SQLRow) throws -> String {
        try of(row, "feedback", ["client", "site_id", "given_on", "respondent", "scores_json", "comments", "recorded_at"])
    }
}
