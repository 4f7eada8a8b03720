import ArgumentParser

/// The record commands: stored records, the quarterly report, the maintenance log.
let recordCommands: [any ParsableCommand.Type] = [RecordsCommand.self, ReportCommand.self, LogCommand.self, StoreCommand.self, SyncCommand.self]
