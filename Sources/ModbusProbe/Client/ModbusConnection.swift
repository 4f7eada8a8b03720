public import CheckupCore

/// Where a Modbus unit is and how to talk to it: a TCP host or a serial line, plus the unit id.
public struct ModbusConnection: Sendable, Hashable, CustomStringConvertible {
    /// The transport of one connection.
    public enum Transport: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case rtu(SerialLine)
    }

    public var transport: Transport
    /// Unit id (slave address): 1…247 on RTU, 0…255 on TCP (gateways route by it).
    public var unit: Int
    /// Redacted endpoint text for messages (Modbus URLs carry no secrets, but keep one habit).
    public var label: String

    public init(transport: Transport, unit: Int, label: String? = nil) {
        self.transport = transport
        self.unit = unit
        switch transport {
        case .tcp(let host, let port): self.label = label ?? "modbus-tcp://\(host):\(port)?unit=\(unit)"
        case .rtu(let line): self.label = label ?? "modbus-rtu://\(line.path)?unit=\(unit)"
        }
    }

    /// The connection an endpoint URL describes (`modbus-tcp://…`, `modbus-rtu://…`).
    public init(endpoint: Endpoint) throws(ModbusError) {
        let unit = endpoint.int("unit") ?? 1
        guard (0...255).contains(unit) else {
            throw ModbusError(.connect, device: endpoint.description, reason: "unit \(unit) is outside 0–255")
        }
        switch endpoint.scheme {
        case "modbus-tcp":
            guard let host = endpoint.host else {
                throw ModbusError(.connect, device: endpoint.description, reason: "no host in the endpoint")
            }
            self.init(transport: .tcp(host: host, port: endpoint.port ?? 502), unit: unit, label: endpoint.description)
        case "modbus-rtu":
            guard let path = endpoint.path else {
                throw ModbusError(.connect, device: endpoint.description, reason: "no serial device path in the endpoint")
            }
            var line = SerialLine(path: path)
            line.baud = endpoint.int("baud") ?? 9600
            line.parity = SerialLine.Parity(rawValue: (endpoint.query["parity"] ?? "N").uppercased()) ?? .none
            line.dataBits = endpoint.int("data") ?? 8
            line.stopBits = endpoint.int("stop") ?? 1
            line.rs485 = endpoint.query["rs485"]?.lowercased() == "true"
            if let problem = line.problem { throw ModbusError(.connect, device: endpoint.description, reason: problem) }
            self.init(transport: .rtu(line), unit: unit, label: endpoint.description)
        default:
            throw ModbusError(.connect, device: endpoint.description, reason: "scheme '\(endpoint.scheme)' is not Modbus")
        }
    }

    public var description: String { label }
}

/// Settings of a serial line for Modbus RTU.
public struct SerialLine: Sendable, Hashable {
    public enum Parity: String, Sendable, Hashable {
        case none = "N", even = "E", odd = "O"
    }
    /// How the driver drives RTS around a transmission (RS-485 adapters without auto direction).
    public enum RTSControl: Sendable, Hashable {
        case none, up, down
    }

    public var path: String
    public var baud: Int = 9600
    public var parity: Parity = .none
    public var dataBits: Int = 8
    public var stopBits: Int = 1
    /// Ask the driver for RS-485 mode (TIOCSRS485). Ports that cannot (USB adapters with auto
    /// direction, pseudo-terminals) refuse; that is noted, not fatal.
    public var rs485: Bool = false
    public var rts: RTSControl = .none

    /// Settings no UART takes (and that would not fit libmodbus's `int`), or nil.
    public var problem: String? {
        if !(50...4_000_000).contains(baud) { return "baud \(baud) is outside 50–4000000" }
        if !(5...8).contains(dataBits) { return "data bits \(dataBits) is outside 5–8" }
        if !(1...2).contains(stopBits) { return "stop bits \(stopBits) is not 1 or 2" }
        return nil
    }

    /// The Modbus RTU silent interval between frames: 3.5 characters (11 bits each), fixed at
    /// 1.75 ms above 19200 baud (Modbus serial line specification §2.5.1.1).
    public var silentInterval: Duration {
        if baud > 19200 { return .microseconds(1750) }
        return .microseconds(Int64((3.5 * 11 / Double(max(baud, 1)) * 1_000_000).rounded(.up)))
    }

    public init(path: String, baud: Int = 9600, parity: Parity = .none, dataBits: Int = 8, stopBits: Int = 1,
                rs485: Bool = false, rts: RTSControl = .none) {
        self.path = path
        self.baud = baud
        self.parity = parity
        self.dataBits = dataBits
        self.stopBits = stopBits
        self.rs485 = rs485
        self.rts = rts
    }
}
