import Foundation
@testable import InspectionRecords

/// A store in a fresh temporary folder, removed when the value is released.
final class TemporaryStore {
    let folder: URL
    let path: String
    let store: RecordStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkup-store-\(UUID().uuidString)")
        path = folder.appendingPathComponent("checkup.sqlite").path
        store = try RecordStore(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
