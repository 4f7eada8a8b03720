import ArgumentParser
import CheckupCore
import DeviceSimulators
import Foundation

extension ProfileCommand {
    /// `checkup profile new`: a commented, valid starting point for a vendor's device, blank or
    /// scaffolded from a recording of the unit (`--from-walk`).
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new profile, valid as written: a skeleton, or scaffolded from a walk of the unit.",
            discussion: """
            Examples:
              checkup profile new --vendor acme --family x200 --protocol snmp --kind camera
              snmpwalk -On -v2c -c public 10.0.0.20 .1 > unit.walk
              checkup profile new --vendor acme --family x200 --kind camera --from-walk unit.walk
            write device-profiles/cameras/acme-x200.yaml. Then: checkup profile validate FILE.
            """)
        @Option(help: "Vendor, lower case (the id starts with it).") var vendor: String
        @Option(help: "Product family (the id ends with it).") var family: String
        @Option(name: .customLong("protocol"), help: "snmp, modbus or pelco (snmp with --from-walk).") var protocolName: String?
        @Option(help: "Device kind: \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
        @Option(name: .customLong("from-walk"), help: ArgumentHelp("Scaffold from a recording of the unit: `snmpwalk -On` output or .snmprec.", valueName: "FILE"))
        var fromWalk: String?
        @Option(help: ArgumentHelp("Directory (default: device-profiles/<kind folder>).", valueName: "DIR")) var out: String?
        @Flag(help: "Overwrite an existing file.") var force = false

        func validate() throws {
            if fromWalk != nil, let protocolName, protocolName != "snmp" {
                throw ValidationError("--from-walk reads an SNMP recording: --protocol is snmp (or leave it out)")
            }
            if fromWalk == nil && protocolName == nil { throw ValidationError("give --protocol snmp|modbus|pelco, or --from-walk FILE") }
        }

        func run() throws {
            guard let deviceKind = DeviceKind(rawValue: kind) else {
                throw CheckupError("unknown kind '\(kind)'; choose from \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let protocolName = self.protocolName ?? "snmp"
            guard let template = ProfileTemplates.points[protocolName] else {
                throw CheckupError("unknown protocol '\(protocolName)'; choose from \(ProfileTemplates.points.keys.sorted().joined(separator: ", "))")
            }
            let id = "\(vendor)-\(family)".lowercased().replacingOccurrences(of: " ", with: "-")
            guard id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
                throw CheckupError("'\(id)' is not a profile id: --vendor and --family take letters, digits and dashes")
            }
            let directory = out ?? "device-profiles/\(ProfileTemplates.folder(deviceKind))"
            let path = "\(directory)/\(id).yaml"
            if FileManager.default.fileExists(atPath: path) && !force { throw CheckupError("\(path) exists; use --force to overwrite") }
            let text: String
            if let fromWalk {
                let recording: SNMPRecording
                do { recording = try SNMPRecording.load(path: fromWalk) } catch { throw CheckupError(error.description) }
                text = ProfileScaffold(id: id, vendor: vendor, family: family, kind: deviceKind,
                                       recording: recording, recordingPath: fromWalk).yaml
            } else {
                text = skeleton(id: id, kind: deviceKind, protocolName: protocolName, template: template)
            }
            // Validate before writing: a profile that does not load is never left behind.
            do { _ = try ProfileLoader(registry: Workspace().registry).load(text: text, origin: path, expectedID: id) } catch {
                throw CheckupError("the new profile \(id) does not validate (a bug in `profile new`):\n\(error)")
            }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            if let fromWalk {
                print("wrote \(path) from \(fromWalk); edit the points and checks, then: checkup profile validate \(path)")
                print("try it live: checkup simulate snmp-agent --from \(fromWalk), then checkup probe URL --profile \(id) --profiles \(directory)")
            } else {
                print("wrote \(path); fill in the points and checks, then: checkup profile validate \(path)")
            }
        }

        private func skeleton(id: String, kind deviceKind: DeviceKind, protocolName: String, template: String) -> String {
            let section = ProfileTemplates.section(deviceKind)
            return """
            # \(id): \(vendor) \(family). Format: device-profiles/README.md
            schema: 1
            id: \(id)
            protocol: \(protocolName)
            kind: \(deviceKind.rawValue)
            title: {zh: \(deviceKind.title.zh), en: \(vendor.capitalized) \(family)}
            vendor: \(vendor.capitalized)
            source: "fill in: the MIB, manual or register map the points come from"
            \(ProfileTemplates.identify(protocolName, vendor: vendor))
            record:
              section: \(section.rawValue)
              item: {zh: \(deviceKind.title.zh), en: \(deviceKind.title.en)}

            \(template)
            """
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

    /// How `checkup probe URL` without --profile finds the profile: a guess from the vendor's
    /// name, to be replaced with the unit's own sysObjectID or model string.
    static func identify(_ protocolName: String, vendor: String) -> String {
        let name = NSRegularExpression.escapedPattern(for: vendor).replacingOccurrences(of: "'", with: "''")
        switch protocolName {
        case "snmp":
            return """
            identify:                          # `checkup probe URL` without --profile picks the profile that matches
              sys-descr: '(?i)\(name)'          # fill in: a regex on sysDescr (snmpget -On -v2c -c public HOST 1.3.6.1.2.1.1.1.0)
              # sys-object-id: [1.3.6.1.4.1.N]   # better still: the family's sysObjectID prefix (… 1.3.6.1.2.1.1.2.0)
            """
        case "modbus":
            return """
            identify:                          # the device-identification model string (FC 0x2B/0x0E), if the unit answers it
              model: '(?i)\(name)'
            """
        default:
            return "# No identify: \(protocolName) devices do not say what they are; sites name the profile."
        }
    }

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
