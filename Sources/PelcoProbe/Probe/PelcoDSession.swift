import CheckupCore
import Foundation

/// The passive half of talking to one Pelco-D decoder during one read: position queries only.
///
/// Only queries can be sent from here (`PositionQuery` has no movement case); commands that
/// move the head live in `ActivePelcoD`, which needs an `ActivePermission` to exist.
final class PelcoDSession {
    /// The queries a passive read may send.
    enum PositionQuery: String, CaseIterable {
        case pan, tilt, zoom, magnification
        case partNumber = "part number"

        var command: PelcoDCommand {
            switch self {
            case .pan: return .queryPan
            case .tilt: return .queryTilt
            case .zoom: return .queryZoom
            case .magnification: return .queryMagnification
            case .partNumber: return .query
            }
        }
    }

    /// A query's outcome as the probe reports it.
    enum Answer {
        case reply(PelcoDResponse, elapsed: Duration, evidence: String)
        /// No byte came back within the timeout.
        case silent(evidence: String)
        /// Something came back that is not a usable answer (checksum, another address, opcode).
        case bad(String, evidence: String)
        /// The port failed (hung up, unplugged).
        case lineFailed(SerialPortError)
    }

    let line: PelcoLine
    let address: UInt8
    let context: ProbeContext
    private(set) var exchanges: [Exchange] = []
    /// Every frame sent with the bytes that came back, as a capture records them.
    private(set) var frames: [CapturedFrame] = []
    /// Set once the decoder answered anything valid in this read.
    private(set) var answered = false
    /// Request → reply of the first answered query.
    private(set) var firstReply: (query: String, elapsed: Duration)?

    init(line: PelcoLine, address: UInt8, context: ProbeContext) {
        self.line = line
        self.address = address
        self.context = context
    }

    /// Sends one position query, retrying a rejected (corrupted) reply `context.retries` times.
    /// Silence is not retried: a dead decoder must cost one timeout, not several.
    func ask(_ query: PositionQuery) async -> Answer {
        var attempt = 0
        while true {
            let answer = await send(query.command, label: EvidencePhrase.query.text(query.rawValue))
            if case .bad = answer, attempt < context.retries {
                attempt += 1
                continue
            }
            return answer
        }
    }

    /// One request/reply; also used by `ActivePelcoD` for its commands.
    func send(_ command: PelcoDCommand, label: String, replyTimeout: Duration? = nil) async -> Answer {
        let frame = command.frame(to: address)
        let kind = command.expectedReply
        let sentAt = context.now()
        let result = await line.exchange(frame.bytes, expecting: kind, requestChecksum: frame.checksum,
                                         replyTimeout: replyTimeout ?? context.timeout, io: context.io)
        exchanges.append(Exchange(.sent, EvidencePhrase.labelled.text(label, Exchange.hex(frame.bytes)), at: sentAt))
        switch result {
        case .failure(let error):
            exchanges.append(Exchange(.note, "\(label): \(error)"))
            return .lineFailed(error)
        case .success(let ex):
            if !ex.received.isEmpty { exchanges.append(Exchange(.received, Exchange.hex(ex.received))) }
            let ms = Self.milliseconds(ex.elapsed)
            frames.append(CapturedFrame(query: Exchange.hex(frame.bytes), reply: ex.received.isEmpty ? nil : Exchange.hex(ex.received),
                                        elapsedMilliseconds: Double(ms)))
            let request = Exchange.hex(frame.bytes)
            let arrow = "\(label): \(request) → "
            guard let reply = ex.reply else {
                if ex.received.isEmpty {
                    exchanges.append(Exchange(.note, EvidencePhrase.noReplyAfter.text(label, "\(ms)")))
                    return .silent(evidence: EvidencePhrase.noReplyIn.text(label, request, "\(ms)"))
                }
                let why = ex.rejected.map(\.description) ?? "no valid reply in \(Exchange.hex(ex.received))"
                exchanges.append(Exchange(.note, "\(label): \(why)"))
                return .bad("\(label): \(why)", evidence: arrow + Exchange.hex(ex.received))
            }
            let replyBytes = reply.bytes(requestChecksum: frame.checksum)
            let evidence = EvidencePhrase.reply.text(label, request, Exchange.hex(replyBytes), "\(ms)")
            // 0x45 is point-to-point and answers whatever the address: accept its own address.
            if reply.address != address && command != .query {
                return .bad("\(label): reply from address \(reply.address), expected \(address)", evidence: evidence)
            }
            answered = true
            if firstReply == nil { firstReply = (label, ex.elapsed) }
            return .reply(reply, elapsed: ex.elapsed, evidence: evidence)
        }
    }

    static func milliseconds(_ d: Duration) -> String {
        let c = d.components
        let ms = Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
        return String(format: "%.1f", ms)
    }
}
