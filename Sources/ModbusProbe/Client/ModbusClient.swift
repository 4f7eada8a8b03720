import CModbus
package import CheckupCore
import Foundation

/// One libmodbus connection to one Modbus unit (TCP or RTU).
///
/// Not `Sendable` on purpose: a libmodbus context must only be used by one thread at a time,
/// so a client is created, used and closed inside one `BlockingIO.run { }` block (see
/// `AlarmHostProbe`). Every request and reply is logged in `exchanges` for `--trace`.
package final class ModbusClient {
    package let connection: ModbusConnection
    /// Reply timeout of one request, seconds.
    package let responseTimeout: Double
    /// Longest silence inside one reply, seconds.
    package let byteTimeout: Double
    /// What was sent and received, in order, as readable text.
    package private(set) var exchanges: [Exchange] = []

    private let context: OpaquePointer
    private var connected = false
    /// When the line last carried a frame (RTU): the next request waits out the silent interval.
    private var lastTraffic: ContinuousClock.Instant?
    /// Transaction id of our own Modbus TCP reads (see `tcpRead`).
    private var transactionID: UInt16 = 0x4000

    /// Creates the libmodbus context; does not open the connection yet.
    package init(_ connection: ModbusConnection, responseTimeout: Double, byteTimeout: Double? = nil) throws(ModbusError) {
        self.connection = connection
        self.responseTimeout = Self.bounded(responseTimeout, within: 0.001...3600)
        self.byteTimeout = Self.bounded(byteTimeout ?? responseTimeout, within: 0.001...0.5)
        let made: OpaquePointer?
        switch connection.transport {
        case .tcp(let host, let port):
            // An IPv4 literal needs no resolver: `modbus_new_tcp_pi` asks getaddrinfo (nsswitch,
            // /etc/hosts) on every connect, an eighth of a panel's time on loopback.
            var ipv4 = in_addr()
            made = inet_pton(AF_INET, host, &ipv4) == 1 ? modbus_new_tcp(host, Int32(port)) : modbus_new_tcp_pi(host, String(port))
        case .rtu(let line):
            let parity = CChar(UInt8(ascii: line.parity.rawValue.unicodeScalars.first ?? "N"))
            made = modbus_new_rtu(line.path, Int32(clamping: line.baud), parity, Int32(clamping: line.dataBits), Int32(clamping: line.stopBits))
        }
        guard let made else {
            throw ModbusClient.failure(connection, function: nil, address: nil, count: nil, connecting: true)
        }
        context = made
        modbus_set_slave(context, Int32(clamping: connection.unit))
        ModbusClient.setTimeout(self.responseTimeout) { modbus_set_response_timeout(made, $0, $1) }
        ModbusClient.setTimeout(self.byteTimeout) { modbus_set_byte_timeout(made, $0, $1) }
    }

    deinit {
        if connected { modbus_close(context) }
        modbus_free(context)
    }

    /// Opens the TCP connection or the serial port. RS-485 mode and RTS are asked for when the
    /// line says so; a port that refuses them (a pseudo-terminal, an auto-direction adapter) is
    /// noted in `exchanges`, not an error.
    package func connect() throws(ModbusError) {
        if case .rtu(let line) = connection.transport {
            if line.rs485 && modbus_rtu_set_serial_mode(context, Int32(MODBUS_RTU_RS485)) != 0 {
                note("RS-485 mode not set before open (\(String(cString: modbus_strerror(CModbus_errno())))); continuing")
            }
        }
        note(EvidencePhrase.modbusConnect.text(connection.label))
        guard modbus_connect(context) == 0 else {
            throw ModbusClient.failure(connection, function: nil, address: nil, count: nil, connecting: true)
        }
        connected = true
        if case .rtu(let line) = connection.transport {
            if line.rs485 && modbus_rtu_set_serial_mode(context, Int32(MODBUS_RTU_RS485)) != 0 {
                note("RS-485 mode refused by \(line.path) (\(String(cString: modbus_strerror(CModbus_errno())))); the port drives the line itself")
            }
            switch line.rts {
            case .none: break
            case .up: if modbus_rtu_set_rts(context, Int32(MODBUS_RTU_RTS_UP)) != 0 { note("RTS control refused by \(line.path)") }
            case .down: if modbus_rtu_set_rts(context, Int32(MODBUS_RTU_RTS_DOWN)) != 0 { note("RTS control refused by \(line.path)") }
            }
            // Stale bytes from an earlier conversation on the line would be read as our reply.
            modbus_flush(context)
            lastTraffic = ContinuousClock.now
        }
    }

    /// On RTU, waits until the line has been silent for 3.5 characters: a frame sent sooner
    /// runs into the previous one and both are lost.
    private func respectSilentInterval() {
        guard case .rtu(let line) = connection.transport, let last = lastTraffic else { return }
        let remaining = last + line.silentInterval - ContinuousClock.now
        if remaining > .zero {
            let c = remaining.components
            usleep(UInt32(c.seconds * 1_000_000 + c.attoseconds / 1_000_000_000_000))
        }
    }

    private func lineWentQuiet() {
        if case .rtu = connection.transport { lastTraffic = ContinuousClock.now }
    }

    /// Closes the connection; the client can connect again.
    package func close() {
        if connected { modbus_close(context) }
        connected = false
    }

    // MARK: Reads

    /// Reads `count` coils or discrete inputs starting at `address`, in as many requests as the
    /// 2000-bit limit needs.
    package func readBits(_ table: ModbusTable, address: Int, count: Int) throws(ModbusError) -> [Bool] {
        precondition(table.holdsBits, "readBits needs a bit table")
        return try inChunks(table, address: address, count: count) { (address, count) throws(ModbusError) in
            try readOnce(table, address: address, count: count, empty: UInt8(0),
                         fromTCP: { data in (0..<count).map { data[$0 / 8] & (1 << UInt8($0 % 8)) != 0 } },
                         fromLibrary: { $0.map { $0 != 0 } }, text: ModbusClient.bitText) { dest in
                table == .coil
                    ? modbus_read_bits(context, Int32(address), Int32(count), dest)
                    : modbus_read_input_bits(context, Int32(address), Int32(count), dest)
            }
        }
    }

    /// Reads `count` holding or input registers starting at `address`, in as many requests as
    /// the 125-register limit needs.
    package func readRegisters(_ table: ModbusTable, address: Int, count: Int) throws(ModbusError) -> [UInt16] {
        precondition(!table.holdsBits, "readRegisters needs a register table")
        return try inChunks(table, address: address, count: count) { (address, count) throws(ModbusError) in
            try readOnce(table, address: address, count: count, empty: UInt16(0),
                         fromTCP: { data in (0..<count).map { UInt16(data[2 * $0]) << 8 | UInt16(data[2 * $0 + 1]) } },
                         fromLibrary: { $0 }, text: ModbusClient.registerText) { dest in
                table == .holding
                    ? modbus_read_registers(context, Int32(address), Int32(count), dest)
                    : modbus_read_input_registers(context, Int32(address), Int32(count), dest)
            }
        }
    }

    /// A read cut at the protocol limit of its table, the chunks' values in order.
    private func inChunks<Value>(_ table: ModbusTable, address: Int, count: Int,
                                 _ read: (Int, Int) throws(ModbusError) -> [Value]) throws(ModbusError) -> [Value] {
        var result: [Value] = []
        result.reserveCapacity(count)
        for chunk in ModbusClient.chunks(address: address, count: count, limit: table.maxReadCount) {
            result += try read(chunk.address, chunk.count)
        }
        return result
    }

    /// One read request, logged: over TCP through our own framing (`tcpRead`), over RTU through
    /// libmodbus (`library` fills a buffer of `count` words like `empty`).
    private func readOnce<Word, Value>(_ table: ModbusTable, address: Int, count: Int, empty: Word,
                                       fromTCP: ([UInt8]) -> [Value], fromLibrary: ([Word]) -> [Value],
                                       text: ([Value]) -> String,
                                       library: (UnsafeMutablePointer<Word>?) -> Int32) throws(ModbusError) -> [Value] {
        let function = table.readFunction
        respectSilentInterval()
        defer { lineWentQuiet() }
        sent(function, address: address, count: count)
        let values: [Value]
        if case .tcp = connection.transport {
            values = fromTCP(try tcpRead(table, address: address, count: count))
        } else {
            var buffer = [Word](repeating: empty, count: count)
            let rc = buffer.withUnsafeMutableBufferPointer { library($0.baseAddress) }
            guard rc == Int32(count) else { throw failed(function, address: address, count: count, rc: rc) }
            values = fromLibrary(buffer)
        }
        received(function, address: address, count: count, "→ " + text(values))
        return values
    }

    // MARK: Modbus TCP reads

    /// One Modbus TCP read, framed here on libmodbus' socket. libmodbus 3.1 does not compare the
    /// unit id of a TCP reply with the request's, and a gateway that answers for the wrong panel
    /// must not pass; so the MBAP header is checked here: transaction id (a late reply to an
    /// earlier, timed-out request is skipped), protocol id, unit id, function, byte count.
    /// Returns the data bytes of the reply.
    private func tcpRead(_ table: ModbusTable, address: Int, count: Int) throws(ModbusError) -> [UInt8] {
        let function = table.readFunction
        func failure(_ kind: ModbusError.Kind, _ reason: String) -> ModbusError {
            logged(ModbusError(kind, function: function, address: address, count: count, device: connection.label, reason: reason))
        }
        transactionID &+= 1
        let tid = transactionID
        let unit = UInt8(truncatingIfNeeded: connection.unit)
        let pdu: [UInt8] = [function.rawValue, UInt8(address >> 8 & 0xFF), UInt8(address & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        let adu: [UInt8] = [UInt8(tid >> 8), UInt8(tid & 0xFF), 0, 0, 0, UInt8(pdu.count + 1), unit] + pdu
        let fd = modbus_get_socket(context)
        var offset = 0
        while offset < adu.count {
            let n = adu[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw failure(.io, String(cString: strerror(errno))) }
            offset += n
        }
        let reader = RawReplyReader(fd: fd, timeout: responseTimeout, byteTimeout: byteTimeout)
        let deadline = ContinuousClock.now + .milliseconds(Int64((responseTimeout * 1000).rounded(.up)))
        var skipped = 0
        while true {
            let left = deadline - ContinuousClock.now
            let frame: [UInt8]
            do {
                frame = try reader.readTCPFrame(within: max(RawReplyReader.seconds(left), 0.001))
            } catch {
                switch error {
                case .timeout:
                    throw failure(.timeout, skipped > 0 ? "only replies to other transactions (\(skipped)) before the timeout" : "Connection timed out")
                case .closed: throw failure(.io, "connection closed by the device")
                case .io(let code): throw failure(.io, String(cString: strerror(code)))
                case .partial(let bytes):
                    // Bytes came, so the unit is there; another try would only trickle again.
                    let announced = bytes.count >= 6 ? " of \(6 + (Int(bytes[4]) << 8 | Int(bytes[5])))" : ""
                    throw failure(.badReply, "incomplete reply: only \(bytes.count)\(announced) bytes within the \(Int((responseTimeout * 1000).rounded())) ms timeout [\(Exchange.hex(bytes.prefix(32)))]")
                case .badLength(let bytes):
                    throw failure(.badReply, "malformed reply: the MBAP header announces \(Int(bytes[4]) << 8 | Int(bytes[5])) bytes, a Modbus frame has 2…254 [\(Exchange.hex(bytes))]")
                }
            }
            let data: [UInt8]
            switch ModbusTCPReply.judge(frame, transaction: tid, unit: unit, function: function.rawValue, count: count, bits: table.holdsBits) {
            case .data(let bytes): data = bytes
            case .otherTransaction(let other):
                skipped += 1
                note("skipped a reply to transaction \(other) (late answer to an earlier request)")
                continue
            case .exception(let exception): throw failure(.exception(exception), exception.description)
            case .wrongUnit(let why): throw failure(.wrongUnit, why)
            case .malformed(let why): throw failure(.badReply, why)
            }
            // Bytes right behind the reply would be read as the next reply's header: the reply
            // is malformed, said once here rather than as timeouts of every later request.
            let trailing = reader.pendingBytes()
            guard trailing.isEmpty else {
                throw failure(.badReply, "malformed reply: \(trailing.count) bytes of garbage after the frame [\(Exchange.hex(frame)) | \(Exchange.hex(trailing.prefix(32)))]")
            }
            return data
        }
    }

    // MARK: Writes (only with a permit)

    /// Writes one coil (FC05). Needs a `WritePermit`: an active point and `--allow-active`.
    package func writeCoil(_ address: Int, _ value: Bool, permit: WritePermit) throws(ModbusError) {
        respectSilentInterval()
        defer { lineWentQuiet() }
        // The trace shows the PDU libmodbus puts on the wire: FC05 carries FF00/0000, not a count.
        sent(.writeSingleCoil, address: address, count: 1, extra: " = \(value ? 1 : 0) (active point \(permit.pointID))",
             pdu: ModbusClient.writePDU(.writeSingleCoil, address, value ? 0xFF00 : 0x0000))
        let rc = modbus_write_bit(context, Int32(address), value ? 1 : 0)
        guard rc == 1 else { throw failed(.writeSingleCoil, address: address, count: 1, rc: rc) }
        received(.writeSingleCoil, address: address, count: 1, "→ written")
    }

    /// Writes one holding register (FC06). Needs a `WritePermit`.
    package func writeRegister(_ address: Int, _ value: UInt16, permit: WritePermit) throws(ModbusError) {
        respectSilentInterval()
        defer { lineWentQuiet() }
        sent(.writeSingleRegister, address: address, count: 1, extra: " = \(value) (active point \(permit.pointID))",
             pdu: ModbusClient.writePDU(.writeSingleRegister, address, value))
        let rc = modbus_write_register(context, Int32(address), value)
        guard rc == 1 else { throw failed(.writeSingleRegister, address: address, count: 1, rc: rc) }
        received(.writeSingleRegister, address: address, count: 1, "→ written")
    }

    // MARK: Device identification

    /// Reads the device identification objects (function 0x2B, MEI 0x0E): vendor (0), product
    /// code (1), revision (2) and, at the regular level, URL, product name, model name (3…5).
    ///
    /// libmodbus 3.1 cannot size this variable-length reply, so the request goes out with
    /// `modbus_send_raw_request` and the reply is read and parsed here.
    package func readDeviceIdentification(level: UInt8 = 0x01) throws(ModbusError) -> [UInt8: String] {
        var objects: [UInt8: String] = [:]
        var next: UInt8 = 0
        for _ in 0..<8 {
            let (more, nextID) = try readIdentificationPage(level: level, object: next, into: &objects)
            guard more, nextID > next else { break }
            next = nextID
        }
        return objects
    }

    private func readIdentificationPage(level: UInt8, object: UInt8, into objects: inout [UInt8: String]) throws(ModbusError) -> (Bool, UInt8) {
        let function = ModbusFunction.encapsulatedInterface
        let request: [UInt8] = [UInt8(truncatingIfNeeded: connection.unit), 0x2B, 0x0E, level, object]
        respectSilentInterval()
        defer { lineWentQuiet() }
        exchanges.append(Exchange(.sent, "unit \(connection.unit) FC2B/0E read device identification level \(level) from object \(object) [\(Exchange.hex(request.dropFirst()))]"))
        let rc = request.withUnsafeBufferPointer { modbus_send_raw_request(context, $0.baseAddress, Int32($0.count)) }
        guard rc > 0 else { throw failed(function, address: nil, count: nil, rc: rc) }
        let reader = RawReplyReader(fd: modbus_get_socket(context), timeout: responseTimeout, byteTimeout: byteTimeout)
        var frame: [UInt8]
        do {
            switch connection.transport {
            case .tcp:
                frame = try reader.readTCP()
            case .rtu:
                let full = try reader.readRTU(expectedLength: ModbusClient.identificationFrameLength)
                guard ModbusCRC.isValid(full) else {
                    modbus_flush(context)
                    throw ModbusError(.badReply, function: function, device: connection.label, reason: "bad CRC in [\(Exchange.hex(full))]")
                }
                frame = Array(full.dropLast(2))
            }
        } catch let error as ModbusError {
            throw error
        } catch RawReplyReader.Failure.timeout {
            exchanges.append(Exchange(.received, "FC2B/0E → no reply within \(Int(responseTimeout * 1000)) ms"))
            if case .rtu = connection.transport { modbus_flush(context) }
            throw ModbusError(.timeout, function: function, device: connection.label, reason: "Connection timed out")
        } catch {
            throw ModbusError(.io, function: function, device: connection.label, reason: "\(error)")
        }
        exchanges.append(Exchange(.received, "FC2B/0E → [\(Exchange.hex(frame.dropFirst()))]"))
        guard frame.count >= 2 else {
            throw ModbusError(.badReply, function: function, device: connection.label, reason: "short reply")
        }
        if frame[0] != UInt8(truncatingIfNeeded: connection.unit) && connection.unit != 0 {
            if case .rtu = connection.transport {
                throw ModbusError(.wrongUnit, function: function, device: connection.label, reason: "reply from unit \(frame[0])")
            }
        }
        if frame[1] == 0xAB {
            let code = frame.count > 2 ? frame[2] : 0
            let exception = ModbusException(rawValue: code)
            throw ModbusError(exception.map { .exception($0) } ?? .badReply, function: function, device: connection.label,
                              reason: exception?.description ?? "unknown exception \(code)")
        }
        guard frame.count >= 8, frame[1] == 0x2B, frame[2] == 0x0E else {
            throw ModbusError(.badReply, function: function, device: connection.label, reason: "not a device identification reply")
        }
        let more = frame[5] == 0xFF
        let nextID = frame[6]
        let count = Int(frame[7])
        var i = 8
        for _ in 0..<count {
            guard i + 2 <= frame.count else { break }
            let id = frame[i], length = Int(frame[i + 1])
            guard i + 2 + length <= frame.count else {
                throw ModbusError(.badReply, function: function, device: connection.label, reason: "object \(id) runs past the reply")
            }
            let bytes = frame[(i + 2)..<(i + 2 + length)]
            objects[id] = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
            i += 2 + length
        }
        return (more, nextID)
    }

    /// Length of an RTU device-identification frame (with CRC) once enough of it is known.
    static func identificationFrameLength(_ frame: [UInt8]) -> Int? {
        guard frame.count >= 2 else { return nil }
        if frame[1] & 0x80 != 0 { return 5 }
        guard frame.count >= 8 else { return nil }
        var i = 8
        for _ in 0..<Int(frame[7]) {
            guard i + 2 <= frame.count else { return nil }
            i += 2 + Int(frame[i + 1])
        }
        return i + 2
    }

    // MARK: Logging and errors

    private func note(_ text: String) {
        exchanges.append(Exchange(.note, text))
    }

    /// The PDU of FC05/FC06: function, address, the 16-bit value.
    static func writePDU(_ function: ModbusFunction, _ address: Int, _ value: UInt16) -> [UInt8] {
        [function.rawValue, UInt8(address >> 8 & 0xFF), UInt8(address & 0xFF), UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    private func sent(_ function: ModbusFunction, address: Int, count: Int, extra: String = "", pdu given: [UInt8]? = nil) {
        let pdu: [UInt8] = given ?? [function.rawValue, UInt8(address >> 8 & 0xFF), UInt8(address & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        exchanges.append(Exchange(.sent, "unit \(connection.unit) \(ModbusClient.requestText(function, address, count))\(extra) [\(Exchange.hex(pdu))]"))
    }

    private func received(_ function: ModbusFunction, address: Int, count: Int, _ text: String) {
        exchanges.append(Exchange(.received, "\(ModbusClient.requestText(function, address, count)) \(text)"))
    }

    private func failed(_ function: ModbusFunction, address: Int?, count: Int?, rc: Int32) -> ModbusError {
        let error: ModbusError
        if rc >= 0 {
            error = ModbusError(.badReply, function: function, address: address, count: count, device: connection.label,
                                reason: "\(rc) items in the reply")
        } else {
            error = ModbusClient.failure(connection, function: function, address: address, count: count, connecting: false)
        }
        return logged(error)
    }

    /// Notes a failed exchange in the log (and flushes an RTU line); returns the error.
    private func logged(_ error: ModbusError) -> ModbusError {
        let what: String
        switch error.kind {
        case .timeout: what = "no reply within \(Int((responseTimeout * 1000).rounded())) ms"
        case .exception(let e): what = "exception \(String(format: "%02X", e.rawValue)) (\(e))"
        default: what = error.reason
        }
        let request = error.request ?? "request"
        exchanges.append(Exchange(.received, "\(request) → \(what)"))
        if error.kind != .connect, case .rtu = connection.transport {
            // A late or partial reply must not be taken for the answer to the next request.
            modbus_flush(context)
        }
        return error
    }

    private static func failure(_ connection: ModbusConnection, function: ModbusFunction?, address: Int?, count: Int?, connecting: Bool) -> ModbusError {
        ModbusError.fromErrno(CModbus_errno(), function: function, address: address, count: count,
                              device: connection.label, connecting: connecting)
    }

    /// A timeout in seconds forced into `range`: NaN (which passes `max`/`min`) becomes the
    /// lower bound, so no later `Int(_:)`/`UInt32(_:)` conversion can trap.
    static func bounded(_ seconds: Double, within range: ClosedRange<Double>) -> Double {
        seconds.isNaN ? range.lowerBound : min(max(seconds, range.lowerBound), range.upperBound)
    }

    private static func setTimeout(_ seconds: Double, _ set: (UInt32, UInt32) -> Int32) {
        let whole = UInt32(seconds.rounded(.down))
        var micro = UInt32(((seconds - Double(whole)) * 1_000_000).rounded())
        if micro > 999_999 { micro = 999_999 }
        if whole == 0 && micro == 0 { micro = 1000 }
        _ = set(whole, micro)
    }

    /// `FC02 0x0100 ×8`
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Written byte by byte: every request is logged twice, and interpolating the three parts
    /// was a twelfth of a panel read's CPU.
    package static func requestText(_ function: ModbusFunction, _ address: Int, _ count: Int) -> String {
        guard (0...0xFFFF).contains(address), (0...99_999).contains(count) else {
            return "\(function) \(ModbusError.hex(address)) ×\(count)"
        }
        let hex = hexDigits
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { out in
            var n = 0
            func put(_ byte: UInt8) { out[n] = byte; n += 1 }
            for byte in "FC".utf8 { put(byte) }
            put(hex[Int(function.rawValue >> 4)]); put(hex[Int(function.rawValue & 0xF)])
            for byte in " 0x".utf8 { put(byte) }
            for shift in stride(from: 12, through: 0, by: -4) { put(hex[(address >> shift) & 0xF]) }
            for byte in " ×".utf8 { put(byte) }
            for byte in String(count).utf8 { put(byte) }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
        }
    }

    /// Bits as `1000 0000 0000 1000`, groups of 8 from the first address; long runs are summarised.
    static func bitText(_ bits: [Bool]) -> String {
        if bits.count > 64 {
            let set = bits.indices.filter { bits[$0] }
            let shown = set.prefix(32).map(String.init).joined(separator: ",")
            return "\(bits.count) bits, set at +[\(shown)\(set.count > 32 ? ",…" : "")]"
        }
        var out = ""
        for (i, bit) in bits.enumerated() {
            if i > 0 && i % 8 == 0 { out += " " }
            out += bit ? "1" : "0"
        }
        return out
    }

    /// Registers as hex words: `0x0001 0x04D2`; long runs are cut after 32 words.
    static func registerText(_ registers: [UInt16]) -> String {
        let words = registers.prefix(32).map { String(format: "0x%04X", $0) }.joined(separator: " ")
        return registers.count > 32 ? words + " … (\(registers.count) words)" : words
    }

    /// Splits a range into requests no longer than `limit` items.
    package static func chunks(address: Int, count: Int, limit: Int) -> [(address: Int, count: Int)] {
        var out: [(Int, Int)] = []
        var start = address
        let end = address + count
        while start < end {
            let n = min(limit, end - start)
            out.append((start, n))
            start += n
        }
        return out
    }
}

/// Not Sendable: see above.
@available(*, unavailable)
extension ModbusClient: Sendable {}
