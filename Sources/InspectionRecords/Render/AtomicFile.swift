import Foundation

/// A file written whole or not at all: the bytes go to a temporary file beside it, which is then
/// renamed over it. Parts are written as they are, so a 50 MB record is never copied once more
/// just to append a line break, nor a 40 MB page turned into `Data` first.
enum AtomicFile {
    static func write(_ text: String, thenNewline: Bool = false, to url: URL) throws(RecordError) {
        let file = try Writer(url)
        file.append(text)
        if thenNewline { file.append("\n") }
        try file.commit()
    }

    /// A record's document, chunk by chunk, and a line break.
    static func write(_ document: StoredDocument, thenNewline: Bool, to url: URL) throws(RecordError) {
        let file = try Writer(url)
        for part in document.parts { part.withUnsafeBytes { file.append($0) } }
        if thenNewline { file.append("\n") }
        try file.commit()
    }

    /// A file written piece by piece (a page printed as its lists are rendered), in place only
    /// after `commit`; dropped uncommitted (a seal that failed), its temporary file is removed.
    final class Writer: @unchecked Sendable {
        // @unchecked: one thread writes at a time (the draft, then `finish`), handed over by a DispatchGroup.
        let url: URL
        private let temporary: String
        private var fd: Int32
        /// The first error a write met: later writes are skipped, `commit` reports it.
        private var failed: Int32?
        private(set) var count = 0

        init(_ url: URL) throws(RecordError) {
            self.url = url
            temporary = AtomicFile.temporaryPath(for: url)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)  // less the umask, as Data.write
            guard fd >= 0 else { throw AtomicFile.failure(url, errno) }
        }

        deinit { discard() }

        /// Closes and removes the temporary file, unless it was committed.
        func discard() {
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
            unlink(temporary)
        }

        func append(_ bytes: UnsafeRawBufferPointer) {
            guard failed == nil, fd >= 0, let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(fd, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    return
                }
                offset += written
            }
            count += bytes.count
        }

        func append(_ text: String) {
            var text = text
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }

        /// Writes `bytes` over what is at `offset` (a stand-in of the same length).
        func overwrite(_ bytes: [UInt8], at offset: Int) {
            guard failed == nil, fd >= 0 else { return }
            let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if written != bytes.count { failed = written < 0 ? errno : EIO }
        }

        /// Closes the file and renames it into place; on any failure the temporary file is removed.
        func commit() throws(RecordError) {
            guard fd >= 0 else { return }
            if close(fd) != 0, failed == nil { failed = errno }
            fd = -1
            if failed == nil, rename(temporary, url.path) != 0 { failed = errno }
            if let failed {
                unlink(temporary)
                throw AtomicFile.failure(url, failed)
            }
        }
    }

    /// Where `url` is written first: beside it, hidden, named after the file, the writing
    /// process and a random tag (`.r.zh.html.4242.0A1B2C3D.tmp`).
    static func temporaryPath(for url: URL) -> String {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp").path
    }

    /// The process that writes the temporary file `name` (`temporaryPath`), if it is one.
    static func writer(ofTemporary name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".")
        guard parts.count >= 3, parts[parts.count - 1].count == 8 else { return nil }
        return pid_t(parts[parts.count - 2])
    }

    /// Removes the temporary files in `dir` of processes that are gone: a run killed while it
    /// wrote its pages (SIGKILL, a power cut) leaves its temporary page behind, up to 40 MB at
    /// 10,000 devices. Another live run's files are left alone.
    static func removeLeftovers(in dir: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names {
            guard let pid = writer(ofTemporary: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(dir.appendingPathComponent(name).path)
        }
    }

    fileprivate static func failure(_ url: URL, _ code: Int32) -> RecordError {
        RecordError("cannot write \(url.path): \(String(cString: strerror(code)))")
    }
}
