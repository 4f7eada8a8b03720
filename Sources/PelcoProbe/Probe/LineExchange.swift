/// What happened on the line for one request: bytes both ways, the decoded reply or why not.
public struct LineExchange: Sendable {
    public var sent: [UInt8]
    /// Every byte read while waiting, noise included.
    public var received: [UInt8]
    /// The valid reply, if one arrived.
    public var reply: PelcoDResponse?
    /// The last reply candidate that was rejected (checksum, opcode): set when no valid reply came.
    public var rejected: PelcoDReplyError?
    /// Request written → reply complete (or → giving up).
    public var elapsed: Duration

    /// Nothing at all came back.
    public var isSilent: Bool { reply == nil && received.isEmpty }
}
