import Foundation

/// A file written whole or not at all: the bytes go to a temporary file beside it, which is then
/// renamed over it. Parts are written as they are, so a 50 MB record is never copied once more
/// just to append a line break, nor a 40 MB page turned into `Data` first.
enum AtomicFile {
    static func write(_ text: String, to url: URL) throws(RecordError) {
        var text = text
        let failed = text.withUTF8 { bytes in write([UnsafeRawBufferPointer(bytes)], to: url) }
        if let failed { throw failure(url, failed) }
    }

    static func write(_ data: Data, thenNewline: Bool, to url: URL) throws(RecordError) {
        let tail: [UInt8] = thenNewline ? [0x0A] : []
        let failed = data.withUnsafeBytes { bytes in
            tail.withUnsafeBytes { tail in write([bytes, tail], to: url) }
        }
        if let failed { throw failure(url, failed) }
    }

    /// Nil when the file is in place, else the errno that stopped it (the temporary file removed).
    private static func write(_ parts: [UnsafeRawBufferPointer], to url: URL) -> Int32? {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)  // less the umask, as Data.write
        guard fd >= 0 else { return errno }
        var failed: Int32?
        outer: for part in parts where part.count > 0 {
            var offset = 0
            while offset < part.count {
                let written = Foundation.write(fd, part.baseAddress! + offset, part.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    break outer
                }
                offset += written
            }
        }
        if close(fd) != 0, failed == nil { failed = errno }
        if failed == nil, rename(temporary, url.path) != 0 { failed = errno }
        if failed != nil { unlink(temporary) }
        return failed
    }

    private static func failure(_ url: URL, _ code: Int32) -> RecordError {
        RecordError("cannot write \(url.path): \(String(cString: strerror(code)))")
    }
}
