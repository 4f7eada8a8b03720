/// What happened on the line for one request: bytes both ways, the decoded reply or why not.
package struct LineExchange: Sendable {
    package var sent: [UInt8]
    /// Every byte read while waiting, noise included.
    package var received: [UInt8]
    /// The valid reply, if one arrived.
    package var reply: PelcoDResponse?
    /// The last reply candidate that was rejected (checksum, opcode): set when no valid reply came.
    package var rejected: PelcoDReplyError?
    /// Request written → reply complete (or → giving up).
    package var elapsed: Duration

    /// Nothing at all came back.
    package var isSilent: Bool { reply == nil && received.isEmpty }
}
