/// Finds fixed-length frames in a byte stream and resynchronises on noise.
///
/// Bytes before a sync byte are dropped; a candidate that fails validation loses only its
/// sync byte, so a real frame hidden behind noise is found on the next scan. The buffer never
/// holds more than one frame's worth of bytes past the last sync candidate, so memory is bounded
/// whatever the line sends.
package struct FrameScanner<Failure: Error & Sendable>: Sendable {
    package let sync: UInt8
    package let length: Int
    private let validate: @Sendable ([UInt8]) -> Result<Void, Failure>
    private var buffer: [UInt8] = []
    /// Bytes dropped while looking for a frame (noise, bad candidates).
    package private(set) var discarded = 0
    /// The last candidate that failed validation (a checksum error, usually).
    package private(set) var lastFailure: Failure?

    package init(sync: UInt8, length: Int, validate: @escaping @Sendable ([UInt8]) -> Result<Void, Failure>) {
        precondition(length > 1)
        self.sync = sync
        self.length = length
        self.validate = validate
    }

    /// Adds bytes and returns every valid frame they complete, in order.
    package mutating func feed(_ bytes: some Sequence<UInt8>) -> [[UInt8]] {
        buffer.append(contentsOf: bytes)
        var frames: [[UInt8]] = []
        var start = 0
        while true {
            guard let sync = buffer[start...].firstIndex(of: self.sync) else {
                discarded += buffer.count - start
                start = buffer.count
                break
            }
            discarded += sync - start
            start = sync
            guard buffer.count - start >= length else { break }
            let candidate = Array(buffer[start..<start + length])
            switch validate(candidate) {
            case .success:
                frames.append(candidate)
                start += length
            case .failure(let failure):
                lastFailure = failure
                discarded += 1
                start += 1
            }
        }
        buffer.removeFirst(start)
        return frames
    }

    /// True when a sync byte was seen and the rest of its frame has not arrived yet.
    package var isInsideFrame: Bool { !buffer.isEmpty }

    /// Bytes held while waiting for the rest of a frame.
    package var pending: [UInt8] { buffer }

    /// Forgets a partial frame, e.g. after the line went idle longer than a frame gap.
    package mutating func reset() {
        discarded += buffer.count
        buffer.removeAll()
    }
}
