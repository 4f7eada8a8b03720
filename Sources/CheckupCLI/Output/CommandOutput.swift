import ArgumentParser
import CheckupCore
import Foundation

/// Where a command's files go: every file the CLI writes is written here, atomically, its
/// folder made first, and a failure names the file.
enum CommandOutput {
    /// Standard output, or `out` (then "wrote OUT" is printed).
    static func deliver(_ bytes: Data, to out: String?) throws(CheckupError) {
        guard let out else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        try write(bytes, to: out)
        print("wrote \(out)")
    }

    static func write(_ bytes: Data, to path: String) throws(CheckupError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw CheckupError("cannot write \(path): \(reason(error))")
        }
    }

    /// The system's reason ("Not a directory"), not Foundation's "The operation could not be completed".
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError } ?? ns
        guard underlying.domain == NSPOSIXErrorDomain else { return error.localizedDescription }
        return String(cString: strerror(Int32(underlying.code)))
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
