import ArgumentParser
import CheckupCore
import Foundation

/// `checkup demo`: a simulated site inspected end to end, with no hardware.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Inspect a simulated site end to end (alarm host, PTZ decoders, camera, NVR, UPS) and write its record.")

    @Option(help: ArgumentHelp("Directory for the record (default ./checkup-demo).", valueName: "DIR"))
    var out: String = "checkup-demo"

    func run() async throws {
        throw CheckupError("the demo needs the device simulators, which are not in this build yet")
    }
}
