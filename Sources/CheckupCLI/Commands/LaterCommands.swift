import ArgumentParser

/// Commands whose capability lands with the inspection-record module.
let laterCommands: [any ParsableCommand.Type] = []
