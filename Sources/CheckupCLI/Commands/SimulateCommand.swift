import ArgumentParser

/// `checkup simulate`: standalone simulated devices for trying checkup with no hardware.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a simulated alarm host, PTZ decoder or SNMP agent until Ctrl-C.",
        subcommands: simulators)

    static var simulators: [any ParsableCommand.Type] { [SimulateAlarmHost.self, SimulatePTZDecoder.self, SimulateSNMPAgent.self] }
}
