import ArgumentParser
import CheckupCore
import Foundation

/// `checkup profile`: list, show, validate, scaffold and test device profiles.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "List, show, validate, create and test device profiles (YAML, no Swift).",
        subcommands: [List.self, Show.self, Validate.self, New.self, Test.self, Identify.self, Schema.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the known profiles.")
        @Option(name: .customLong("profiles"), help: ArgumentHelp("Extra profile directory.", valueName: "DIR"))
        var directories: [String] = []
        @Option(help: "Language of titles: zh or en.")
        var lang: Language = .en

        func run() throws {
            let workspace = Workspace(profileDirectories: directories)
            let rows = workspace.catalog.sorted.map { p in
                [p.id, p.protocolName, p.kind?.rawValue ?? "-", "\(p.checks.count)", p.title.text(lang)]
            }
            print(Table(header: ["ID", "PROTOCOL", "KIND", "CHECKS", "TITLE"], rows: rows).render())
            if !workspace.catalog.errors.isEmpty {
                FileHandle.standardError.write(Data("\(workspace.catalog.errors.count) problems in profiles; run `checkup profile validate`\n".utf8))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a profile: its points, checks and record lines.")
        @Argument(help: "Profile id.") var id: String
        @Flag(help: "Print the profile's YAML source instead.") var yaml = false
        @Option(name: .customLong("profiles"), help: ArgumentHelp("Extra profile directory.", valueName: "DIR"))
        var directories: [String] = []
        @Option(help: "Language of titles: zh or en.") var lang: Language = .en

        func run() throws {
            let workspace = Workspace(profileDirectories: directories)
            let profile = try workspace.profile(id)
            if yaml {
                if profile.origin.hasPrefix("embedded:") {
                    print(Workspace.embeddedFile(String(profile.origin.dropFirst("embedded:".count))) ?? "")
                } else {
                    print((try? String(contentsOfFile: profile.origin, encoding: .utf8)) ?? "")
                }
                return
            }
            print("\(profile.id): \(profile.title.text(lang))")
            print("protocol \(profile.protocolName), kind \(profile.kind?.rawValue ?? "-"), vendor \(profile.vendor ?? "-")")
            if let source = profile.source { print("source: \(source)") }
            print("from \(profile.origin)")
            print("\npoints:")
            for point in profile.points {
                print("  \(point.id)\(point.unit.map { " [\($0)]" } ?? "")\(point.active ? " (active)" : ""): \(point.address)")
            }
            print("\nchecks:")
            for check in profile.checks {
                let line = check.record.map { "\($0.section.rawValue) / \($0.item.text(lang))" } ?? "-"
                let kind = check.manual != nil ? "manual" : check.active ? "active" : "point \(check.point ?? "-")"
                print("  \(check.id): \(check.title.text(lang)) — \(kind) → \(line)")
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate profiles: YAML, schema, addresses, checks. Exits 3 on any problem.",
            discussion: "With no PATH, validates every profile this checkup knows (embedded and $CHECKUP_PROFILES).")
        @Argument(help: "Profile files or directories.") var paths: [String] = []

        func run() throws {
            let workspace = Workspace()
            var errors: [LocatedError] = []
            var count = 0
            if paths.isEmpty {
                errors = workspace.catalog.errors
                count = workspace.catalog.profiles.count + errors.count
            } else {
                let loader = ProfileLoader(registry: workspace.registry)
                for path in paths {
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                        throw CheckupError("no such file or directory: \(path)")
                    }
                    let files = isDirectory.boolValue ? ProfileCatalog.profileFiles(in: path) : [path]
                    for file in files {
                        count += 1
                        do { _ = try loader.load(path: file) } catch { errors += error.errors }
                    }
                }
            }
            if errors.isEmpty {
                print("\(count) profiles valid")
                return
            }
            for error in errors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            let files = Set(errors.map(\.file)).count
            FileHandle.standardError.write(Data("\(errors.count) problems in \(files) of \(count) profiles\n".utf8))
            throw ExitCode(3)
        }
    }
}
