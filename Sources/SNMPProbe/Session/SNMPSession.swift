package import CheckupCore

/// One agent, one net-snmp single-session handle (`snmp_sess_*`, the thread-safe API).
///
/// Every method blocks until the agent answers or timeout × (retries + 1) has passed, so call
/// them from `context.io.run { … }`, never from the cooperative pool. A session serialises its
/// own requests; different sessions run in parallel on different threads.
package final class SNMPSession: @unchecked Sendable {
    package let configuration: SNMPSessionConfiguration
    /// The handle from `snmp_sess_open`; only used under `lock`.
    private let handle: UnsafeMutableRawPointer
    private let lock = Locked<Void>(())
    private let log = Locked<[Exchange]>([])
    /// Full varbind lists in the transcript (`--trace`); else the first six and a count.
    package let detailedTranscript: Bool

    /// SNMPv3 session opening discovers the engine ID and adds the user to net-snmp's one
    /// global USM user list, which has no lock of its own: openings take turns here. The count
    /// of open sessions per (engine ID, user) lets the last one to close drop the cached user:
    /// net-snmp keeps the first session's keys for an (engine, user) pair, so without this a
    /// right passphrase after a wrong one would keep failing (and a wrong one after a right one
    /// would pass).
    private static let v3Opening = Locked<[String: Int]>([:])
    /// "HOST:PORT/user" of a v3 session, for the count above.
    private var usmKey: String?

    /// Opens the session. For v3 this first discovers the agent's engine ID (one exchange, see
    /// `SNMPEngineDiscovery`), so a dead v3 device fails here with a timeout.
    package init(_ configuration: SNMPSessionConfiguration, detailedTranscript: Bool = false) throws(SNMPError) {
        SNMPLibrary.start()
        self.detailedTranscript = detailedTranscript
        let secrets = SNMPRevealedSecrets(configuration)
        try secrets.check(configuration)
        var configuration = configuration
        if configuration.version == .v3, configuration.security?.engineID == nil {
            let engineID = try SNMPEngineDiscovery.discover(host: configuration.host, port: configuration.port,
                                                           timeoutMilliseconds: configuration.timeoutMicroseconds / 1000,
                                                           attempts: configuration.boundedRetries + 1)
            configuration.security?.engineID = engineID
        }
        let keys = try Self.derivedKeys(configuration, secrets)
        let discovered = configuration
        self.configuration = discovered
        let open = { Result { () throws(SNMPError) in try SNMPSessionOpener.open(discovered, secrets: secrets, keys: keys) } }
        if configuration.version == .v3, let user = configuration.security?.user {
            let key = "\(configuration.host):\(configuration.port)/\(user)"
            let opened = Self.v3Opening.withLock { users in
                open().map { handle in
                    users[key, default: 0] += 1
                    return handle
                }
            }
            handle = try opened.get()
            usmKey = key
        } else {
            handle = try open().get()
        }
        record(.note, EvidencePhrase.snmpOpen.text("\(configuration)"))
        if let engineID = configuration.security?.engineID {
            record(.note, "engine ID " + engineID.map { hexByte($0) }.joined())
        }
    }

    /// Ku per (auth protocol, passphrase), derived once per process: each derivation hashes a
    /// megabyte, and a site's devices usually share one v3 user.
    private static let keyCache = Locked<[String: [UInt8]]>([:])

    private static func derivedKeys(_ configuration: SNMPSessionConfiguration,
                                    _ secrets: SNMPRevealedSecrets) throws(SNMPError) -> SNMPDerivedKeys? {
        guard configuration.version == .v3, let security = configuration.security, security.level != .noAuthNoPriv,
              let auth = secrets.authPassphrase else { return nil }
        func key(_ passphrase: String, _ what: String) throws(SNMPError) -> [UInt8] {
            let name = security.auth.rawValue + "\u{0}" + passphrase
            if let cached = keyCache.withLock({ $0[name] }) { return cached }
            let derived = try SNMPSessionOpener.deriveKey(security.auth, passphrase, what: what, user: security.user)
            keyCache.withLock { $0[name] = derived }
            return derived
        }
        let authKey = try key(auth, "auth")
        let privKey: [UInt8]? = security.level == .authPriv ? try secrets.privPassphrase.map { p throws(SNMPError) in try key(p, "privacy") } : nil
        return SNMPDerivedKeys(auth: authKey, priv: privKey)
    }

    deinit {
        if let usmKey, let user = configuration.security?.user {
            let handle = handle
            Self.v3Opening.withLock { users in
                let left = (users[usmKey] ?? 1) - 1
                users[usmKey] = left > 0 ? left : nil
                if left <= 0 { SNMPLibrary.forgetUser(engineID: SNMPLibrary.engineID(handle), name: user) }
                SNMPLibrary.close(handle)
            }
        } else {
            SNMPLibrary.close(handle)
        }
    }

    /// The engine ID net-snmp holds for this session (empty before a v3 agent has answered).
    package var engineID: [UInt8] { lock.withLock { _ in SNMPLibrary.engineID(handle) } }

    /// True when net-snmp's USM list already holds this session's user for `engineID` (tests).
    package var userIsCached: Bool {
        guard let user = configuration.security?.user else { return false }
        return SNMPLibrary.hasUser(engineID: engineID, name: user)
    }

    /// The requests and replies so far (no secrets: communities and passphrases never enter it).
    package var transcript: [Exchange] { log.withLock { $0 } }

    // MARK: Requests

    /// GET of many objects; split into PDUs of `maxVarBindsPerRequest`. One varbind per
    /// requested OID, in request order, matched by OID (see `SNMPReplyMatching`): missing
    /// objects come back as `.noSuchObject`/`.noSuchInstance` (v1's noSuchName is turned into
    /// that too), a varbind the reply lacks as `.unusable` naming what came instead.
    package func get(_ oids: [SNMPObjectID]) throws(SNMPError) -> [SNMPVarBind] {
        var result: [SNMPVarBind] = []
        var start = 0
        let chunk = max(1, configuration.maxVarBindsPerRequest)
        while start < oids.count {
            let slice = Array(oids[start..<min(oids.count, start + chunk)])
            let matched = SNMPReplyMatching.match(slice, try getAdapting(slice), peer: configuration.hostPort)
            if let note = matched.note(peer: configuration.hostPort) { record(.note, note) }
            result += matched.binds
            start += chunk
        }
        return result
    }

    /// GETNEXT: the object after each of `oids`.
    package func getNext(_ oids: [SNMPObjectID]) throws(SNMPError) -> [SNMPVarBind] {
        try request(.getNext, oids)
    }

    /// GETNEXT inside a walk: the transcript shows only the objects under each `scopes` root.
    private func getNext(_ oids: [SNMPObjectID], scopes: [SNMPObjectID]) throws(SNMPError) -> [SNMPVarBind] {
        try request(.getNext, oids, scopes: scopes)
    }

    /// GETBULK (v2c/v3 only): `nonRepeaters` single objects, then up to `maxRepetitions`
    /// successors of each remaining object, interleaved row by row.
    package func getBulk(_ oids: [SNMPObjectID], nonRepeaters: Int = 0, maxRepetitions: Int) throws(SNMPError) -> [SNMPVarBind] {
        guard configuration.version != .v1 else {
            throw .configuration("GETBULK does not exist in SNMPv1; use getNext or walk")
        }
        return try request(.getBulk(nonRepeaters: nonRepeaters, maxRepetitions: maxRepetitions), oids)
    }

    /// GETBULK inside a walk: the transcript shows only the objects under each `scopes` root
    /// (one per requested OID; replies are row-major), and how many ran past the end.
    private func getBulk(_ oids: [SNMPObjectID], maxRepetitions: Int, scopes: [SNMPObjectID]) throws(SNMPError) -> [SNMPVarBind] {
        try request(.getBulk(nonRepeaters: 0, maxRepetitions: maxRepetitions), oids, scopes: scopes)
    }

    /// Every object under `root`, in order: GETBULK for v2c/v3, GETNEXT for v1. Stops at the end
    /// of the subtree, at endOfMibView, at an agent that does not advance, or after `limit`.
    package func walk(_ root: SNMPObjectID, limit: Int = 10_000) throws(SNMPError) -> [SNMPVarBind] {
        var result: [SNMPVarBind] = []
        var cursor = root
        while result.count < limit {
            let batch: [SNMPVarBind]
            if configuration.version == .v1 {
                batch = try getNextAllowingEnd(cursor, scope: root)
            } else {
                batch = try getBulk([cursor], maxRepetitions: configuration.maxRepetitions, scopes: [root])
            }
            if batch.isEmpty { return result }
            for bind in batch {
                guard !bind.value.isException, bind.oid.isInside(root), cursor < bind.oid else { return result }
                result.append(bind)
                cursor = bind.oid
                if result.count >= limit {
                    record(.note, "\(root): stopped after \(limit) objects, the limit; the subtree may hold more")
                    return result
                }
            }
        }
        return result
    }

    /// A table: all `columns` under `entry` walked side by side, one GETBULK (v2c/v3) or GETNEXT
    /// (v1) carrying a cursor per column that has not ended yet; cells are joined by row index
    /// (the OID arcs after the column) and rows come back in index order.
    package func table(_ entry: SNMPObjectID, columns: [UInt], limit: Int = 10_000) throws(SNMPError) -> [SNMPTableRow] {
        try tableWalk(entry, columns: columns, limit: limit).rows
    }

    /// The table as `table` reads it, and whether the walk stopped at `limit` objects with
    /// columns not yet ended (then the agent may hold more rows than the result shows).
    package func tableWalk(_ entry: SNMPObjectID, columns: [UInt], limit: Int = 10_000) throws(SNMPError) -> SNMPTable {
        struct Cursor { var column: UInt; var root: SNMPObjectID; var at: SNMPObjectID }
        var rows: [[UInt]: [UInt: SNMPValue]] = [:]
        var cursors = columns.map { Cursor(column: $0, root: entry.appending($0), at: entry.appending($0)) }
        var fetched = 0
        while !cursors.isEmpty, fetched < limit {
            var finished = Set<Int>()
            let binds: [SNMPVarBind]
            if configuration.version == .v1 {
                do {
                    binds = try getNext(cursors.map(\.at), scopes: cursors.map(\.root))
                } catch {
                    // v1: noSuchName names the varbind that ran off the end of the MIB.
                    guard case .agentError(_, _, "noSuchName", let index) = error, index >= 1, index <= cursors.count else { throw error }
                    cursors.remove(at: index - 1)
                    continue
                }
            } else {
                let repetitions = max(1, configuration.maxRepetitions / cursors.count)
                binds = try getBulk(cursors.map(\.at), maxRepetitions: repetitions, scopes: cursors.map(\.root))
            }
            if binds.isEmpty { break }
            for (k, bind) in binds.enumerated() {
                let i = k % cursors.count   // responses are row-major: one varbind per cursor per repetition
                guard !finished.contains(i) else { continue }
                guard !bind.value.isException, let index = bind.oid.suffix(after: cursors[i].root), cursors[i].at < bind.oid else {
                    finished.insert(i)
                    continue
                }
                rows[index, default: [:]][cursors[i].column] = bind.value
                cursors[i].at = bind.oid
                fetched += 1
            }
            cursors = cursors.enumerated().filter { !finished.contains($0.offset) }.map(\.element)
        }
        let truncated = !cursors.isEmpty && fetched >= limit
        if truncated { record(.note, "\(entry): stopped after \(fetched) objects, the limit of \(limit); the table may have more rows") }
        let sorted = rows.keys.sorted { SNMPObjectID($0) < SNMPObjectID($1) }
            .map { SNMPTableRow(index: $0, cells: rows[$0] ?? [:]) }
        return SNMPTable(rows: sorted, limit: truncated ? limit : nil)
    }

    // MARK: Internals

    /// v1 answers a GETNEXT past the end with noSuchName: that is the end of the walk.
    private func getNextAllowingEnd(_ oid: SNMPObjectID, scope: SNMPObjectID) throws(SNMPError) -> [SNMPVarBind] {
        do {
            return try getNext([oid], scopes: [scope])
        } catch {
            if case .agentError(_, _, let status, _) = error, status == "noSuchName" { return [] }
            throw error
        }
    }

    /// GET that survives v1's all-or-nothing noSuchName (drop the named varbind, retry the
    /// rest) and tooBig (halve the request).
    private func getAdapting(_ oids: [SNMPObjectID]) throws(SNMPError) -> [SNMPVarBind] {
        guard !oids.isEmpty else { return [] }
        do {
            return try request(.get, oids)
        } catch {
            guard case .agentError(_, _, let status, let index) = error else { throw error }
            if status == "noSuchName", index >= 1, index <= oids.count {
                var rest = oids
                let missing = rest.remove(at: index - 1)
                var binds = try getAdapting(rest)
                binds.insert(SNMPVarBind(missing, .noSuchObject), at: index - 1)
                return binds
            }
            if status == "tooBig", oids.count > 1 {
                let half = oids.count / 2
                return try getAdapting(Array(oids[..<half])) + getAdapting(Array(oids[half...]))
            }
            throw error
        }
    }

    /// One request. With `scopes` (walks), the transcript lists the received objects under
    /// their scope and only counts those past it, with the first one (the end of the subtree):
    /// a GETBULK's last repetitions run on into unrelated MIBs, which a trace need not show.
    private func request(_ kind: SNMPRequestKind, _ oids: [SNMPObjectID], scopes: [SNMPObjectID]? = nil) throws(SNMPError) -> [SNMPVarBind] {
        record(.sent, "\(kind.name) " + summary(oids.map(\.description)))
        let outcome = lock.withLock { _ -> Result<[SNMPVarBind], SNMPError> in
            var requestID = 0
            let first = SNMPRequestExchange.perform(handle, kind, oids, configuration, sentRequestID: &requestID)
            guard case .failure(.timeout(let peer, let label, let waited)) = first, configuration.version != .v3 else { return first }
            // net-snmp's last attempt, made here: it can tell a malformed reply from none.
            let diagnosis = SNMPReplyDiagnosis.run(configuration, community: SNMPRevealedSecrets(configuration).community,
                                                   kind: kind, oids: oids, librarySocket: SNMPLibrary.socket(handle),
                                                   libraryRequestID: requestID)
            diagnosis.exchanges.forEach { record($0.direction, $0.text) }
            switch diagnosis.finding {
            case .answered(let binds): return .success(binds)
            case .errorStatus(let status, let index):
                return .failure(.agentError(peer: peer, request: label, status: SNMPError.statusName(status), index: index))
            case .malformed(let why): return .failure(.malformedReply(peer: peer, request: label, detail: why))
            case .nothing: return .failure(.timeout(peer: peer, request: label, waitedMilliseconds: waited))
            case .refused(let host): return .failure(.refused(peer: peer, request: label, hostUnreachable: host))
            }
        }
        switch outcome {
        case .success(let binds):
            record(.received, receivedText(binds, scopes: scopes))
            return binds
        case .failure(let error):
            record(.note, error.description)
            throw error
        }
    }

    private func receivedText(_ binds: [SNMPVarBind], scopes: [SNMPObjectID]?) -> String {
        guard let scopes, !scopes.isEmpty else { return summary(binds.map(\.description)) }
        var inside: [SNMPVarBind] = []
        var past: [SNMPVarBind] = []
        for (k, bind) in binds.enumerated() {
            if !bind.value.isException && bind.oid.isInside(scopes[k % scopes.count]) { inside.append(bind) } else { past.append(bind) }
        }
        guard let end = past.first else { return summary(inside.map(\.description)) }
        let ended = "\(past.count) past the end of \(scopes.count == 1 ? "\(scopes[0])" : "the columns") (first \(end.oid))"
        return inside.isEmpty ? ended : summary(inside.map(\.description)) + " — " + ended
    }

    private func summary(_ items: [String]) -> String {
        let shown = detailedTranscript ? items : Array(items.prefix(6))
        var text = shown.joined(separator: "; ")
        if shown.count < items.count { text += "; … (\(items.count) in all)" }
        return text.isEmpty ? "(none)" : text
    }

    private func record(_ direction: Exchange.Direction, _ text: String) {
        log.withLock { $0.append(Exchange(direction, text)) }
    }
}

/// A walked table: its rows, and the object limit when the walk stopped there unfinished.
package struct SNMPTable: Sendable, Hashable {
    package var rows: [SNMPTableRow]
    /// Set when the walk stopped at this many objects with columns not yet ended.
    package var limit: Int?
}

/// One row of an SNMP table: the index arcs and the cells by column number.
package struct SNMPTableRow: Sendable, Hashable {
    package var index: [UInt]
    package var cells: [UInt: SNMPValue]
    package var indexText: String { index.map(String.init).joined(separator: ".") }
}
