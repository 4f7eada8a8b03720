import ModbusProbe

/// The Modbus TCP reply check (`ModbusTCPReply.judge`) fed an arbitrary frame as the answer
/// to a read. Data it accepts must have exactly the size the read asked for.
package enum ModbusReplyHarness: Sendable {
    package static func run(_ input: [UInt8]) -> FuzzOutcome {
        guard input.count >= 4 else { return .rejected("input too short to choose a request") }
        let functions: [UInt8] = [1, 2, 3, 4]
        let function = functions[Int(input[0]) % 4]
        let bits = function <= 2
        let count = 1 + Int(input[1]) % (bits ? 64 : 16)
        let unit = input[2]
        let frame = Array(input.dropFirst(3))
        let tid = frame.count >= 2 ? UInt16(frame[0]) << 8 | UInt16(frame[1]) : 0
        switch ModbusTCPReply.judge(frame, transaction: tid, unit: unit, function: function, count: count, bits: bits) {
        case .data(let data):
            let expected = bits ? (count + 7) / 8 : count * 2
            return data.count == expected ? .accepted("\(data.count) data bytes") : .violated("accepted \(data.count) data bytes, asked \(expected)")
        case .otherTransaction(let other):
            return other == tid ? .violated("own transaction \(tid) called another's") : .rejected("another transaction")
        case .exception(let e): return .accepted("exception \(e)")
        case .wrongUnit(let why), .malformed(let why): return .rejection(why, from: "modbus")
        }
    }
}
