import ArgumentParser
import CheckupCore
import Foundation

extension ProfileCommand {
    /// `checkup profile new`: a commented, valid starting point for a vendor's device.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new profile skeleton, valid as written, to fill in from the vendor's MIB or register map.",
            discussion: """
            Example:
              checkup profile new --vendor acme --family x200 --protocol snmp --kind camera
            writes device-profiles/cameras/acme-x200.yaml. Then: checkup profile validate FILE.
            """)
        @Option(help: "Vendor, lower case (the id starts with it).") var vendor: String
        @Option(help: "Product family (the id ends with it).") var family: String
        @Option(name: .customLong("protocol"), help: "snmp, modbus or pelco (with --from-capture: the capture's).") var protocolName: String?
        @Option(name: .customLong("from-capture"), help: ArgumentHelp("Scaffold from a capture (`checkup capture`): identify: and points from what the device answered.", valueName: "FILE"))
        var fromCapture: String?
        @Option(help: "Device kind: \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
        @Option(help: ArgumentHelp("Directory (default: device-profiles/<kind folder>).", valueName: "DIR")) var out: String?
        @Flag(help: "Overwrite an existing file.") var force = false

        func run() throws {
            guard let deviceKind = DeviceKind(rawValue: kind) else {
                throw CheckupError("unknown kind '\(kind)'; choose from \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let scaffold = try fromCapture.map(ProfileFromCapture.load)
            if let scaffold, let protocolName, protocolName != scaffold.capture.protocolName {
                throw CheckupError("--protocol \(protocolName), but \(scaffold.file) holds a \(scaffold.capture.protocolName) device")
            }
            guard let protocolName = scaffold?.capture.protocolName ?? protocolName else {
                throw CheckupError("give --protocol (snmp, modbus or pelco) or --from-capture FILE")
            }
            guard let template = try scaffold?.pointsAndChecks() ?? ProfileTemplates.points[protocolName] else {
                throw CheckupError("unknown protocol '\(protocolName)'; choose from \(ProfileTemplates.points.keys.sorted().joined(separator: ", "))")
            }
            let id = "\(vendor)-\(family)".lowercased().replacingOccurrences(of: " ", with: "-")
            guard id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
                throw CheckupError("'\(id)' is not a profile id: --vendor and --family take letters, digits and dashes")
            }
            let directory = out ?? "device-profiles/\(ProfileTemplates.folder(deviceKind))"
            let path = "\(directory)/\(id).yaml"
            if FileManager.default.fileExists(atPath: path) && !force { throw CheckupError("\(path) exists; use --force to overwrite") }
            let section = ProfileTemplates.section(deviceKind)
            let text = """
            # \(id): \(vendor) \(family). Format: device-profiles/README.md
            schema: 1
            id: \(id)
            protocol: \(protocolName)
            kind: \(deviceKind.rawValue)
            title: {zh: \(deviceKind.title.zh), en: \(vendor.capitalized) \(family)}
            vendor: \(vendor.capitalized)
            source: "fill in: the MIB, manual or register map the points come from\(scaffold.map { "; scaffolded from \($0.file)" } ?? "")"
            \(scaffold?.identify ?? "")
            record:
              section: \(section.rawValue)
              item: {zh: \(deviceKind.title.zh), en: \(deviceKind.title.en)}

            \(template)
            """
            // Validate before writing: a skeleton that does not load is never left behind.
            do { _ = try ProfileLoader(registry: Workspace().registry).load(text: text, origin: path, expectedID: id) } catch {
                throw CheckupError("the skeleton for \(id) does not validate (a bug in the template):\n\(error)")
            }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(path); fill in the points and checks, then: checkup profile validate \(path)")
        }
    }
}

/// Starting points per protocol for `profile new`: one point and one check, valid as written.
enum ProfileTemplates {
    static let points: [String: String] = [
        "snmp": """
        points:
          uptime:                      # sysUpTime, TimeTicks (1/100 s) → seconds
            oid: 1.3.6.1.2.1.1.3.0
            scale: 0.01
            unit: s

        checks:
          - id: uptime
            title: {zh: 运行时间, en: Uptime}
            point: uptime
            range: "86400:"            # warn when restarted in the last 24 h
            severity: warn
        """,
        "modbus": """
        points:
          mains-fault:                 # discrete input (FC02), 1 = fault: Sources/ModbusProbe/README.md
            table: discrete-input
            address: 0x0100

        checks:
          - id: mains
            title: {zh: 市电, en: Mains power}
            point: mains-fault
            map: {false: present, true: {name: mains failure, status: fail}}
        """,
        "pelco": """
        points:
          pan:
            query: pan

        checks:
          - id: answers
            title: {zh: 解码器应答, en: Decoder answers}
            point: pan
            range: "0:360"
        """,
    ]

    static func folder(_ kind: DeviceKind) -> String {
        switch kind {
        case .alarmHost, .detector: "alarm-hosts"
        case .camera: "cameras"
        case .recorder: "recorders"
        case .power: "power"
        case .ptzDecoder: "ptz-decoders"
        case .matrix, .monitor: "generic"
        }
    }

    static func section(_ kind: DeviceKind) -> RecordSection {
        switch kind {
        case .camera, .detector, .ptzDecoder: .frontEnd
        default: .centralControl
        }
    }
}
