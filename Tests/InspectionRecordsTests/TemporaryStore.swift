import CheckupTestKit
import Testing
import Foundation
@testable import InspectionRecords

/// The two backends every store test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres
    var testDescription: String { rawValue }
}

/// A store in a fresh temporary folder (SQLite) or a fresh database on the tests' own
/// PostgreSQL server, removed when the value is released (the server at the end of the process).
final class TemporaryStore {
    let folder: URL
    let path: String
    let store: RecordStore

    init(_ kind: StoreKind = .sqlite) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkup-store-\(UUID().uuidString)")
        switch kind {
        case .sqlite:
            path = folder.appendingPathComponent("checkup.sqlite").path
            store = try RecordStore(path: path)
        case .postgres:
            let server = try PostgresPeer.shared()
            path = try server.createDatabase()
            store = try RecordStore(url: path, password: server.password)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
