import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup sync --to STORE` / `--from STORE`: the laptop's store and the office's (docs/store.md, "Sync").
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push this store's records to the office store (--to), or bring the office's sites and profiles down (--from).",
        discussion: """
        --to pushes runs, each device's inspections, record versions, answers, signatures, call-outs and \
        feedback forms, and the sites; each row once (syncing again changes nothing), one transaction per \
        site-month, so a push cut off half-way is resumed by the next. The office then composes each pushed \
        month's current record from every technician's visits, as one laptop does. --from brings the office's \
        sites (contracts, visit cycles, technicians) and profiles down. Credentials never sync: each laptop \
        keeps its own credentials file.

        STORE is postgres://USER@HOST[:PORT]/DB (password from the credentials file, PGPASSWORD or ~/.pgpass) \
        or a SQLite file.

        Examples:
          checkup sync --to postgres://zhang@office.example/checkup
          checkup sync --from postgres://zhang@office.example/checkup
        """)

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Push this store to STORE.", valueName: "STORE"))
    var to: String?

    @Option(help: ArgumentHelp("Bring STORE's sites and profiles into this store and the profile directory.", valueName: "STORE"))
    var from: String?

    @Option(name: .customLong("profiles"),
            help: ArgumentHelp("With --to: push the profile files of DIR. With --from: write the office's profiles into DIR "
                               + "(default ~/.config/checkup/profiles).", valueName: "DIR"))
    var profileDirectory: String?

    @Option(help: ArgumentHelp("Credentials file (mode 600), for the office store's password.", valueName: "FILE"))
    var credentials: String?

    func validate() throws {
        guard (to == nil) != (from == nil) else { throw ValidationError("give --to STORE or --from STORE") }
    }

    func run() async throws {
        if let to {
            let profiles = try profileDirectory.map(Self.profiles(in:)) ?? []  // checked before any store is opened
            let local = try store.open()
            let office = try StoreOpening.open(to, create: true, credentials: credentials)
            let report = try local.push(to: office, profiles: profiles) { batch in
                FileHandle.standardError.write(Data("  committed \(batch)\n".utf8))
            }
            print(Self.summary(report, verb: "sync --to \(office.path) from \(local.path)"))
        } else if let from {
            let office = try StoreOpening.open(from, create: false, credentials: credentials)
            let local = try store.openCreating()
            let (report, profiles) = try local.pull(from: office)
            var written = SyncReport.Tally()
            let folder = profileDirectory ?? Workspace.defaultUserProfiles
            for profile in profiles {
                let file = URL(fileURLWithPath: folder).appendingPathComponent(profile.path)
                if FileManager.default.contents(atPath: file.path) == Data(profile.yaml.utf8) {
                    written.unchanged += 1
                    continue
                }
                let existed = FileManager.default.fileExists(atPath: file.path)
                try CommandOutput.write(Data(profile.yaml.utf8), to: file.path)
                if existed { written.updated += 1 } else { written.sent += 1 }
            }
            var lines = Self.summary(report, verb: "sync --from \(office.path) into \(local.path)")
            lines += "\n  profiles: \(written.sent) new, \(written.updated) updated, \(written.unchanged) unchanged in \(folder)"
            print(lines)
        }
    }

    /// The profile files of a directory, each loaded first: a broken profile is refused, not pushed.
    static func profiles(in directory: String) throws -> [SyncedProfile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CheckupError("--profiles \(directory): no such directory")
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let errors = Workspace(profileDirectories: [directory]).catalog.errors.filter {
            URL(fileURLWithPath: $0.file).standardizedFileURL.path.hasPrefix(root + "/")
        }
        if !errors.isEmpty { throw FileErrors(errors) }
        return try ProfileCatalog.profileFiles(in: directory).map { path in
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : URL(fileURLWithPath: path).lastPathComponent
            return SyncedProfile(path: relative, yaml: try UTF8Text.read(path: path, what: "profile"))
        }
    }

    static func summary(_ report: SyncReport, verb: String) -> String {
        var lines = ["checkup \(verb): \(report.batches) batches"]
        for kind in SyncReport.Kind.allCases {
            let t = report[kind]
            guard t.sent + t.updated + t.unchanged > 0 else { continue }
            let name = kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            lines.append("  \(name) \(t.sent) sent, \(t.updated) updated, \(t.unchanged) unchanged")
        }
        for version in report.composed { lines.append("  composed \(version)") }
        if report.changedNothing { lines.append("  nothing to send: the stores already agree") }
        return lines.joined(separator: "\n")
    }
}
