import CheckupCore
import DeviceSimulators
import Foundation

/// `profile test --replay CAPTURE.json`: serves the capture through its protocol's real path
/// and probes it live with the profile, the device's clock pinned to the capture's moment.
struct CaptureReplay {
    var workspace: Workspace
    var profile: Profile
    var file: String

    func run(_ data: Data) async throws -> ReplayOutcome {
        let capture: Capture
        do { capture = try Capture.decode(data) } catch let error as CaptureFormatError {
            throw CheckupError("\(file): \(error)")
        } catch {
            throw CheckupError("\(file) is not a capture file: \(error)")
        }
        guard capture.profile == profile.id else {
            throw CheckupError("\(file) was captured with profile '\(capture.profile)', not '\(profile.id)': checkup profile test \(capture.profile) --replay \(file)")
        }
        guard capture.protocolName == profile.protocolName else {
            throw CheckupError("\(file) holds a \(capture.protocolName) device; profile '\(profile.id)' speaks \(profile.protocolName)")
        }
        let evaluator = Evaluator(now: capture.capturedAt)
        if let unreachable = capture.unreachable {
            let results = evaluator.evaluate(profile, readings: .unreachable(unreachable), device: "replay")
            return ReplayOutcome(at: capture.capturedAt, endpoint: capture.endpoint, unreachable: unreachable,
                                 results: results, expect: capture.expect)
        }
        let device: CapturedDevice
        do { device = try await CapturedDevice.serve(capture) } catch {
            throw CheckupError("\(file): cannot serve the capture: \(error)")
        }
        let readings: Readings
        do {
            let endpoint = try workspace.registry.endpoint(parsing: device.endpoint)
            let probe = try workspace.probe(for: profile, endpoint: endpoint)
            let capturedAt = capture.capturedAt
            let context = ProbeContext(timeout: .seconds(2), retries: 0, now: { capturedAt })
            readings = await probe.read(ActiveSteps.refused.points(of: profile), from: endpoint, context: context)
        } catch {
            await device.stopServing()
            throw error
        }
        await device.stopServing()
        let results = evaluator.evaluate(profile, readings: readings, device: "replay")
        return ReplayOutcome(at: capture.capturedAt, endpoint: capture.endpoint, unreachable: readings.unreachable,
                             results: results, expect: capture.expect, notes: device.notes)
    }
}
