import CheckupCore
import InspectionRecords
import ModbusProbe
import PelcoProbe
import SNMPProbe

/// The YAML loaders (profile, inventory, answers) fed arbitrary bytes, usually a mutated seed
/// file: text that is not UTF-8 must be refused with the line and offset of the bad byte,
/// and every refusal must name the file.
package enum YAMLLoaderHarness: Sendable {
    static let origin = "fuzz.yaml"
    static let registry = ProbeRegistry { r in
        r.register(AlarmHostProbe())
        r.register(SNMPProbe())
        r.register(PTZDecoderProbe())
    }

    /// Seed documents, one per loader, small and valid.
    package static let seeds: [(loader: UInt8, text: String)] = [
        (0, """
        schema: 1
        id: fuzz
        protocol: snmp
        title: {zh: 录像机, en: Recorder}
        points:
          cpu: {oid: 1.3.6.1.4.1.39165.1.7.0, unit: "%"}
          disks: {table: 1.3.6.1.4.1.50001.1.241.1, columns: {status: 3}}
        checks:
          - id: cpu
            point: cpu
            range: "~:80"
        """),
        (1, """
        site: {id: s1, client: 某银行, name: 支行}
        devices:
          - id: nvr-1
            name: 录像机 1
            profile: fuzz
            endpoint: snmp://10.0.0.2:161?version=2c
          - {id: p1, profile: fuzz, endpoint: "pelco-d:///dev/ttyS0?address=3"}
        """),
        (2, """
        technician: 张三
        rows:
          cabling: {result: normal, observed: 良好}
          grounding: {result: abnormal, handling: 已更换, cleared: true}
        """),
    ]

    package static func run(_ input: [UInt8]) -> FuzzOutcome {
        guard let first = input.first else { return .rejected("empty input, no loader chosen") }
        let bytes = Array(input.dropFirst())
        let text: String
        do { text = try UTF8Text.decode(bytes, file: origin, what: "file") } catch {
            guard let located = error.errors.first, located.message.contains("offset"), located.line >= 1 else {
                return .violated("non-UTF-8 refusal without a position: \(error)")
            }
            return .rejected(error.description)
        }
        do {
            switch first % 3 {
            case 0: _ = try ProfileLoader(registry: registry).load(text: text, origin: origin)
            case 1: _ = try InventoryLoader.load(text: text, origin: origin, probes: registry)
            default:
                do { _ = try RecordAnswers.parse(text, source: origin) } catch { return named(error.description) }
            }
            return .accepted("loaded")
        } catch {
            return named(error.description)
        }
    }

    static func named(_ message: String) -> FuzzOutcome {
        message.contains(origin) ? .rejection(message, from: "yaml") : .violated("an error that does not name the file: \(message)")
    }
}
