/// A Modbus exception code from a device's exception reply (function | 0x80, code).
package enum ModbusException: UInt8, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case illegalFunction = 0x01
    case illegalDataAddress = 0x02
    case illegalDataValue = 0x03
    case serverFailure = 0x04
    case acknowledge = 0x05
    case serverBusy = 0x06
    case negativeAcknowledge = 0x07
    case memoryParity = 0x08
    case gatewayPathUnavailable = 0x0A
    case gatewayTargetFailedToRespond = 0x0B

    /// The name the Modbus specification gives the code, lower case, for messages and readings.
    package var description: String {
        switch self {
        case .illegalFunction: "illegal function"
        case .illegalDataAddress: "illegal data address"
        case .illegalDataValue: "illegal data value"
        case .serverFailure: "server device failure"
        case .acknowledge: "acknowledge"
        case .serverBusy: "server device busy"
        case .negativeAcknowledge: "negative acknowledge"
        case .memoryParity: "memory parity error"
        case .gatewayPathUnavailable: "gateway path unavailable"
        case .gatewayTargetFailedToRespond: "gateway target device failed to respond"
        }
    }
}
