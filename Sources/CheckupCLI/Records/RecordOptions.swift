import ArgumentParser
import CheckupCore
import Foundation
package import InspectionRecords

/// `--store PATH|URL`: the record store shared by `records`, `report` and `log`.
struct StoreOption: ParsableArguments {
    /// The help of every `--store`: run, demo, records, report, log.
    static let help = ArgumentHelp("""
        Record store: a SQLite file, or postgres://USER@HOST[:PORT]/DB (the office's; the password comes from \
        the credentials file, PGPASSWORD or ~/.pgpass, never from the URL). Default: $CHECKUP_STORE or ~/.local/share/checkup/checkup.sqlite.
        """, valueName: "PATH|URL")

    @Option(help: StoreOption.help)
    var store: String?

    var path: String { store ?? RecordStore.defaultPath() }

    /// Opens an existing store; a missing file is an error naming the path (nothing is created).
    func open() throws -> RecordStore {
        try StoreOpening.open(path, create: false)
    }

    /// True when the store is there to open: an existing file, or a PostgreSQL URL (the server says).
    static func exists(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") || FileManager.default.fileExists(atPath: path)
    }

    /// Opens the store, creating it if needed: only for commands that add something (`log add`).
    func openCreating() throws -> RecordStore {
        try StoreOpening.open(path, create: true)
    }
}

/// `--site FILE|ID`: an inventory file (its header and response zone), or a site id known to the store.
struct SiteReference {
    var id: String
    /// The inventory when a file was given, else what the store remembers of the site.
    var site: Site?

    static func resolve(_ text: String, store: RecordStore?) throws -> SiteReference {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory), !isDirectory.boolValue {
            let site = try InventoryLoader.load(path: text, probes: BuiltInProbes.inUse)
            return SiteReference(id: site.id, site: site)
        }
        if text.hasSuffix(".yaml") || text.hasSuffix(".yml") || text.contains("/") {
            throw CheckupError("--site \(text): no such inventory file")
        }
        let known = try store.map { s in try s.site(id: text) } ?? nil
        return SiteReference(id: text, site: known)
    }
}

/// Times typed by a technician: `now`, `2026-11-03 14:20`, `2026-11-03T14:20`, or ISO 8601 with a zone.
enum TypedTime {
    static func parse(_ text: String, option: String, now: Date = Date(), timeZone: TimeZone = .current) throws -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.lowercased() == "now" { return now }
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: t) { return d }
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"] {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = timeZone
            f.dateFormat = format
            if let d = f.date(from: t) { return d }
        }
        throw CheckupError("\(option) '\(text)': expected a time like 2026-11-03 14:20 (local time), ISO 8601, or now")
    }

    static func format(_ date: Date?, timeZone: TimeZone = .current) -> String {
        guard let date else { return "-" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

extension RecordFormat: ExpressibleByArgument {
    package init?(argument: String) { self.init(name: argument) }
}
