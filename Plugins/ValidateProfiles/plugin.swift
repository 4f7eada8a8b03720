import Foundation
import PackagePlugin

/// `swift package validate-profiles [PATH...]`: a thin wrapper over `checkup profile validate`,
/// so profile authors validate with the package tooling they already use.
@main
struct ValidateProfiles: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let checkup = try context.tool(named: "checkup")
        let paths = arguments.isEmpty ? [context.package.directoryURL.appending(path: "device-profiles").path] : arguments
        let process = Process()
        process.executableURL = checkup.url
        process.arguments = ["profile", "validate"] + paths
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("profile validation failed (exit \(process.terminationStatus))")
        }
    }
}
