/// What a sync sent, updated and found already there, per kind of row.
public struct SyncReport: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case sites, profiles, runs, inspections, answers
        case versions = "record versions"
        case signatures
        case callOuts = "call-outs"
        case evidence = "call-out evidence"
        case feedback
    }

    public struct Tally: Sendable, Equatable {
        /// New in the receiving store.
        public var sent = 0
        /// There before, brought up to date (a run finished, a call-out closed, a newer site).
        public var updated = 0
        /// There already, the same.
        public var unchanged = 0

        public init() {}
    }

    public private(set) var tallies: [Kind: Tally] = [:]
    /// Versions the receiving store composed from its merged inspections and answers (`site month vN`).
    public var composed: [String] = []
    /// Batches committed (one transaction each).
    public var batches = 0

    public init() {}

    public var changedNothing: Bool { composed.isEmpty && tallies.values.allSatisfy { $0.sent == 0 && $0.updated == 0 } }

    public subscript(kind: Kind) -> Tally { tallies[kind] ?? Tally() }

    mutating func count(_ kind: Kind, _ change: Change) {
        var t = tallies[kind] ?? Tally()
        switch change {
        case .sent: t.sent += 1
        case .updated: t.updated += 1
        case .unchanged: t.unchanged += 1
        }
        tallies[kind] = t
    }

    enum Change { case sent, updated, unchanged }
}
