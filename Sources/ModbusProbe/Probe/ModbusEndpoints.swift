package import CheckupCore

/// The Modbus URL schemes, the one place their keys, ranges and defaults are decided.
package enum ModbusEndpoints: Sendable {
    /// Unit id on a serial line: 0 is broadcast, 248…255 reserved (Modbus over serial line §2.2).
    package static let rtuUnits = 1...247
    /// Unit id through a TCP gateway, which routes by it: the whole byte.
    package static let tcpUnits = 0...255
    package static let bauds = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]

    package static let tcp = EndpointScheme("modbus-tcp", .network(defaultPort: 502),
                                           keys: ["unit": .integer(tcpUnits)], defaults: ["unit": "1"],
                                           usage: "modbus-tcp://HOST[:PORT]?unit=N")
    package static let rtu = EndpointScheme("modbus-rtu", .serial,
                                           keys: EndpointScheme.serialLineKeys(bauds: bauds)
                                               .merging(["unit": .integer(rtuUnits), "rs485": .oneOf(["true", "false"])]) { a, _ in a },
                                           defaults: ["unit": "1", "baud": "9600", "parity": "N"],
                                           usage: "modbus-rtu:///dev/ttyUSB0?baud=9600&parity=N&unit=N")

    /// A TCP gateway is a bus too: its serial side takes one request at a time.
    static func busKey(_ endpoint: Endpoint) -> String? {
        if let path = endpoint.path { return "serial:\(path)" }
        return endpoint.host.map { "tcp:\($0):\(endpoint.port ?? 502)" }
    }
}
