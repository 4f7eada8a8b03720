/// How a profile addresses a PTZ decoder point: a passive query, an active test, or a command.
///
/// ```yaml
/// pan:        {query: pan}                       # degrees 0–359.99 (0x51 → 0x59)
/// tilt:       {query: tilt}                      # degrees, positive below the horizon (0x53 → 0x5B)
/// zoom:       {query: zoom}                      # 0–65535 of the lens range (0x55 → 0x5D)
/// reply-time: {query: reply-time}                # ms, request sent → reply received
/// motion:     {test: motion, axis: pan, step: 5, tolerance: 1, active: true}
/// preset-1:   {test: preset, preset: 1, pan: 120, tilt: 10, tolerance: 1, active: true}
/// send-1:     {command: go-to-preset, preset: 1, active: true}     # Pelco-P manual steps
/// ```
/// Exactly one of `query`, `test`, `command`. See Sources/PelcoProbe/README.md.
package struct PTZPointAddress: Sendable, Hashable, Decodable {
    package enum Query: String, Sendable, Hashable, Decodable, CaseIterable {
        case pan, tilt, zoom, magnification
        case partNumber = "part-number"
        case replyTime = "reply-time"
    }

    package enum Test: String, Sendable, Hashable, Decodable, CaseIterable {
        case motion, preset
    }

    package enum Axis: String, Sendable, Hashable, Decodable, CaseIterable {
        case pan, tilt
    }

    package enum Command: String, Sendable, Hashable, Decodable, CaseIterable {
        case goToPreset = "go-to-preset"
        case panLeft = "pan-left", panRight = "pan-right", tiltUp = "tilt-up", tiltDown = "tilt-down"
        case zoomIn = "zoom-in", zoomOut = "zoom-out"
        case stop
    }

    package enum Kind: Sendable, Hashable {
        case query(Query)
        case test(Test)
        case command(Command)
    }

    package var kind: Kind
    /// Preset id for `test: preset` and `command: go-to-preset` (1–255 but 33 and 34, which mean flip and zero pan).
    package var preset: Int?
    /// Motion test axis (default pan).
    package var axis: Axis
    /// Motion test step in degrees, signed (default +5).
    package var step: Double
    /// Allowed position error in degrees (default 1).
    package var tolerance: Double
    /// Expected preset position, degrees.
    package var pan: Double?
    package var tilt: Double?
    /// Seconds to wait for the head to settle (default 10).
    package var settle: Double
    /// Speed 0–63 for manual motion commands (default 32).
    package var speed: Int
    /// Seconds a manual motion command runs before the stop (default 0.5).
    package var duration: Double

    package init(kind: Kind, preset: Int? = nil, axis: Axis = .pan, step: Double = 5, tolerance: Double = 1,
                pan: Double? = nil, tilt: Double? = nil, settle: Double = 10, speed: Int = 32, duration: Double = 0.5) {
        self.kind = kind
        self.preset = preset
        self.axis = axis
        self.step = step
        self.tolerance = tolerance
        self.pan = pan
        self.tilt = tilt
        self.settle = settle
        self.speed = speed
        self.duration = duration
    }

    enum Key: String, CodingKey, CaseIterable {
        case query, test, command, preset, axis, step, tolerance, pan, tilt, settle, speed, duration
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(Key.allCases.map(\.rawValue))
        if let unknown = all.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: all, debugDescription:
                "unknown key '\(unknown.stringValue)' for a pelco point; expected one of \(Key.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let c = try decoder.container(keyedBy: Key.self)
        let query = try c.decodeIfPresent(Query.self, forKey: .query)
        let test = try c.decodeIfPresent(Test.self, forKey: .test)
        let command = try c.decodeIfPresent(Command.self, forKey: .command)
        let kinds: [Kind] = [query.map(Kind.query), test.map(Kind.test), command.map(Kind.command)].compactMap { $0 }
        guard kinds.count == 1, let kind = kinds.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "a pelco point needs exactly one of 'query' (\(Query.allCases.map(\.rawValue).joined(separator: "|"))), " +
                "'test' (\(Test.allCases.map(\.rawValue).joined(separator: "|"))) or 'command' (\(Command.allCases.map(\.rawValue).joined(separator: "|")))"))
        }
        self.init(kind: kind,
                  preset: try c.decodeIfPresent(Int.self, forKey: .preset),
                  axis: try c.decodeIfPresent(Axis.self, forKey: .axis) ?? .pan,
                  step: try c.decodeIfPresent(Double.self, forKey: .step) ?? 5,
                  tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? 1,
                  pan: try c.decodeIfPresent(Double.self, forKey: .pan),
                  tilt: try c.decodeIfPresent(Double.self, forKey: .tilt),
                  settle: try c.decodeIfPresent(Double.self, forKey: .settle) ?? 10,
                  speed: try c.decodeIfPresent(Int.self, forKey: .speed) ?? 32,
                  duration: try c.decodeIfPresent(Double.self, forKey: .duration) ?? 0.5)
    }

    /// What is wrong beyond decoding (ranges, missing preset), for the profile author.
    package var problem: String? {
        switch kind {
        case .test(.preset), .command(.goToPreset):
            guard let preset else { return "'preset' (1–255) is required here" }
            if !(1...255).contains(preset) { return "preset \(preset) is outside 1–255" }
            if preset == 33 || preset == 34 { return "preset \(preset) is reserved (33 = flip, 34 = go to zero pan)" }
        case .test(.motion):
            // Range containment, not `<`/`>` tests: NaN fails every comparison and would slip through.
            if step == 0 || !(-90...90).contains(step) { return "step must be a non-zero number of degrees within ±90" }
        default: break
        }
        if !(0...63).contains(speed) { return "speed must be 0–63" }
        if !(0...360).contains(tolerance) { return "tolerance must be 0–360 degrees" }
        if let pan, !(-360...360).contains(pan) { return "pan must be a number of degrees within ±360" }
        if let tilt, !(-180...180).contains(tilt) { return "tilt must be a number of degrees within ±180" }
        if !(0.001...120).contains(settle) { return "settle must be 0–120 seconds" }
        if !(0.001...10).contains(duration) { return "duration must be 0–10 seconds" }
        return nil
    }

    /// `settle` as a Duration, kept within 0–120 s even for an address that skipped validation.
    var settleTime: Duration { Self.duration(seconds: settle, within: 120) }
    /// `duration` as a Duration, kept within 0–10 s even for an address that skipped validation.
    var runTime: Duration { Self.duration(seconds: duration, within: 10) }

    /// Seconds → Duration without the trap `Int64(_:)` springs on NaN or infinity.
    static func duration(seconds: Double, within limit: Double) -> Duration {
        guard seconds.isFinite else { return .zero }
        return .milliseconds(Int64((min(max(seconds, 0), limit) * 1000).rounded()))
    }

    /// True for points that change what the head does (tests and commands).
    package var changesDevice: Bool {
        if case .query = kind { return false }
        return true
    }
}
