package import CheckupCore

/// The Pelco URL schemes, the one place their keys, ranges and defaults are decided, and the
/// decoder an endpoint names (its line, its address, its dialect).
package struct PelcoEndpoint: Sendable, Hashable {
    /// Pelco-D addresses start at 1; Pelco-P's at 0 (the protocols' own ranges).
    package static let d = EndpointScheme("pelco-d", .serial,
                                         keys: EndpointScheme.serialLineKeys(bauds: SerialSettings.supportedBauds)
                                             .merging(["address": .integer(1...255)]) { a, _ in a },
                                         defaults: ["baud": "2400", "address": "1"],
                                         usage: "pelco-d:///dev/ttyS0?baud=2400&address=N")
    package static let p = EndpointScheme("pelco-p", .serial,
                                         keys: EndpointScheme.serialLineKeys(bauds: SerialSettings.supportedBauds)
                                             .merging(["address": .integer(0...255)]) { a, _ in a },
                                         defaults: ["baud": "4800", "address": "1"],
                                         usage: "pelco-p:///dev/ttyS0?baud=4800&address=N")

    package var path: String
    package var settings: SerialSettings
    package var address: UInt8
    package var isPelcoP: Bool

    /// The decoder `given` names, by the rules above (the ones the inventory was parsed by; an
    /// endpoint built in code is held to them too).
    package init(_ given: Endpoint) throws(EndpointError) {
        let endpoint = try PTZDecoderProbe.checked(given)
        // The rules checked every number and filled in baud and address.
        let parity: SerialSettings.Parity = switch endpoint.query["parity", default: "N"].uppercased() {
        case "E": .even
        case "O": .odd
        default: .none
        }
        path = endpoint.path ?? ""
        settings = SerialSettings(baud: endpoint.int("baud") ?? 2400, parity: parity,
                                  dataBits: endpoint.int("data") ?? 8, stopBits: endpoint.int("stop") ?? 1)
        address = UInt8(clamping: endpoint.int("address") ?? 1)
        isPelcoP = endpoint.scheme == Self.p.name
    }
}
