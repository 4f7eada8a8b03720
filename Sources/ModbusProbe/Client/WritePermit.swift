package import CheckupCore

/// Proof that a write may be sent to a device: it exists only for a point the profile marks
/// `active: true` when the user passed `--allow-active`.
///
/// Every write function of `ModbusClient` takes one, so a read-only run cannot reach them:
/// there is no other way to make a permit.
package struct WritePermit: Sendable {
    /// The active point this permit was made for (for the exchange log).
    package let pointID: String

    package init?<Address>(point: Point<Address>, context: ProbeContext) {
        guard point.active, context.allowActive else { return nil }
        self.pointID = point.id
    }
}
