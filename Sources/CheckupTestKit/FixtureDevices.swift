import CheckupCore
import DeviceSimulators
import Foundation
import ModbusProbe

/// The `image:` of a Modbus case: `table: {address: value | [values] | {count: N, value: V}}`;
/// lists and runs first, then single items over them.
enum FixtureImage {
    static func parse(_ tables: [String: Any], identification: Any?, at: String) throws -> ModbusRegisterImage {
        var image = ModbusRegisterImage()
        for (name, raw) in tables {
            guard let table = ModbusTable(spelling: name) else { throw PeerError("\(at): image: unknown table '\(name)' (coil, discrete-input, holding, input)") }
            guard let entries = raw as? [AnyHashable: Any] else { throw PeerError("\(at): image: \(name) must map addresses to values") }
            var singles: [(Int, UInt16)] = []
            for (key, value) in entries {
                guard let address = Self.address(key) else { throw PeerError("\(at): image: \(name): '\(key)' is not an address (0x0100 or 256)") }
                switch value {
                case let n as Int: singles.append((address, UInt16(truncatingIfNeeded: n)))
                case let b as Bool: singles.append((address, b ? 1 : 0))
                case let list as [Any]:
                    for (i, v) in list.enumerated() { image.items[table, default: [:]][address + i] = Self.word(v) }
                case let run as [String: Any]:
                    guard let count = run["count"] as? Int, count > 0 else { throw PeerError("\(at): image: \(name) \(key): a run needs count: N") }
                    let words = run["text"].map { Self.ascii("\($0)", registers: count) }
                        ?? Array(repeating: Self.word(run["value"] ?? 0), count: count)
                    for (i, v) in words.enumerated() { image.items[table, default: [:]][address + i] = v }
                    for (item, v) in (run["set"] as? [AnyHashable: Any]) ?? [:] {
                        guard let a = Self.address(item), (address..<(address + count)).contains(a) else {
                            throw PeerError("\(at): image: \(name) \(key): set: '\(item)' is not an address inside the run")
                        }
                        singles.append((a, Self.word(v)))
                    }
                default: throw PeerError("\(at): image: \(name) \(key): expected a number, a list or {count: N}")
                }
            }
            for (address, v) in singles { image.items[table, default: [:]][address] = v }
        }
        for (key, value) in (identification as? [String: Any]) ?? [:] {
            let ids: [String: UInt8] = ["vendor": 0, "product-code": 1, "revision": 2, "product-name": 4, "model": 5]
            guard let id = ids[key] else { throw PeerError("\(at): identification: unknown key \(key) (\(ids.keys.sorted().joined(separator: ", ")))") }
            image.identification[id] = "\(value)"
        }
        return image
    }

    /// Text as registers of two ASCII characters each, high byte first, padded with NULs.
    static func ascii(_ text: String, registers: Int) -> [UInt16] {
        let bytes = Array(text.utf8.prefix(registers * 2)) + [UInt8](repeating: 0, count: max(0, registers * 2 - text.utf8.count))
        return (0..<registers).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
    }

    static func address(_ key: AnyHashable) -> Int? {
        if let n = key.base as? Int { return n }
        let text = "\(key.base)".lowercased()
        return text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
    }

    static func word(_ any: Any) -> UInt16 {
        if let b = any as? Bool { return b ? 1 : 0 }
        return UInt16(truncatingIfNeeded: any as? Int ?? 0)
    }
}

/// The `decoder:` of a Pelco case: a simulated head for the active steps.
enum FixtureDecoder {
    static func parse(_ spec: [String: Any], at: String) throws -> SimulatedDecoder {
        func number(_ key: String, in map: [String: Any] = spec) -> Double? {
            (map[key] as? Double) ?? (map[key] as? Int).map(Double.init)
        }
        var presets: [UInt8: HeadPosition] = [:]
        for (key, raw) in (spec["presets"] as? [AnyHashable: Any]) ?? [:] {
            guard let id = UInt8("\(key.base)"), let p = raw as? [String: Any] else { throw PeerError("\(at): decoder: presets: \(key) needs {pan, tilt}") }
            presets[id] = HeadPosition(pan: number("pan", in: p) ?? 0, tilt: number("tilt", in: p) ?? 0, zoom: number("zoom", in: p) ?? 0)
        }
        var decoder = SimulatedDecoder(address: UInt8(truncatingIfNeeded: spec["address"] as? Int ?? 1),
                                       position: HeadPosition(pan: number("pan") ?? 0, tilt: number("tilt") ?? 0, zoom: number("zoom") ?? 0))
        if !presets.isEmpty { decoder.presets = presets }
        if let drift = number("preset-drift") { decoder.presetDrift = drift }
        if let speed = number("speed") { decoder.maxSpeed = speed }
        return decoder
    }
}
