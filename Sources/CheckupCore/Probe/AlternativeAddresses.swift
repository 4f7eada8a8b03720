/// A point's `alternatives:`, tried in order for every protocol alike: firmware versions move
/// objects (a Dahua memory gauge with or without the `.0` instance), so a point may name more
/// than one address and the first the unit answers wins.
enum AlternativeAddresses {
    /// Reads `points` with `readOnce`, then re-reads each absent point at its next alternative
    /// address until it answers or none is left. An absent point's evidence lists every
    /// address tried, so the record shows what was asked.
    static func read(_ points: [PointSpec], _ readOnce: ([PointSpec]) async -> Readings) async -> Readings {
        var readings = await readOnce(points)
        let withAlternatives = points.filter { !$0.alternatives.isEmpty }
        var round = 0
        while readings.unreachable == nil {
            let retry = withAlternatives.compactMap { point -> PointSpec? in
                guard round < point.alternatives.count, readings[point.id]?.value.isAbsent == true else { return nil }
                var next = point
                next.address = point.alternatives[round]
                return next
            }
            if retry.isEmpty { break }
            let more = await readOnce(retry)
            // A unit that stops answering keeps what it said first.
            if more.unreachable != nil { break }
            readings.exchanges += more.exchanges
            for point in retry {
                guard var reading = more[point.id] else { continue }
                if reading.value.isAbsent, let before = readings[point.id]?.evidence {
                    reading.evidence = [before, reading.evidence].compactMap { $0 }.joined(separator: "; ")
                }
                readings[point.id] = reading
            }
            round += 1
        }
        return readings
    }
}
