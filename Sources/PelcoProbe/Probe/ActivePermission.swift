import CheckupCore

/// Proof that a step may change the device: the point is marked `active: true` in the profile
/// AND the run was started with `--allow-active`. Movement code takes one of these, so it is
/// unreachable without both.
struct ActivePermission {
    let point: String

    init?<A>(_ point: Point<A>, context: ProbeContext) {
        guard point.active, context.allowActive else { return nil }
        self.point = point.id
    }
}
