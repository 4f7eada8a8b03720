import Foundation

/// Picks the profile for a unit that was given none: asks the probe what the unit says it is
/// (sysObjectID, sysDescr), reads the objects the profiles' `identify:` sections test, and
/// scores every profile of the protocol. The protocol's `generic-<protocol>` profile catches
/// what no vendor profile claims.
package struct DeviceIdentifier: Sendable {
    package var catalog: ProfileCatalog
    package var probe: AnyProbe

    package init(catalog: ProfileCatalog, probe: AnyProbe) {
        self.catalog = catalog
        self.probe = probe
    }

    /// One profile's verdict on the unit.
    package struct Candidate: Sendable {
        package var profile: Profile
        /// Nil for a profile without `identify:` (it is only ever a fallback).
        package var verdict: IdentifyVerdict?
    }

    /// What the unit said, every candidate, and the choice.
    package struct Outcome: Sendable {
        package var identity: DeviceIdentity
        /// Best first; profiles that did not match after those that did.
        package var candidates: [Candidate]
        package var chosen: Profile?
        /// True when no vendor profile matched and the generic one was taken.
        package var fellBack: Bool
    }

    /// The profiles this identifier scores.
    package var profiles: [Profile] { catalog.sorted.filter { $0.protocolName == probe.protocolName } }

    /// Nil when the unit does not answer the identification request.
    package func identify(_ endpoint: Endpoint, context: ProbeContext) async -> Outcome? {
        guard var identity = await probe.identify(endpoint, context: context) else { return nil }
        identity.objects = await readObjects(endpoint, context: context)
        return choose(for: identity)
    }

    /// Scores `identity` against every profile (also for a unit described by a recording).
    package func choose(for identity: DeviceIdentity) -> Outcome {
        let candidates = profiles.map { Candidate(profile: $0, verdict: $0.identify?.explain(identity)) }
            .sorted { a, b in
                let x = a.verdict?.score ?? -1, y = b.verdict?.score ?? -1
                return x != y ? x > y : a.profile.id < b.profile.id
            }
        if let best = candidates.first, best.verdict?.score != nil {
            return Outcome(identity: identity, candidates: candidates, chosen: best.profile, fellBack: false)
        }
        return Outcome(identity: identity, candidates: candidates, chosen: catalog["generic-\(probe.protocolName)"], fellBack: true)
    }

    /// The identity a recording of a unit describes (`.snmprec`, `snmpwalk -On`, by OID):
    /// sysObjectID, sysDescr, and the answer to every object the profiles ask about.
    package func identity(recorded objects: [String: Value]) -> DeviceIdentity {
        var identity = DeviceIdentity()
        if case .oid(let oid)? = objects["1.3.6.1.2.1.1.2.0"] { identity.objectID = Identification.normalise(oid) }
        if let descr = objects["1.3.6.1.2.1.1.1.0"], !descr.isAbsent { identity.description = descr.text }
        for object in objectsToRead { identity.objects[object.key] = objects[object.key] ?? .absent("not in the recording") }
        return identity
    }

    /// The addresses of every profile's `identify: object:` entries, once each.
    package var objectsToRead: [IdentifyingObject] {
        var seen = Set<String>()
        return profiles.flatMap { $0.identify?.objects ?? [] }.filter { seen.insert($0.key).inserted }
    }

    private func readObjects(_ endpoint: Endpoint, context: ProbeContext) async -> [String: Value] {
        let objects = objectsToRead
        guard !objects.isEmpty else { return [:] }
        let points = objects.map { PointSpec(id: $0.key, active: false, address: $0.address, location: "identify") }
        let readings = await probe.read(points, from: endpoint, context: context)
        return readings.values.mapValues(\.value)
    }
}
