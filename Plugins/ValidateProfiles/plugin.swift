import PackagePlugin

@main
struct ValidateProfiles: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
