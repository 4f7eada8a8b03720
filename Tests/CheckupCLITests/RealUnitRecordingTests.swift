import CheckupCore
import DeviceSimulators
import Foundation
import Testing

/// Issue 11's first "done when": recordings shaped like real units (device-profiles/*/fixtures/
/// recordings/, written from the facts of public recordings), served by snmpsim and probed with
/// `checkup probe URL` and no `--profile`, as a technician meets them: the vendor's profile is
/// picked, no row is `error`, and no object the unit lacks is a fault.
@Suite(.serialized) struct RealUnitRecordingTests {
    struct Unit: Sendable, CustomStringConvertible {
        var recording: String
        var profile: String
        var description: String { profile }
    }

    static let units = [
        Unit(recording: "recorders/fixtures/recordings/hikvision-nvr.snmprec", profile: "hikvision-nvr"),
        Unit(recording: "cameras/fixtures/recordings/hikvision-camera.snmprec", profile: "hikvision-camera"),
        Unit(recording: "recorders/fixtures/recordings/dahua-nvr.snmprec", profile: "dahua-nvr"),
        Unit(recording: "cameras/fixtures/recordings/axis-camera.snmprec", profile: "axis-camera"),
        Unit(recording: "power/fixtures/recordings/ups-mib.snmprec", profile: "ups-mib"),
    ]

    static let profilesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../device-profiles").standardizedFileURL

    @Test(arguments: units)
    func probeWithoutAProfilePicksTheVendorAndFaultsNothingTheUnitLacks(_ unit: Unit) async throws {
        let recording = try SNMPRecording.load(path: Self.profilesRoot.appendingPathComponent(unit.recording).path)
        let agent = try await SNMPRecordingAgent.start(recording: recording)
        let url = agent.snmpURL
        let outcome = await BlockingIO.shared.run { Result { try CLI.run(["probe", url, "--format", "json", "--timeout", "2"]) } }
        await agent.stop()
        let out = try outcome.get()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.all)")
        let chosen = ((json["devices"] as? [[String: Any]])?.first?["profile"] as? String) ?? "none"
        #expect(chosen == unit.profile, "identified as \(chosen), not \(unit.profile)")

        let results = (json["results"] as? [[String: Any]]) ?? []
        #expect(!results.isEmpty, "\(out.all)")
        for result in results {
            let check = (result["check"] as? String) ?? "?"
            let status = (result["status"] as? String) ?? "?"
            let observed = (result["observed"] as? String) ?? ""
            let evidence = ((result["evidence"] as? [String]) ?? []).joined(separator: "; ")
            let finding = (result["finding"] as? [String: Any]).map { Array($0.keys) } ?? []
            let lacking = finding.contains("notSupported") || observed.hasPrefix("absent") || observed.contains("absent (")
                || evidence.contains("noSuch")
            #expect(status != "error", "\(chosen) \(check): error on a real unit's recording: \(observed)")
            #expect(!(lacking && ["warn", "fail", "error", "unreachable"].contains(status)),
                    "\(chosen) \(check): \(status) for an object the unit does not have: \(observed) [\(evidence)]")
            #expect(status != "fail", "\(chosen) \(check): a healthy unit fails: \(observed)")
        }
    }
}
