/// Pairs a GET reply's varbinds with the request by OID, never by position.
///
/// An agent that reorders its reply, drops a varbind or answers under another OID must not
/// turn one object's value into another's (a battery's 95 % read as "backup time: 95 min").
/// Each requested OID takes the first unused varbind with exactly that OID; a requested OID
/// with none gets `.unusable`, naming the agent and the OIDs that came instead.
enum SNMPReplyMatching {
    struct Matched: Sendable, Equatable {
        /// One varbind per requested OID, in request order.
        var binds: [SNMPVarBind]
        /// Varbinds nobody asked for (other OIDs, or an OID more often than requested).
        var unexpected: [SNMPVarBind]
        /// Requested OIDs the reply did not carry.
        var missing: [SNMPObjectID]

        /// A transcript note naming what did not match, or nil when everything did.
        func note(peer: String) -> String? {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("no varbind for \(missing.map(\.description).joined(separator: ", "))") }
            if !unexpected.isEmpty { parts.append("unexpected \(unexpected.map(\.description).joined(separator: "; "))") }
            return parts.isEmpty ? nil : "reply from \(peer) does not match the request: " + parts.joined(separator: "; ")
        }
    }

    static func match(_ requested: [SNMPObjectID], _ reply: [SNMPVarBind], peer: String) -> Matched {
        var unused: [SNMPObjectID: [Int]] = [:]   // reply positions by OID, in order
        for (k, bind) in reply.enumerated() { unused[bind.oid, default: []].append(k) }
        var taken = Set<Int>()
        var picked: [Int?] = []
        for oid in requested {
            if var positions = unused[oid], !positions.isEmpty {
                let k = positions.removeFirst()
                unused[oid] = positions
                taken.insert(k)
                picked.append(k)
            } else {
                picked.append(nil)
            }
        }
        let unexpected = reply.enumerated().filter { !taken.contains($0.offset) }.map(\.element)
        var missing: [SNMPObjectID] = []
        let binds = zip(requested, picked).map { oid, k -> SNMPVarBind in
            if let k { return reply[k] }
            missing.append(oid)
            let instead = unexpected.isEmpty ? "" : "; it carried \(unexpected.map(\.oid.description).joined(separator: ", ")) instead"
            return SNMPVarBind(oid, .unusable("the reply from \(peer) has no varbind for this OID\(instead)"))
        }
        return Matched(binds: binds, unexpected: unexpected, missing: missing)
    }
}
