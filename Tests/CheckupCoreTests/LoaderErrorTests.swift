import CheckupCore
import CheckupTestKit
import Foundation
import Testing
import Yams

/// Broken profiles and inventories: every problem of a file, each at its exact line and column.
struct LoaderErrorTests {
    static let loader = ProfileLoader(registry: .with(ScriptedProbe(devices: [:])))

    static func fixture(_ path: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(path)").path
    }

    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        /// (line, column, fragment of the message or hint)
        var errors: [(Int, Int, String)]
        var description: String { file }
    }

    static let profiles: [Expected] = [
        Expected(file: "syntax.yaml", errors: [(5, 7, "YAML syntax")]),
        Expected(file: "unknown-key.yaml", errors: [(13, 5, "unknown key 'severty'"), (13, 5, "did you mean 'severity'?")]),
        Expected(file: "wrong-types.yaml", errors: [(1, 9, "'schema' must be a whole number"), (5, 19, "'section' must be one of"),
                                                    (7, 22, "'scale' must be a finite number"), (12, 12, "invalid range '90:10'")]),
        Expected(file: "unknown-point.yaml", errors: [(11, 12, "unknown point 'cpux'"), (11, 12, "did you mean 'cpu'?")]),
        Expected(file: "bad-address.yaml", errors: [(7, 8, "missing scripted address key 'key'"), (7, 8, "found 'kye'")]),
        Expected(file: "unknown-protocol.yaml", errors: [(3, 11, "unknown protocol 'scriptd'"), (3, 11, "did you mean 'scripted'?")]),
        // Not the nearest spelling ('any', the opposite): the word meant.
        Expected(file: "rows-all.yaml", errors: [(12, 11, "'rows' must be one of every, any, none, found 'all'"), (12, 11, "did you mean 'every'?")]),
    ]

    @Test(arguments: profiles)
    func brokenProfile(_ expected: Expected) {
        let path = Self.fixture("broken-profiles/\(expected.file)")
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        do {
            _ = try Self.loader.load(text: text, origin: expected.file, expectedID: stem)
            Issue.record("\(expected.file) loaded without errors")
        } catch {
            let lines = error.errors.map(\.description)
            for (line, column, fragment) in expected.errors {
                #expect(lines.contains { $0.hasPrefix("\(expected.file):\(line):\(column): ") && $0.contains(fragment) },
                        "no '\(fragment)' at \(line):\(column) in:\n\(lines.joined(separator: "\n"))")
            }
        }
    }

    @Test func everyProblemOfAnInventoryAtOnce() throws {
        let path = Self.fixture("broken-inventories/bad.yaml")
        do {
            _ = try InventoryLoader.load(path: path, probes: builtInProbes, knownProfiles: ["hikvision-nvr", "test"])
            Issue.record("loaded a broken inventory")
        } catch {
            let text = error.description
            #expect(text.contains("bad.yaml:4:3: unknown key 'adress' (did you mean 'address'?)"), "\(text)")
            #expect(text.contains("bad.yaml:9:14: unknown profile 'hikvision-nvx' (did you mean 'hikvision-nvr'?)"), "\(text)")
            #expect(text.contains("bad.yaml:10:15: bad endpoint: snmp: version=3 must be one of 1, 2c"), "\(text)")
            #expect(text.contains("bad.yaml:13:11: 'kind' must be one of"), "\(text)")
            #expect(text.contains("did you mean 'camera'?"), "\(text)")
            #expect(!text.contains("public"), "a community leaked into an error: \(text)")
        }
    }

    /// Booleans are read by YAML's words, without Yams' tag rules: a quoted `"true"` is text.
    @Test func flagsAreYAMLWordsAndAQuotedOneIsText() throws {
        let d = Diagnostics(file: "flags.yaml")
        let root = try #require(d.compose("[true, False, yes, NO, on, OFF, \"true\", 'no', !!str yes, maybe, 1]"))
        #expect(root.sequence?.map(\.flag) == [true, false, true, false, true, false, nil, nil, nil, nil, nil])
    }

    @Test func validInventory() throws {
        let site = try InventoryLoader.load(text: """
        site: {id: acme, client: ACME Bank, name: Head office, response-zone: ring-2}
        devices:
          - {id: panel, name: Panel, kind: alarm-host, profile: p, endpoint: "modbus-tcp://10.0.0.5?unit=3"}
          - {id: nvr, name: NVR, kind: recorder, profile: p, endpoint: "snmp://10.0.0.20", credentials: nvr-main}
        """, origin: "site.yaml", probes: builtInProbes, knownProfiles: ["p"])
        #expect(site.devices.count == 2)
        #expect(site.responseZone == "ring-2")
        #expect(site.devices[0].endpoint.int("unit") == 3)
        #expect(site.devices[1].credentials == "nvr-main")
    }
}
