/// The fuzz targets by name, for `make fuzz` (libFuzzer) and the seeded corpus tests.
package enum FuzzTargets: Sendable {
    package static let all: [String: @Sendable ([UInt8]) -> FuzzOutcome] = [
        "pelco": PelcoReplyHarness.run,
        "modbus": ModbusReplyHarness.run,
        "snmp": SNMPReplyHarness.run,
        "yaml": YAMLLoaderHarness.run,
        "template": TemplateHarness.run,
    ]

    /// A seeded corpus of `count` inputs for `name`: mutations of its seeds and random bytes.
    package static func corpus(_ name: String, count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = SeededGenerator(seed: seed)
        let seeds: [[UInt8]]
        switch name {
        case "yaml": seeds = YAMLLoaderHarness.seeds.map { [$0.loader] + Array($0.text.utf8) }
        case "template": seeds = TemplateHarness.seeds.map { Array($0.utf8) }
        case "pelco": seeds = [[1, 5, 0xFF, 0x05, 0x00, 0x59, 0x30, 0x39, 0xC7], [3, 5, 0xFF, 0x05, 0x00, 0x59, 0xFF, 0xFF, 0x5C]]
        case "modbus": seeds = [[2, 1, 1, 0, 1, 0, 0, 0, 4, 1, 2, 1, 0x55], [3, 0, 1, 0, 2, 0, 0, 0, 5, 1, 3, 2, 0, 7]]
        default: seeds = [[0x30, 0x29, 0x02, 0x01, 0x01, 0x04, 0x06] + Array("public".utf8)
                          + [0xA2, 0x1C, 0x02, 0x02, 0x12, 0x34, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x10, 0x30, 0x0E,
                             0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x03, 0x00, 0x43, 0x02, 0x04, 0xD2]]
        }
        return (0..<count).map { k in
            if k < seeds.count { return seeds[k] }
            if k % 10 == 0 { return rng.bytes(Int.random(in: 0...64, using: &rng)) }
            return rng.mutate(seeds[Int.random(in: 0..<seeds.count, using: &rng)])
        }
    }
}
