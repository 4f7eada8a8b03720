package import CheckupCore

/// Where a Modbus unit is and how to talk to it: a TCP host or a serial line, plus the unit id.
package struct ModbusConnection: Sendable, Hashable, CustomStringConvertible {
    /// The transport of one connection.
    package enum Transport: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case rtu(SerialLine)
    }

    package var transport: Transport
    /// Unit id (slave address): 1…247 on RTU, 0…255 on TCP (gateways route by it).
    package var unit: Int
    /// Redacted endpoint text for messages (Modbus URLs carry no secrets, but keep one habit).
    package var label: String

    package init(transport: Transport, unit: Int, label: String? = nil) {
        self.transport = transport
        self.unit = unit
        switch transport {
        case .tcp(let host, let port): self.label = label ?? "modbus-tcp://\(host):\(port)?unit=\(unit)"
        case .rtu(let line): self.label = label ?? "modbus-rtu://\(line.path)?unit=\(unit)"
        }
    }

    /// The connection an endpoint describes, by `ModbusEndpoints`' rules (the ones the
    /// inventory was parsed by; an endpoint built in code is held to them too).
    package init(endpoint given: Endpoint) throws(ModbusError) {
        let endpoint: Endpoint
        do { endpoint = try AlarmHostProbe.checked(given) } catch {
            throw ModbusError(.connect, device: given.description, reason: error.message)
        }
        // The rules above checked every number and filled in unit, baud and parity.
        let unit = endpoint.int("unit") ?? 1
        if let host = endpoint.host {
            self.init(transport: .tcp(host: host, port: endpoint.port ?? 502), unit: unit, label: endpoint.description)
            return
        }
        let line = SerialLine(path: endpoint.path ?? "", baud: endpoint.int("baud") ?? 9600,
                              parity: SerialLine.Parity(rawValue: endpoint.query["parity", default: "N"].uppercased()) ?? .none,
                              dataBits: endpoint.int("data") ?? 8, stopBits: endpoint.int("stop") ?? 1,
                              rs485: endpoint.query["rs485"]?.lowercased() == "true")
        self.init(transport: .rtu(line), unit: unit, label: endpoint.description)
    }

    package var description: String { label }
}

/// Settings of a serial line for Modbus RTU.
package struct SerialLine: Sendable, Hashable {
    package enum Parity: String, Sendable, Hashable {
        case none = "N", even = "E", odd = "O"
    }
    /// How the driver drives RTS around a transmission (RS-485 adapters without auto direction).
    package enum RTSControl: Sendable, Hashable {
        case none, up, down
    }

    package var path: String
    package var baud: Int = 9600
    package var parity: Parity = .none
    package var dataBits: Int = 8
    package var stopBits: Int = 1
    /// Ask the driver for RS-485 mode (TIOCSRS485). Ports that cannot (USB adapters with auto
    /// direction, pseudo-terminals) refuse; that is noted, not fatal.
    package var rs485: Bool = false
    package var rts: RTSControl = .none

    /// The Modbus RTU silent interval between frames: 3.5 characters (11 bits each), fixed at
    /// 1.75 ms above 19200 baud (Modbus serial line specification §2.5.1.1).
    package var silentInterval: Duration {
        if baud > 19200 { return .microseconds(1750) }
        return .microseconds(Int64((3.5 * 11 / Double(max(baud, 1)) * 1_000_000).rounded(.up)))
    }

    package init(path: String, baud: Int = 9600, parity: Parity = .none, dataBits: Int = 8, stopBits: Int = 1,
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
