/// What a sync sent, updated and found already there, per kind of row.
package struct SyncReport: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case sites, profiles, runs, inspections, answers
        case versions = "record versions"
        case signatures
        case callOuts = "call-outs"
        case evidence = "call-out evidence"
        case feedback
    }

    package struct Tally: Sendable, Equatable {
        /// New in the receiving store.
        package var sent = 0
        /// There before, brought up to date (a run finished, a call-out closed, a newer site).
        package var updated = 0
        /// There already, the same.
        package var unchanged = 0

        package init() {}
    }

    package private(set) var tallies: [Kind: Tally] = [:]
    /// Versions the receiving store composed from its merged inspections and answers (`site month vN`).
    package var composed: [String] = []
    /// Batches committed (one transaction each).
    package var batches = 0

    package init() {}

    package var changedNothing: Bool { composed.isEmpty && tallies.values.allSatisfy { $0.sent == 0 && $0.updated == 0 } }

    package subscript(kind: Kind) -> Tally { tallies[kind] ?? Tally() }

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
