import ArgumentParser
import CheckupCore
import Foundation

/// Where a command's document goes: standard output, or `--out FILE`, written atomically.
enum CommandOutput {
    static func deliver(_ bytes: Data, to out: String?) throws {
        guard let out else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        let url = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw CheckupError("cannot write \(out): \(error.localizedDescription)")
        }
        print("wrote \(out)")
    }
}

/// `--lang` and `--out` of the commands that make one document (a device's history, the
/// satisfaction analysis, a call-out's form): the language it speaks and where it goes.
struct DocumentOutput: ParsableArguments {
    @Option(help: "Language: zh or en.")
    var lang: Language = .zh

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?

    func deliver(_ bytes: Data) throws { try CommandOutput.deliver(bytes, to: out) }
}

/// `--format` of the listings: a table for a person, or JSON for scripts.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
