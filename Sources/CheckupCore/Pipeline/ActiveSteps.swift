/// The one decision on active steps (docs/design.md, "Probes only read"): a point or check
/// the profile marks `active` runs only when the user passed `--allow-active`. The pipeline
/// (and so `run`, `probe`, `capture`) and the replays ask it; the probes' `WritePermit` and
/// `ActivePermission` stay the proof that reaches the wire.
package struct ActiveSteps: Sendable, Hashable {
    package var allowed: Bool

    package init(allowed: Bool) { self.allowed = allowed }

    /// Read-only: what `capture` and replays use.
    package static let refused = ActiveSteps(allowed: false)

    package func runs(_ point: PointSpec) -> Bool { !point.active || allowed }
    package func runs(_ check: CheckSpec) -> Bool { !check.active || allowed }

    /// The profile's points to read, in profile order.
    package func points(of profile: Profile) -> [PointSpec] { profile.points.filter(runs) }
}
