import Foundation

/// Where a command's document goes: standard output, or `--out FILE`, written atomically.
enum CommandOutput {
    static func deliver(_ bytes: Data, to out: String?) throws {
        guard let out else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do { try bytes.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            throw CheckupError("cannot write \(out): \(error.localizedDescription)")
        }
        print("wrote \(out)")
    }
}
