import CheckupCore
import Foundation

/// Turns devices into pipeline jobs: profile, probe and secrets, with every mismatch reported.
struct JobPlanner {
    var workspace: Workspace
    var credentialsFile: CredentialsFile
    var environment = Credentials.fromEnvironment()

    func job(for device: Device) throws -> Job {
        let profile = try workspace.profile(device.profile)
        let probe = try workspace.probe(for: profile, endpoint: device.endpoint)
        let credentials = try credentialsFile.credentials(for: device, environment: environment)
        return Job(device: device, profile: profile, probe: probe, credentials: credentials)
    }

    /// A device for a bare endpoint URL on the command line (`checkup probe URL`).
    static func adHocDevice(_ endpoint: Endpoint, profile: Profile) -> Device {
        let id = endpoint.host.map { h in endpoint.port.map { "\(h):\($0)" } ?? h } ?? endpoint.path ?? endpoint.scheme
        let unit = endpoint.query["unit"] ?? endpoint.query["address"]
        return Device(id: unit.map { "\(id)#\($0)" } ?? id, name: profile.title.en, kind: profile.kind ?? .camera,
                      profile: profile.id, endpoint: endpoint)
    }
}
