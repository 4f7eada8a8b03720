import ArgumentParser
import CheckupCore
import Foundation

extension ProfileCommand {
    /// `checkup profile schema`: the profile JSON Schema editors use, its protocol list and each
    /// protocol's point keys generated from the probes this checkup has.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the profile JSON Schema, with the protocols and point keys of the probes built in.",
            discussion: "device-profiles/schema/profile.schema.json is this output: checkup profile schema > device-profiles/schema/profile.schema.json")

        func run() throws {
            guard let base = Workspace.embeddedFile(ProfileSchema.path) else {
                throw CheckupError("no \(ProfileSchema.path) embedded in this checkup (a build problem)")
            }
            print(try ProfileSchema.generate(from: base, probes: Workspace().registry), terminator: "")
        }
    }
}

/// The generated parts of the profile schema: `protocol`'s list, and for each protocol an
/// `if protocol is X then its points take X's address keys and the shared ones`.
enum ProfileSchema {
    static let path = "schema/profile.schema.json"

    static func generate(from base: String, probes: ProbeRegistry) throws -> String {
        guard var root = try JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any],
              var properties = root["properties"] as? [String: Any], var protocolName = properties["protocol"] as? [String: Any],
              let definitions = root["$defs"] as? [String: Any], let point = definitions["point"] as? [String: Any],
              let shared = (point["properties"] as? [String: Any])?.keys else {
            throw CheckupError("\(path): not the profile schema (properties.protocol, $defs.point.properties)")
        }
        protocolName["enum"] = probes.protocolNames
        properties["protocol"] = protocolName
        root["properties"] = properties
        root["allOf"] = probes.probes.sorted { $0.protocolName < $1.protocolName }.map { probe -> [String: Any] in
            let keys = Array(Set(shared).union(probe.addressKeys)).sorted()
            return ["if": ["properties": ["protocol": ["const": probe.protocolName]], "required": ["protocol"]],
                    "then": ["properties": ["points": ["additionalProperties": ["propertyNames": ["enum": keys]]]]]]
        }
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
