import Foundation
import PackagePlugin

/// Embeds every file under `device-profiles/` into the target as `EmbeddedProfiles.files`, so
/// the `checkup` binary carries its profiles, fixtures and schema and runs from anywhere.
@main
struct EmbedProfiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "device-profiles")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedProfiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml", "json"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) device-profile files",
            executable: try context.tool(named: "profile-embedder").url,
            arguments: [output.path, root.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
