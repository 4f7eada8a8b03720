import CheckupCore
import Foundation

/// The active steps on a Pelco-D decoder: the motion test, the preset-recall test and manual
/// commands. Each one returns the head to where it was. Needs an `ActivePermission`.
struct ActivePelcoD {
    let session: PelcoDSession
    let permission: ActivePermission
    /// Time between position polls while the head moves.
    var pollInterval: Duration = .milliseconds(100)

    init(session: PelcoDSession, permission: ActivePermission) {
        self.session = session
        self.permission = permission
    }

    /// Outcome of a step: the value for the point and its evidence.
    struct Outcome {
        var value: Value
        var evidence: String
    }

    /// A command the head may or may not acknowledge (plain decoders stay silent): a short wait.
    private func command(_ command: PelcoDCommand, label: String) async {
        let replyWait = session.line.settings.wireTime(8) + .milliseconds(50)
        _ = await session.send(command, label: "\(permission.point): \(label)", replyTimeout: replyWait)
    }

    /// The axis position in degrees, or nil when the decoder did not answer usably.
    private func read(_ axis: PTZPointAddress.Axis) async -> Double? {
        guard case .reply(.extended(_, _, let word), _, _) = await session.ask(axis == .pan ? .pan : .tilt) else { return nil }
        return axis == .pan ? PelcoAngles.panDegrees(word) : PelcoAngles.tiltDegrees(word)
    }

    private func readZoom() async -> UInt16? {
        if case .reply(.extended(_, _, let word), _, _) = await session.ask(.zoom) { return word }
        return nil
    }

    private func difference(_ axis: PTZPointAddress.Axis, from: Double, to: Double) -> Double {
        axis == .pan ? PelcoAngles.panDifference(from: from, to: to) : to - from
    }

    private func setPosition(_ axis: PTZPointAddress.Axis, _ degrees: Double) async {
        let word = axis == .pan ? PelcoAngles.panWord(degrees) : PelcoAngles.tiltWord(degrees)
        await command(axis == .pan ? .setPan(word) : .setTilt(word),
                      label: "set \(axis.rawValue) \(Self.degrees(degrees))")
    }

    /// Polls the axes until they reach `targets` (within `tolerance`) or stop changing, or `settle` runs out.
    private func settle(_ targets: [(PTZPointAddress.Axis, Double?)], tolerance: Double, settle: Double) async -> [Double]? {
        let clock = ContinuousClock()
        let start = clock.now
        let limit = start + .milliseconds(Int64(settle * 1000))
        var previous: [Double]?
        while true {
            try? await Task.sleep(for: pollInterval)
            var now: [Double] = []
            for (axis, _) in targets {
                guard let v = await read(axis) else { return previous }
                now.append(v)
            }
            let reached = zip(targets, now).allSatisfy { target, value in
                target.1.map { abs(difference(target.0, from: $0, to: value)) <= tolerance } ?? false
            }
            let stable = previous.map { zip($0, now).allSatisfy { abs($0 - $1) < 0.005 } } ?? false
            if reached || (stable && clock.now - start >= .milliseconds(300)) || clock.now >= limit { return now }
            previous = now
        }
    }

    /// Reads the position, moves one axis by `step` degrees, checks direction and amount, and returns.
    func motionTest(_ a: PTZPointAddress) async -> Outcome {
        let axis = a.axis
        guard let origin = await read(axis) else {
            return Outcome(value: .error("motion test: the \(axis.rawValue) position could not be read before moving"), evidence: "")
        }
        let target = axis == .pan ? PelcoAngles.panDegrees(PelcoAngles.panWord(origin + a.step)) : origin + a.step
        await setPosition(axis, target)
        let reached = await settle([(axis, target)], tolerance: a.tolerance, settle: a.settle)?.first
        await setPosition(axis, origin)
        let back = await settle([(axis, origin)], tolerance: a.tolerance, settle: a.settle)?.first

        var problems: [String] = []
        if let reached {
            let moved = difference(axis, from: origin, to: reached)
            if abs(moved) < min(a.tolerance, abs(a.step) / 2) {
                problems.append("did not move (\(axis.rawValue) stayed at \(Self.degrees(reached)))")
            } else if (moved > 0) != (a.step > 0) {
                problems.append("moved the wrong way (\(Self.signed(moved)) for a step of \(Self.signed(a.step)))")
            } else if abs(moved - a.step) > a.tolerance {
                problems.append("moved \(Self.signed(moved)) for a step of \(Self.signed(a.step))")
            }
        } else {
            problems.append("position unreadable after the move")
        }
        if let back {
            if abs(difference(axis, from: origin, to: back)) > a.tolerance {
                problems.append("did not return (at \(Self.degrees(back)), started at \(Self.degrees(origin)))")
            }
        } else {
            problems.append("position unreadable after returning")
        }
        let evidence = "\(axis.rawValue) \(Self.degrees(origin)) → \(reached.map(Self.degrees) ?? "?") (step \(Self.signed(a.step))) → \(back.map(Self.degrees) ?? "?")"
        return Outcome(value: .text(problems.isEmpty ? "ok" : problems.joined(separator: "; ")), evidence: evidence)
    }

    /// Recalls a preset, checks where the head lands (when the profile says where), and returns.
    func presetTest(_ a: PTZPointAddress) async -> Outcome {
        let preset = UInt8(clamping: a.preset ?? 1)
        guard let pan0 = await read(.pan), let tilt0 = await read(.tilt) else {
            return Outcome(value: .error("preset test: the position could not be read before moving"), evidence: "")
        }
        let zoom0 = await readZoom()
        let expectsPosition = a.pan != nil || a.tilt != nil
        /// Recalls the preset, lets the head settle, and brings it back to where it started.
        func recallAndReturn() async -> (landed: [Double]?, back: [Double]?) {
            await command(.goToPreset(preset), label: "go to preset \(preset)")
            let landed = await settle([(.pan, a.pan), (.tilt, a.tilt)], tolerance: a.tolerance, settle: a.settle)
            await setPosition(.pan, pan0)
            await setPosition(.tilt, tilt0)
            if let zoom0 { await command(.setZoom(zoom0), label: "set zoom \(zoom0)") }
            let back = await settle([(.pan, pan0), (.tilt, tilt0)], tolerance: a.tolerance, settle: a.settle)
            return (landed, back)
        }
        let first = await recallAndReturn()
        let landed = first.landed
        var back = first.back
        // With no expected position, recall twice from the same start: a preset that does not
        // land in the same place twice (a slipping head, a lost zero) is what can be caught.
        var again: [Double]?
        if !expectsPosition, landed != nil {
            let second = await recallAndReturn()
            again = second.landed
            back = second.back
        }

        var problems: [String] = []
        if let landed, landed.count == 2 {
            var off: [String] = []
            if let p = a.pan, abs(PelcoAngles.panDifference(from: p, to: landed[0])) > a.tolerance { off.append("pan \(Self.degrees(landed[0])) instead of \(Self.degrees(p))") }
            if let t = a.tilt, abs(landed[1] - t) > a.tolerance { off.append("tilt \(Self.degrees(landed[1])) instead of \(Self.degrees(t))") }
            if !off.isEmpty { problems.append("preset \(preset) landed at " + off.joined(separator: ", ")) }
            if let again, again.count == 2,
               abs(PelcoAngles.panDifference(from: landed[0], to: again[0])) > a.tolerance || abs(again[1] - landed[1]) > a.tolerance {
                problems.append("preset \(preset) is not repeatable: landed at pan \(Self.degrees(landed[0])), tilt \(Self.degrees(landed[1])), " +
                                "then at pan \(Self.degrees(again[0])), tilt \(Self.degrees(again[1]))")
            }
        } else {
            problems.append("position unreadable after recalling preset \(preset)")
        }
        if let back, back.count == 2 {
            if abs(PelcoAngles.panDifference(from: pan0, to: back[0])) > a.tolerance || abs(back[1] - tilt0) > a.tolerance {
                problems.append("did not return (at pan \(Self.degrees(back[0])), tilt \(Self.degrees(back[1])))")
            }
        } else {
            problems.append("position unreadable after returning")
        }
        let at = landed.map { "pan \(Self.degrees($0[0])), tilt \(Self.degrees($0[1]))" } ?? "?"
        let evidence = "pan \(Self.degrees(pan0)), tilt \(Self.degrees(tilt0)) → preset \(preset) at \(at) → back"
        return Outcome(value: .text(problems.isEmpty ? "ok" : problems.joined(separator: "; ")), evidence: evidence)
    }

    /// Sends a manual command (a motion runs `duration` seconds, then stops); a person confirms.
    func manualCommand(_ a: PTZPointAddress, _ c: PTZPointAddress.Command) async -> Outcome {
        let speed = UInt8(clamping: a.speed)
        let motion: PelcoDMotion?
        switch c {
        case .goToPreset:
            let preset = UInt8(clamping: a.preset ?? 1)
            await command(.goToPreset(preset), label: "go to preset \(preset)")
            return Outcome(value: .text(ManualStep.sent), evidence: "go to preset \(preset) sent")
        case .stop: motion = nil
        case .panLeft: motion = .pan(right: false, speed: speed)
        case .panRight: motion = .pan(right: true, speed: speed)
        case .tiltUp: motion = .tilt(up: true, speed: speed)
        case .tiltDown: motion = .tilt(up: false, speed: speed)
        case .zoomIn: motion = PelcoDMotion(zoomTele: true)
        case .zoomOut: motion = PelcoDMotion(zoomWide: true)
        }
        if let motion {
            await command(.standard(motion), label: c.rawValue)
            try? await Task.sleep(for: .milliseconds(Int64(a.duration * 1000)))
        }
        await command(.standard(.stop), label: "stop")
        return Outcome(value: .text(ManualStep.sent), evidence: "\(c.rawValue) sent\(motion == nil ? "" : " for \(a.duration) s, then stop")")
    }

    static func degrees(_ d: Double) -> String { String(format: "%.2f°", d) }
    static func signed(_ d: Double) -> String { String(format: "%+.2f°", d) }
}

/// Texts of manual (operator-confirmed) steps.
enum ManualStep {
    static let sent = "command sent, confirm on site"
}
