import CheckupCore
package import Foundation
import Yams

/// Response deadlines by a site's `response-zone`, in hours from the client's call to the
/// technician's arrival. These are contract terms (docs/reference.md §1): the defaults follow the
/// regime's document and a company replaces them with a YAML file (`zone: hours`).
package struct ResponseZones: Sendable, Codable, Hashable {
    package var hours: [String: Double]

    package init(hours: [String: Double]) {
        self.hours = hours
    }

    /// Inside the 2nd ring road 2 h, 3rd ring (or "city") 3 h, 4th ring 4 h, neighbouring
    /// cities and counties 6 h.
    package static let defaults = ResponseZones(hours: [
        "ring-2": 2, "ring-3": 3, "city": 3, "ring-4": 4, "neighbouring": 6, "neighboring": 6,
    ])

    /// Hours for a zone; an unknown zone is an error naming the known ones.
    package func deadlineHours(for zone: String) throws(RecordError) -> Double {
        if let h = hours[zone] { return h }
        let hint = Suggest.closest(to: zone, in: Array(hours.keys)).map { " (did you mean '\($0)'?)" } ?? ""
        throw RecordError("unknown response zone '\(zone)'\(hint); known: \(hours.keys.sorted().joined(separator: ", "))")
    }

    /// Reads a `zone: hours` YAML map; the defaults stay for zones the file does not name.
    package static func load(_ file: URL) throws(RecordError) -> ResponseZones {
        let text: String
        do { text = try UTF8Text.read(path: file.path, what: "response zones file") } catch {
            throw RecordError(located: error.errors)
        }
        let table: [String: Double]
        do {
            table = try YAMLDecoder().decode([String: Double].self, from: text)
        } catch {
            throw RecordError("response zones \(file.path): expected a map of zone: hours (e.g. ring-2: 2): \(error)")
        }
        if let bad = table.first(where: { $0.value <= 0 }) {
            throw RecordError("response zones \(file.path): \(bad.key): hours must be more than 0")
        }
        return ResponseZones(hours: defaults.hours.merging(table) { _, file in file })
    }
}
