import ArgumentParser

public struct CheckupCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "checkup")
    public init() {}
    public func run() async throws {}
}
