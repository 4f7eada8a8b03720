import CheckupCore
import CModbus
import Foundation

/// A failed Modbus operation, with the request it belonged to and the library's reason.
///
/// Never carries secrets (Modbus has none); `device` is the redacted endpoint text.
package struct ModbusError: UserFacingError, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, so callers can tell a dead unit from a missing register.
    package enum Kind: Sendable, Hashable {
        /// The connection could not be opened (refused, no route, no such serial port).
        case connect
        /// No (complete) reply within the response timeout.
        case timeout
        /// The device answered with an exception reply.
        case exception(ModbusException)
        /// A reply from a different unit than the one asked.
        case wrongUnit
        /// A reply that does not parse: bad CRC, wrong length, unexpected function…
        case badReply
        /// Any other I/O failure (connection reset, closed port).
        case io
    }

    package var kind: Kind
    package var function: ModbusFunction?
    package var address: Int?
    package var count: Int?
    package var device: String
    /// The library's message (`modbus_strerror`) or ours.
    package var reason: String
    /// The errno the library set, when there was one.
    package var code: Int32?

    package init(_ kind: Kind, function: ModbusFunction? = nil, address: Int? = nil, count: Int? = nil,
                device: String, reason: String, code: Int32? = nil) {
        self.kind = kind
        self.function = function
        self.address = address
        self.count = count
        self.device = device
        self.reason = reason
        self.code = code
    }

    /// Classifies the errno a libmodbus call left behind.
    static func fromErrno(_ errnum: Int32, function: ModbusFunction?, address: Int?, count: Int?,
                          device: String, connecting: Bool = false) -> ModbusError {
        let reason = String(cString: modbus_strerror(errnum))
        let base = Int32(MODBUS_ENOBASE)
        let kind: Kind
        if errnum > base, errnum <= base + 0x0B, let exception = ModbusException(rawValue: UInt8(errnum - base)) {
            kind = .exception(exception)
        } else if errnum == CModbus_exceptionErrno(0x0B) + 6 {
            kind = .wrongUnit
        } else if errnum > base {
            kind = .badReply
        } else if errnum == ETIMEDOUT {
            kind = connecting ? .connect : .timeout
        } else if connecting {
            kind = .connect
        } else {
            kind = .io
        }
        var why = reason
        if case .exception(let exception) = kind { why = exception.description }
        return ModbusError(kind, function: function, address: address, count: count, device: device,
                           reason: why, code: errnum)
    }

    /// The request in Modbus notation: `FC02 0x0100 ×8`.
    package var request: String? {
        guard let function else { return nil }
        var s = function.description
        if let address { s += " " + ModbusError.hex(address) }
        if let count { s += " ×\(count)" }
        return s
    }

    package var description: String {
        let what: String
        switch kind {
        case .connect: what = "cannot connect"
        case .timeout: what = "no reply"
        case .exception(let e): what = "exception \(String(format: "%02X", e.rawValue)) (\(e))"
        case .wrongUnit: what = "reply from the wrong unit"
        case .badReply: what = "bad reply"
        case .io: what = "I/O error"
        }
        let req = request.map { " to \($0)" } ?? ""
        var why = ": \(reason)"
        if case .exception = kind { why = "" }
        return "\(device): \(what)\(req)\(why)"
    }

    /// `0x0100`: at least four digits, as `%04X` writes them, without `String(format:)` (a
    /// request's text is made for every read of every panel).
    static func hex(_ address: Int) -> String {
        guard address >= 0 else { return String(format: "0x%04X", address) }
        let digits = String(address, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
