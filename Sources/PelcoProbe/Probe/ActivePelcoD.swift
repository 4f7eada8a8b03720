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
        guard case .reply(.extended(_, _, let word), _, _) = await session.ask(axis == .pan ? .pan : .tilt),
              PelcoAngles.outOfRange(word, axis: axis.rawValue) == nil else { return nil }
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
        let limit = start + PTZPointAddress.duration(seconds: settle, within: 120)
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

    /// Moves the head a little away, recalls a preset, checks that the head moved and where it
    /// landed (when the profile says where), and returns it to where it was. Moving away first
    /// is what catches a preset that was never set: the decoder ignores the recall and the
    /// head stays put, which from the start position could look like a perfect landing.
    func presetTest(_ a: PTZPointAddress) async -> Outcome {
        let preset = UInt8(clamping: a.preset ?? 1)
        guard let pan0 = await read(.pan), let tilt0 = await read(.tilt) else {
            return Outcome(value: .error("preset test: the position could not be read before moving"), evidence: "")
        }
        let zoom0 = await readZoom()
        let expectsPosition = a.pan != nil || a.tilt != nil
        // Far enough that "did not move" cannot hide within the tolerance; away from the
        // expected pan, so the away position is never where the preset should land.
        let offset = min(max(10, 3 * a.tolerance), 90)
        var awayPan = PelcoAngles.panDegrees(PelcoAngles.panWord(pan0 + offset))
        if let p = a.pan, abs(PelcoAngles.panDifference(from: p, to: awayPan)) <= offset / 2 {
            awayPan = PelcoAngles.panDegrees(PelcoAngles.panWord(pan0 - offset))
        }

        /// One recall from the away position: where the head was before it and where it landed.
        func recallFromAway() async -> (away: [Double]?, landed: [Double]?) {
            await setPosition(.pan, awayPan)
            let away = await settle([(.pan, awayPan), (.tilt, tilt0)], tolerance: a.tolerance, settle: a.settle)
            await command(.goToPreset(preset), label: "go to preset \(preset)")
            let landed = await settle([(.pan, a.pan), (.tilt, a.tilt)], tolerance: a.tolerance, settle: a.settle)
            return (away, landed)
        }
        let first = await recallFromAway()
        // With no expected position, recall twice: a preset that does not land in the same
        // place twice (a slipping head, a lost zero) is what can be caught.
        var second: (away: [Double]?, landed: [Double]?)?
        if !expectsPosition, first.landed != nil {
            second = await recallFromAway()
        }
        await setPosition(.pan, pan0)
        await setPosition(.tilt, tilt0)
        if let zoom0 { await command(.setZoom(zoom0), label: "set zoom \(zoom0)") }
        let back = await settle([(.pan, pan0), (.tilt, tilt0)], tolerance: a.tolerance, settle: a.settle)

        var problems: [String] = []
        if let landed = first.landed, landed.count == 2 {
            if let away = first.away, away.count == 2, !moved(from: away, to: landed, tolerance: a.tolerance) {
                problems.append("the head did not move on recalling preset \(preset) (stayed at pan \(Self.degrees(landed[0])), " +
                                "tilt \(Self.degrees(landed[1]))): is the preset set?")
            }
            var off: [String] = []
            if let p = a.pan, abs(PelcoAngles.panDifference(from: p, to: landed[0])) > a.tolerance { off.append("pan \(Self.degrees(landed[0])) instead of \(Self.degrees(p))") }
            if let t = a.tilt, abs(landed[1] - t) > a.tolerance { off.append("tilt \(Self.degrees(landed[1])) instead of \(Self.degrees(t))") }
            if !off.isEmpty { problems.append("preset \(preset) landed at " + off.joined(separator: ", ")) }
            if let again = second?.landed, again.count == 2, problems.isEmpty,
               moved(from: landed, to: again, tolerance: a.tolerance) {
                problems.append("preset \(preset) is not repeatable: landed at pan \(Self.degrees(landed[0])), tilt \(Self.degrees(landed[1])), " +
                                "then at pan \(Self.degrees(again[0])), tilt \(Self.degrees(again[1]))")
            }
        } else {
            problems.append("position unreadable after recalling preset \(preset)")
        }
        if let back, back.count == 2 {
            if moved(from: [pan0, tilt0], to: back, tolerance: a.tolerance) {
                problems.append("did not return (at pan \(Self.degrees(back[0])), tilt \(Self.degrees(back[1])))")
            }
        } else {
            problems.append("position unreadable after returning")
        }
        let at = first.landed.map { "pan \(Self.degrees($0[0])), tilt \(Self.degrees($0[1]))" } ?? "?"
        let evidence = "pan \(Self.degrees(pan0)), tilt \(Self.degrees(tilt0)) → away to pan \(Self.degrees(awayPan)) → preset \(preset) at \(at) → back"
        return Outcome(value: .text(problems.isEmpty ? "ok" : problems.joined(separator: "; ")), evidence: evidence)
    }

    /// True when `[pan, tilt]` positions differ by more than `tolerance` on either axis.
    private func moved(from a: [Double], to b: [Double], tolerance: Double) -> Bool {
        abs(PelcoAngles.panDifference(from: a[0], to: b[0])) > tolerance || abs(b[1] - a[1]) > tolerance
    }

    /// Sends a manual command (a motion runs `duration` seconds, then stops); a person confirms.
    func manualCommand(_ a: PTZPointAddress, _ c: PTZPointAddress.Command) async -> Outcome {
        let speed = UInt8(clamping: a.speed)
        let motion: PelcoMotion?
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
        case .zoomIn: motion = PelcoMotion(zoomTele: true)
        case .zoomOut: motion = PelcoMotion(zoomWide: true)
        }
        if let motion {
            await command(.standard(motion), label: c.rawValue)
            try? await Task.sleep(for: a.runTime)
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
