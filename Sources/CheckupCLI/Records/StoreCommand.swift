import ArgumentParser
import InspectionRecords

/// `checkup store backup FILE`: a consistent copy of the live SQLite store.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Look after the record store.", subcommands: [StoreBackup.self])
}

struct StoreBackup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite store to FILE with SQLite's online backup (safe while a run writes).")

    @OptionGroup var store: StoreOption

    @Argument(help: ArgumentHelp("The new backup file.", valueName: "FILE"))
    var file: String

    func run() throws {
        let s = try store.open()
        try s.backup(to: file)
        print("backed up \(s.path) to \(file)")
    }
}
