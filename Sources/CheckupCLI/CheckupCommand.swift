package import ArgumentParser

/// `checkup`: inspects a security system's devices and fills the monthly inspection record.
package struct CheckupCommand: Sendable, AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "checkup",
        abstract: "Inspect alarm hosts (Modbus), cameras and recorders (SNMP) and PTZ decoders (Pelco), and fill the monthly inspection record.",
        discussion: """
        Exit codes (Monitoring Plugins): 0 all checks pass, 1 a warning, 2 a failed check or an \
        unreachable device, 3 checkup could not do its job (bad arguments, bad file).
        """,
        version: "0.1.0",
        subcommands: [RunCommand.self, ProbeCommand.self, ProfileCommand.self, CaptureCommand.self, HistoryCommand.self, ScheduleCommand.self, SitesCommand.self, FeedbackCommand.self,
                      DemoCommand.self, SimulateCommand.self] + recordCommands)

    package init() {}
}
