import Foundation

/// The words the probes put around the wire data in an evidence line (`query pan: FF 01 … → FF 01 …
/// in 58.8 ms`), each phrase written once here in English and in Chinese. A probe fills the
/// English one; a zh record words the same line in Chinese (`EvidencePhrase.chinese`), so the
/// appendix the client signs has the frames as they went over the wire and no English around them.
/// A line no phrase matches (a rare diagnosis) is shown as the probe wrote it.
///
/// Slots: `{label}` is what was sent and must be one of the label phrases below (else the line is
/// not ours and stays as it is); `{request}` is what was sent, worded when it is one; `{line}` is a
/// whole line inside a line; `{point}` and `{axis}` are a Pelco query and axis, worded when known
/// (`pan` → 水平位置); every other slot is wire data and is never touched.
package enum EvidencePhrase: CaseIterable, Sendable {
    // Whole lines, tried in this order (the first match wins: the more specific first).
    case noReplyIn, reply, noReplyAfter, replyTime, modbusRows, snmpTable, snmpWalkCut
    case modbusConnect, snmpOpen, snmpTimeout, snmpPortUnreachable, snmpHostUnreachable
    case diagnosticSent, diagnosticRefused, diagnosticHostUnreachable, diagnosticSilent, diagnosticReply, diagnosticLateReply
    case labelled
    // What was sent (the `{label}` of the lines above).
    case query, goToPreset, setAxis, stop, snmpRequest, modbusTCPUnit, modbusRTUUnit

    var english: String {
        switch self {
        case .reply: "{label}: {sent} → {reply} in {ms} ms"
        case .noReplyIn: "{label}: {sent} → no reply in {ms} ms"
        case .noReplyAfter: "{label}: no reply after {ms} ms"
        case .replyTime: "{label}: request → reply"
        case .modbusRows: "{reads} → {rows} rows"
        case .snmpTable: "{entry}: {rows} rows × {columns} columns"
        case .snmpWalkCut: "{line} (walk stopped at the limit of {limit} objects: the table may have more rows)"
        case .modbusConnect: "connect {label}"
        case .snmpOpen: "open {session}"
        case .snmpTimeout: "no reply from {peer} to {request} after {ms} ms (host down, wrong port, or, for v1/v2c, a community the agent does not accept: agents drop those silently, so the two cannot be told apart)"
        case .diagnosticSent: "diagnostic {pdu}, own socket: {frame}"
        case .snmpPortUnreachable: "{peer} refused {request}: port unreachable, nothing takes SNMP on that port (wrong port, or the agent is off)"
        case .snmpHostUnreachable: "{peer} cannot be reached for {request}: the network answered host unreachable (device off, or not on this network)"
        case .diagnosticRefused: "diagnostic: the host refused the datagram (port unreachable)"
        case .diagnosticHostUnreachable: "diagnostic: the network answered host unreachable"
        case .diagnosticSilent: "diagnostic: no reply within {ms} ms"
        case .diagnosticReply: "diagnostic reply, {count} bytes: {frame}"
        case .diagnosticLateReply: "late reply to net-snmp's request, {count} bytes: {frame}"
        case .labelled: "{label}: {frame}"
        case .query: "query {point}"
        case .goToPreset: "go to preset {preset}"
        case .setAxis: "set {axis} {value}"
        case .stop: "stop"
        case .snmpRequest: "{pdu} of {count} objects"
        case .modbusTCPUnit: "modbus-tcp://{host}?unit={unit}"
        case .modbusRTUUnit: "modbus-rtu://{path}?unit={unit}"
        }
    }

    var chinese: String {
        switch self {
        case .reply: "{label}：{sent} → {reply}，{ms} ms"
        case .noReplyIn: "{label}：{sent} → {ms} ms 内无应答"
        case .noReplyAfter: "{label}：{ms} ms 后仍无应答"
        case .replyTime: "{label}：请求 → 应答"
        case .modbusRows: "{reads} → {rows} 行"
        case .snmpTable: "{entry}：{rows} 行 × {columns} 列"
        case .snmpWalkCut: "{line}（读取到 {limit} 个对象的上限即停止：表中可能还有更多行）"
        case .modbusConnect: "连接 {label}"
        case .snmpOpen: "打开会话 {session}"
        case .snmpTimeout: "{peer} 在 {ms} ms 内未应答 {request}（主机未开机、端口不对，或 v1/v2c 团体名不被接受：代理会直接丢弃这类请求，两者无法区分）"
        case .diagnosticSent: "诊断 {pdu}（独立套接字）：{frame}"
        case .snmpPortUnreachable: "{peer} 拒收 {request}：端口不可达，该端口无 SNMP 服务（端口不对，或代理未运行）"
        case .snmpHostUnreachable: "{peer} 无法到达，{request} 未送达：网络回报主机不可达（设备未开机，或不在此网络）"
        case .diagnosticRefused: "诊断：主机拒收该数据报（端口不可达）"
        case .diagnosticHostUnreachable: "诊断：网络回报主机不可达"
        case .diagnosticSilent: "诊断：{ms} ms 内无应答"
        case .diagnosticReply: "诊断应答，{count} 字节：{frame}"
        case .diagnosticLateReply: "net-snmp 请求的迟到应答，{count} 字节：{frame}"
        case .labelled: "{label}：{frame}"
        case .query: "查询 {point}"
        case .goToPreset: "转到预置位 {preset}"
        case .setAxis: "设置 {axis} {value}"
        case .stop: "停止"
        case .snmpRequest: "{pdu}（{count} 个对象）"
        // A zh page gives the client's own address, not our URL; a serial line is 串口 (RecordEvidenceView.address).
        case .modbusTCPUnit: "{host}，从站 {unit}"
        case .modbusRTUUnit: "串口，从站 {unit}"
        }
    }

    /// The English phrase with `values` in its placeholders, in order.
    package func text(_ values: String...) -> String {
        var values = values.makeIterator()
        return Self.fill(parts.english) { _ in values.next() ?? "" }
    }

    /// The direction word a record puts before a raw exchange (`sent: …`), and its Chinese.
    package static func direction(_ direction: Exchange.Direction) -> (english: String, chinese: String) {
        switch direction {
        case .sent: ("sent", "发送")
        case .received: ("received", "接收")
        case .note: ("note", "说明")
        }
    }

    /// `line` worded in Chinese where a phrase made it; unchanged elsewhere.
    package static func chinese(_ line: String) -> String {
        for direction in [Exchange.Direction.sent, .received, .note] {
            let words = Self.direction(direction)
            if line.hasPrefix(words.english + ": ") {
                return words.chinese + "：" + chinese(String(line.dropFirst(words.english.count + 2)))
            }
        }
        return translate(line, with: lines) ?? line
    }

    // MARK: Matching

    private enum Piece { case literal(String), slot(String) }

    private static func pieces(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            pieces.append(.slot(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    private static func fill(_ pieces: [Piece], _ value: (String) -> String) -> String {
        pieces.reduce(into: "") { out, piece in
            switch piece {
            case .literal(let text): out += text
            case .slot(let name): out += value(name)
            }
        }
    }

    /// A phrase taken apart once: both templates in pieces, and the English as byte literals
    /// between slots, matched like the anchored pattern `^lit(.+?)lit…(.+)$` (each slot the
    /// shortest that lets the rest match, none holding a line break), without a regex engine:
    /// a record words every exchange line of its appendix, and NSRegularExpression was a third
    /// of a zh page's rendering.
    private struct Parts: Sendable {
        let english: [Piece]
        let chinese: [Piece]
        let slots: [String]
        /// The English phrase as bytes: nil for a slot.
        let pattern: [[UInt8]?]

        init(_ phrase: EvidencePhrase) {
            english = EvidencePhrase.pieces(phrase.english)
            chinese = EvidencePhrase.pieces(phrase.chinese)
            pattern = english.map { piece in
                if case .literal(let text) = piece { return Array(text.utf8) }
                return nil
            }
            slots = english.compactMap { piece in
                if case .slot(let name) = piece { return name }
                return nil
            }
        }

        /// The slots' byte ranges in `line` when the whole line is this phrase; nil otherwise.
        func match(_ line: [UInt8]) -> [Range<Int>]? {
            // The phrase's last words first: most lines are wire data no phrase made, and a
            // phrase starting with a slot would otherwise be looked for all along the line.
            if case let last?? = pattern.last, !line.reversed().starts(with: last.reversed()) { return nil }
            var captures: [Range<Int>] = []
            return Self.match(pattern[...], line, from: 0, &captures) ? captures : nil
        }

        private static func match(_ pattern: ArraySlice<[UInt8]?>, _ line: [UInt8], from start: Int,
                                  _ captures: inout [Range<Int>]) -> Bool {
            guard let first = pattern.first else { return start == line.count }
            if let literal = first {
                guard line[start...].starts(with: literal) else { return false }
                return match(pattern.dropFirst(), line, from: start + literal.count, &captures)
            }
            let newline = line[start...].firstIndex(of: UInt8(ascii: "\n")) ?? line.count
            let rest = pattern.dropFirst()
            guard let next = rest.first else {  // the last slot takes the rest of the line
                guard start < line.count, newline == line.count else { return false }
                captures.append(start..<line.count)
                return true
            }
            // Slots are always between literals in the phrases above.
            guard let literal = next, let head = literal.first else { return false }
            var end = start + 1
            while end + literal.count <= newline {
                if line[end] == head, line[end...].starts(with: literal) {
                    captures.append(start..<end)
                    if match(rest, line, from: end, &captures) { return true }
                    captures.removeLast()
                }
                end += 1
            }
            return false
        }
    }

    private static let table = allCases.map(Parts.init)
    private var parts: Parts { Self.table[Self.allCases.firstIndex(of: self)!] }  // by position: no hashing per line
    private var isLabel: Bool { [.query, .goToPreset, .setAxis, .stop, .snmpRequest, .modbusTCPUnit, .modbusRTUUnit].contains(self) }
    // Taken apart once, in order: every exchange line of a record's appendix is tried against them.
    private static let lines = allCases.filter { !$0.isLabel }.map(\.parts)
    private static let labels = allCases.filter(\.isLabel).map(\.parts)

    /// What Pelco's position queries and axes are called on a Chinese form.
    private static let ptzWords = ["pan": "水平位置", "tilt": "垂直位置", "zoom": "变倍位置", "magnification": "放大倍数",
                                   "part number": "型号"]

    private static func translate(_ text: String, with phrases: [Parts]) -> String? {
        let bytes = Array(text.utf8)
        for parts in phrases {
            guard let ranges = parts.match(bytes) else { continue }
            var values: [String: String] = [:]
            var ours = true
            for (slot, range) in zip(parts.slots, ranges) {
                let value = String(decoding: bytes[range], as: UTF8.self)
                switch slot {
                case "label":  // a device's own text with a colon in it is left alone
                    if let worded = translate(value, with: labels) { values[slot] = worded } else { ours = false }
                case "request": values[slot] = translate(value, with: labels) ?? value
                case "line": values[slot] = chinese(value)
                case "point", "axis": values[slot] = ptzWords[value] ?? value
                default: values[slot] = value
                }
            }
            if ours { return fill(parts.chinese) { values[$0] ?? "" } }
        }
        return nil
    }
}
