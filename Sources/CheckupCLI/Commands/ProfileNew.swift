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
              checkup profile new --vendor acme --family x200 --kind camera \\
                --from-walk unit.walk

            Each writes device-profiles/cameras/acme-x200.yaml. Then: checkup profile validate FILE.
            """)
        @Option(help: "Vendor, lower case (the id starts with it).") var vendor: String
        @Option(help: "Product family (the id ends with it).") var family: String
        @Option(name: .customLong("protocol"), help: "The probe's protocol: snmp, modbus, pelco (with --from-walk: snmp; with --from-capture: the capture's).") var protocolName: String?
        @Option(name: .customLong("from-capture"), help: ArgumentHelp("Scaffold from a capture (`checkup capture`): identify: and points from what the device answered.", valueName: "FILE"))
        var fromCapture: String?
        @Option(help: "Device kind: \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
        @Option(name: .customLong("from-walk"), help: ArgumentHelp("Scaffold from a recording of the unit: `snmpwalk -On` output or .snmprec.", valueName: "FILE"))
        var fromWalk: String?
        @Option(help: ArgumentHelp("Directory (default: device-profiles/<kind folder>).", valueName: "DIR")) var out: String?
        @Flag(help: "Overwrite an existing file.") var force = false

        func validate() throws {
            if fromWalk != nil, let protocolName, protocolName != "snmp" {
                throw ValidationError("--from-walk reads an SNMP recording: --protocol is snmp (or leave it out)")
            }
            if fromWalk != nil && fromCapture != nil { throw ValidationError("give --from-walk or --from-capture, not both") }
            if fromWalk == nil && fromCapture == nil && protocolName == nil {
                throw ValidationError("give --protocol NAME (snmp, modbus, pelco), --from-walk FILE or --from-capture FILE")
            }
        }

        func run() throws {
            guard let deviceKind = DeviceKind(rawValue: kind) else {
                throw CheckupError("unknown kind '\(kind)'; choose from \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let scaffold = try fromCapture.map(ProfileFromCapture.load)
            if let scaffold, let protocolName, protocolName != scaffold.capture.protocolName {
                throw CheckupError("--protocol \(protocolName), but \(scaffold.file) holds a \(scaffold.capture.protocolName) device")
            }
            let registry = Workspace().registry
            guard let protocolName = scaffold?.capture.protocolName ?? protocolName ?? (fromWalk != nil ? "snmp" : nil) else {
                throw CheckupError("give --protocol (\(registry.protocolNames.joined(separator: ", "))) or --from-capture FILE")
            }
            guard let probe = registry.probe(forProtocol: protocolName) else {
                let hint = Suggest.closest(to: protocolName, in: registry.protocolNames).map { " (did you mean '\($0)'?)" } ?? ""
                throw CheckupError("unknown protocol '\(protocolName)'\(hint); choose from \(registry.protocolNames.joined(separator: ", "))")
            }
            // The probe's own skeleton, or identify: and points from the capture.
            let body = try scaffold.map { scaffold in
                let identify = scaffold.identify ?? "# No identify: the capture says nothing about what the device is; sites name the profile."
                return "\(identify)\n\n\(try scaffold.pointsAndChecks())"
            } ?? probe.profileSkeleton(vendor: vendor)
            let id = "\(vendor)-\(family)".lowercased().replacingOccurrences(of: " ", with: "-")
            guard id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
                throw CheckupError("'\(id)' is not a profile id: --vendor and --family take letters, digits and dashes")
            }
            let directory = out ?? "device-profiles/\(ProfileTemplates.folder(deviceKind))"
            let path = "\(directory)/\(id).yaml"
            if FileManager.default.fileExists(atPath: path) && !force { throw CheckupError("\(path) exists; use --force to overwrite") }
            let text: String
            if let fromWalk {
                let recording = try SNMPRecording.load(path: fromWalk)
                text = ProfileScaffold(id: id, vendor: vendor, family: family, kind: deviceKind,
                                       recording: recording, recordingPath: fromWalk).yaml
            } else {
                text = skeleton(id: id, kind: deviceKind, protocolName: protocolName, body: body, scaffold: scaffold)
            }
            // Validate before writing: a profile that does not load is never left behind.
            do { _ = try ProfileLoader(registry: registry).load(text: text, origin: path, expectedID: id) } catch {
                throw CheckupError("the new profile \(id) does not validate (a bug in `profile new`):\n\(error)")
            }
            try CommandOutput.write(Data(text.utf8), to: path)
            if let fromWalk {
                print("wrote \(path) from \(fromWalk); edit the points and checks, then: checkup profile validate \(path)")
                print("try it live: checkup simulate snmp-agent --from \(fromWalk), then checkup probe URL --profile \(id) --profiles \(directory)")
            } else {
                print("wrote \(path); fill in the points and checks, then: checkup profile validate \(path)")
            }
        }

        private func skeleton(id: String, kind deviceKind: DeviceKind, protocolName: String, body: String,
                              scaffold: ProfileFromCapture?) -> String {
            let section = ProfileTemplates.section(deviceKind)
            return """
            # \(id): \(vendor) \(family). Format: device-profiles/README.md
            schema: 1
            id: \(id)
            protocol: \(protocolName)
            kind: \(deviceKind.rawValue)
            title: {zh: \(deviceKind.title.zh), en: \(vendor.capitalized) \(family)}
            vendor: \(vendor.capitalized)
            source: "fill in: the MIB, manual or register map the points come from\(scaffold.map { "; scaffolded from \($0.file)" } ?? "")"
            record:
              section: \(section.rawValue)
              item: {zh: \(deviceKind.title.zh), en: \(deviceKind.title.en)}

            \(body)

            """
        }
    }
}

/// Where `profile new` puts a kind of device, and its record section.
enum ProfileTemplates {
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
