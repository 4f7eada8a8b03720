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
