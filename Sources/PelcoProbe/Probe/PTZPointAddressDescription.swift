/// Readable one-line text of a PTZ point, for `checkup profile show` and messages:
/// `query pan`, `test motion pan 5° ±1`, `test preset 1 at pan 120°, tilt 10° ±1`,
/// `command pan-left speed 32 for 0.5 s`.
extension PTZPointAddress: CustomStringConvertible {
    package var description: String {
        let presetText = preset.map { " \($0)" } ?? ""
        switch kind {
        case .query(let q):
            return "query \(q.rawValue)"
        case .test(.motion):
            return "test motion \(axis.rawValue) \(Self.number(step))° ±\(Self.number(tolerance))"
        case .test(.preset):
            let at = [pan.map { "pan \(Self.number($0))°" }, tilt.map { "tilt \(Self.number($0))°" }].compactMap { $0 }
            let position = at.isEmpty ? "" : " at " + at.joined(separator: ", ")
            return "test preset\(presetText)\(position) ±\(Self.number(tolerance))"
        case .command(.goToPreset):
            return "command go-to-preset\(presetText)"
        case .command(.stop):
            return "command stop"
        case .command(let c) where c == .zoomIn || c == .zoomOut:
            return "command \(c.rawValue) for \(Self.number(duration)) s"
        case .command(let c):
            return "command \(c.rawValue) speed \(speed) for \(Self.number(duration)) s"
        }
    }

    /// `5`, `0.5`, `-2.25`: whole numbers without a trailing `.0`.
    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e9 { return String(Int(d)) }
        return "\(d)"
    }
}
