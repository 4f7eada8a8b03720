package import Foundation

/// Lays out an HTML record as PDF with weasyprint, run as a subprocess.
///
/// weasyprint is a CSS paged-media engine (A4, `@page` margins and `page N / M` counters)
/// packaged by Debian, far lighter than driving a browser. It embeds the fonts it uses.
/// Rendering blocks for the subprocess (about a second per record): call it off the
/// cooperative pool when other work is in flight.
package struct PDFRenderer: Sendable {
    /// The weasyprint program.
    package var executable: URL

    package static let installHint = "PDF needs weasyprint: apt-get install weasyprint fonts-wqy-microhei"

    /// Longest a rendering may take; a record takes seconds, so this only catches a hung weasyprint.
    package var timeout: TimeInterval

    package init(executable: URL, timeout: TimeInterval = 120) {
        self.executable = executable
        self.timeout = timeout
    }

    /// weasyprint from `$CHECKUP_WEASYPRINT` or the `PATH`.
    package init() throws(RecordError) {
        self.init(executable: try Self.locate())
    }

    /// Fails fast, before a run probes a whole site, when PDF cannot be made here.
    /// Only looks the program up: no subprocess.
    package static func checkAvailable() throws(RecordError) {
        _ = try locate()
    }

    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(RecordError) -> URL {
        let fm = FileManager.default
        if let given = environment["CHECKUP_WEASYPRINT"], !given.isEmpty {
            guard fm.isExecutableFile(atPath: given) else {
                throw RecordError("\(installHint) (CHECKUP_WEASYPRINT=\(given) is not an executable)")
            }
            return URL(fileURLWithPath: given)
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/weasyprint"
            if fm.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        throw RecordError(installHint)
    }

    /// The PDF of an HTML document.
    package func render(html: String) throws(RecordError) -> Data {
        let work = try Self.scratchFolder(in: FileManager.default.temporaryDirectory)
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("record.pdf")
        try run(html: html, output: output, work: work)
        do { return try Data(contentsOf: output) } catch {
            throw RecordError("weasyprint wrote no readable PDF: \(error.localizedDescription)")
        }
    }

    /// Writes the PDF of an HTML document to `url` atomically: a reader sees the old file or the whole new one.
    package func write(html: String, to url: URL) throws(RecordError) {
        // Scratch space next to the target, so the final rename stays on one file system.
        let work = try Self.scratchFolder(in: url.deletingLastPathComponent())
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent(url.lastPathComponent)
        try run(html: html, output: output, work: work)
        guard rename(output.path, url.path) == 0 else {
            throw RecordError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    private func run(html: String, output: URL, work: URL) throws(RecordError) {
        let input = work.appendingPathComponent("record.html")
        let errors = work.appendingPathComponent("weasyprint.stderr")
        do {
            try Data(html.utf8).write(to: input)
            try Data().write(to: errors)
        } catch {
            throw RecordError("PDF: cannot write scratch files in \(work.path): \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--quiet", "--encoding", "utf-8", input.path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // A file, not a pipe: a chatty weasyprint can never block on a full pipe.
        do {
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        } catch {
            throw RecordError("\(Self.installHint) (cannot start \(executable.path): \(error.localizedDescription))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            // SIGKILL: a hung renderer has nothing to save, and SIGTERM may be ignored (inherited SIG_IGN).
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw RecordError("weasyprint did not finish within \(String(format: "%g", timeout)) s")
        }
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0,
              FileManager.default.fileExists(atPath: output.path) else {
            let detail = Self.trimmed(stderr)
            throw RecordError("weasyprint failed (exit \(process.terminationStatus))" + (detail.isEmpty ? "" : ": \(detail)"))
        }
    }

    /// The last lines of weasyprint's stderr (a Python traceback ends with the message).
    static func trimmed(_ stderr: String, maxLines: Int = 6) -> String {
        let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.suffix(maxLines).joined(separator: " | ")
    }

    private static func scratchFolder(in parent: URL) throws(RecordError) -> URL {
        let url = parent.appendingPathComponent(".checkup-pdf-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw RecordError("PDF: cannot create a scratch folder in \(parent.path): \(error.localizedDescription)")
        }
        return url
    }
}
