package import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup log`: the maintenance log (维护登记表) of fault call-outs and response deadlines.
package struct LogCommand: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The maintenance log: fault call-outs, arrival and resolution, response deadlines, the form to sign.",
        subcommands: [LogAdd.self, LogArrive.self, LogClose.self, LogList.self, LogShow.self])

    package init() {}
}

struct LogAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a client's fault call; prints the entry number and the arrival deadline.")

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Site inventory file or site id.", valueName: "FILE|ID"))
    var site: String

    @Option(help: "Device id concerned, if known.")
    var device: String?

    @Option(help: "What the client reported.")
    var reported: String

    @Option(help: "Who called.")
    var caller: String?

    @Option(help: "When the client called: 2026-11-03 14:20 (local), ISO 8601, or now.")
    var called: String = "now"

    @Option(help: "Response zone (default: the site's response-zone).")
    var zone: String?

    @Option(help: ArgumentHelp("Response deadlines, YAML `zone: hours` (defaults: ring-2 2, ring-3/city 3, ring-4 4, neighbouring 6).",
                               valueName: "FILE"))
    var zones: String?

    func run() async throws {
        // Both checks come before the store is created: a refused call-out leaves nothing behind.
        let calledAt = try TypedTime.parse(called, option: "--called")
        try Self.refuseFuture(calledAt, typed: called)
        let ref = try Self.knownSite(site, storePath: store.path)
        let s = try store.openCreating()
        if let device, let inventory = ref.site, !inventory.devices.isEmpty, !inventory.devices.contains(where: { $0.id == device }) {
            throw CheckupError("--device: no device '\(device)' in site \(ref.id)")
        }
        let zone = self.zone ?? ref.site?.responseZone
        let table = try zones.map { try ResponseZones.load(URL(fileURLWithPath: $0)) } ?? .defaults
        let hours = try zone.map { z in try table.deadlineHours(for: z) }
        let entry = MaintenanceEntry(siteId: ref.id, device: device, calledAt: calledAt, caller: caller, reported: reported,
                                     responseZone: zone, deadlineHours: hours)
        if let site = ref.site { try s.save(site: site) }
        let id = try s.addLogEntry(entry)
        if let deadline = entry.deadline, let zone, let hours {
            print("log entry \(id): \(ref.id), arrive by \(TypedTime.format(deadline)) (\(zone): \(hours.formatted()) h)")
        } else {
            print("log entry \(id): \(ref.id), no response deadline (the site has no response zone; give --zone)")
        }
    }
}

extension LogAdd {
    /// A call cannot come from the future: a typo there would make every deadline look met.
    static func refuseFuture(_ calledAt: Date, typed: String, now: Date = Date()) throws {
        guard calledAt > now else { return }
        throw CheckupError("--called \(typed): \(TypedTime.format(calledAt)) is in the future (now \(TypedTime.format(now))); "
                           + "give the time the client called")
    }

    /// An inventory file, or a site the store already knows: a mistyped id would start a log of a site nobody has.
    static func knownSite(_ text: String, storePath: String) throws -> SiteReference {
        let existing = StoreOption.exists(storePath) ? try StoreOpening.open(storePath, create: false) : nil
        let ref = try SiteReference.resolve(text, store: existing)
        if ref.site != nil { return ref }
        let known = try existing.map { s in try s.siteIds() } ?? []
        if known.contains(ref.id) { return ref }
        let hint = Suggest.closest(to: ref.id, in: known).map { " (did you mean '\($0)'?)" } ?? ""
        let list = known.isEmpty ? "the store knows no site yet" : "known sites: \(known.joined(separator: ", "))"
        throw CheckupError("--site \(text): no such inventory file and no site '\(ref.id)' in \(storePath)\(hint); "
                           + "\(list); give the site's inventory file")
    }
}

struct LogArrive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "arrive", abstract: "Record the technician's arrival.")

    @OptionGroup var store: StoreOption

    @Argument(help: "Log entry number.")
    var entry: Int64

    @Option(help: "Arrival time (default now); not before the call, nor after a recorded resolution.")
    var at: String = "now"

    func run() async throws {
        let arrival = try TypedTime.parse(at, option: "--at")  // a bad time is refused before the store is opened
        let s = try store.open()
        try s.recordArrival(entry, at: arrival)
        if let e = try s.logEntry(entry) { print(LogList.line(e)) }
    }
}

struct LogClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Record arrival and resolution of a call-out.")

    @OptionGroup var store: StoreOption

    @Argument(help: "Log entry number.")
    var entry: Int64

    @Option(help: "Arrival time (needed unless `log arrive` recorded it).")
    var arrived: String?

    @Option(help: "Resolution time (default now).")
    var resolved: String = "now"

    @Option(help: "What was done (处理情况).")
    var handling: String?

    @Option(help: "Technician.")
    var technician: String?

    func run() async throws {
        let arrival = try arrived.map { try TypedTime.parse($0, option: "--arrived") }
        let resolution = try TypedTime.parse(resolved, option: "--resolved")
        let s = try store.open()
        let closed = try s.closeLogEntry(entry, arrivedAt: arrival, resolvedAt: resolution, handling: handling, technician: technician)
        print(LogList.line(closed))
    }
}

struct LogList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List call-outs; overdue ones are flagged.")

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Only this site (inventory file or site id).", valueName: "FILE|ID"))
    var site: String?

    @Flag(help: "Only entries not yet resolved.")
    var open = false

    @Option(help: "A table for a person, or json for scripts.")
    var format: ListFormat = .text

    func run() async throws {
        let s = try store.open()
        let id = try site.map { try SiteReference.resolve($0, store: s).id }
        let entries = try s.logEntries(site: id, openOnly: open)
        switch format {
        case .json:
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            e.dateEncodingStrategy = .iso8601
            e.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try e.encode(entries), as: UTF8.self))
        case .text:
            if entries.isEmpty { print("no log entries"); return }
            for entry in entries { print(Self.line(entry)) }
            let overdue = entries.filter { $0.isOverdue() }.count
            if overdue > 0 { print("\(overdue) overdue") }
        }
    }

    static func line(_ e: MaintenanceEntry, now: Date = Date()) -> String {
        var parts = ["#\(e.id ?? 0)", e.siteId, e.device ?? "-", "called \(TypedTime.format(e.calledAt))",
                     "\"\(e.reported)\""]
        if let d = e.deadline { parts.append("deadline \(TypedTime.format(d))") }
        parts.append("arrived \(TypedTime.format(e.arrivedAt))")
        parts.append(e.isOpen ? "OPEN" : "resolved \(TypedTime.format(e.resolvedAt))")
        if e.isOverdue(now: now) { parts.append("OVERDUE") }
        if !e.evidence.isEmpty { parts.append("evidence \(e.evidence.count)") }
        if let h = e.handling { parts.append("handling: \(h)") }
        return parts.joined(separator: "  ")
    }
}
