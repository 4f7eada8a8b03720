package import SNMPProbe

/// The shape of a recording's objects: which are scalars (`X.0`) and which form tables
/// (`Table.1.COLUMN.INDEX`), guessed from the OIDs alone, for scaffolding a profile.
///
/// A node is taken as a table entry when its last arc is 1 (the SMI `…Table.1` convention),
/// every object under it sits at the same depth with a column and a non-empty index, it is not
/// a group of scalars (every index `0`, or one column whose rows all end in `.0`), and no node
/// deeper down qualifies as well.
/// So `…241.1.4.1.0` and `…241.1.5.1.0` make one table `…241.1` with columns 4 and 5 and the
/// row `1.0`, and `…39165.1.7.0` stays a scalar.
package enum SNMPRecordingLayout: Sendable {
    package enum Candidate: Sendable, Hashable {
        case scalar(SNMPVarBind)
        /// A table: its entry OID, the column numbers, and every row's index (arcs after the column).
        case table(entry: SNMPObjectID, columns: [UInt], rows: [[UInt]], cells: [SNMPVarBind])
    }

    /// The candidates under `root`, in OID order.
    package static func candidates(_ objects: [SNMPVarBind], under root: SNMPObjectID) -> [Candidate] {
        let inside = objects.filter { $0.oid.isInside(root) }.sorted { $0.oid < $1.oid }
        return classifyChildren(inside[...], depth: root.arcs.count)
    }

    /// `binds` share their first `depth` arcs.
    private static func classify(_ binds: ArraySlice<SNMPVarBind>, depth: Int) -> [Candidate] {
        guard let first = binds.first else { return [] }
        if binds.count == 1, first.oid.arcs.count <= depth + 1, !isEntry(binds, depth: depth) { return [.scalar(first)] }
        if isEntry(binds, depth: depth), !hasEntryBelow(binds, depth: depth) {
            let entry = SNMPObjectID(Array(first.oid.arcs.prefix(depth)))
            let columns = Array(Set(binds.map { $0.oid.arcs[depth] })).sorted()
            var rows: [[UInt]] = []
            for bind in binds {
                let index = Array(bind.oid.arcs.dropFirst(depth + 1))
                if !rows.contains(index) { rows.append(index) }
            }
            return [.table(entry: entry, columns: columns, rows: rows.sorted { $0.lexicographicallyPrecedes($1) }, cells: Array(binds))]
        }
        return classifyChildren(binds, depth: depth)
    }

    /// Each subtree below the node `binds` share (their first `depth` arcs), in order.
    private static func classifyChildren(_ binds: ArraySlice<SNMPVarBind>, depth: Int) -> [Candidate] {
        var result: [Candidate] = []
        var start = binds.startIndex
        while start < binds.endIndex {
            // An object ending at this depth cannot share a subtree: it is a scalar of its own.
            guard binds[start].oid.arcs.count > depth else {
                result.append(.scalar(binds[start]))
                start += 1
                continue
            }
            let arc = binds[start].oid.arcs[depth]
            var end = start + 1
            while end < binds.endIndex, binds[end].oid.arcs.count > depth, binds[end].oid.arcs[depth] == arc { end += 1 }
            result += classify(binds[start..<end], depth: depth + 1)
            start = end
        }
        return result
    }

    private static func isEntry(_ binds: ArraySlice<SNMPVarBind>, depth: Int) -> Bool {
        guard depth > 0, let first = binds.first, first.oid.arcs[depth - 1] == 1 else { return false }
        let length = first.oid.arcs.count
        guard length >= depth + 2, binds.allSatisfy({ $0.oid.arcs.count == length }) else { return false }
        if length == depth + 2 && binds.allSatisfy({ $0.oid.arcs[depth + 1] == 0 }) { return false }   // scalars X.0
        // One column whose every row ends in .0: scalars one level down (`….1.5.0`), not a table.
        let oneColumn = binds.allSatisfy { $0.oid.arcs[depth] == first.oid.arcs[depth] }
        return !(oneColumn && binds.allSatisfy { $0.oid.arcs.last == 0 })
    }

    private static func hasEntryBelow(_ binds: ArraySlice<SNMPVarBind>, depth: Int) -> Bool {
        guard let length = binds.first?.oid.arcs.count else { return false }
        for deeper in (depth + 1)..<max(depth + 1, length) {
            var start = binds.startIndex
            while start < binds.endIndex {
                let prefix = binds[start].oid.arcs.prefix(deeper)
                var end = start + 1
                while end < binds.endIndex, binds[end].oid.arcs.prefix(deeper) == prefix { end += 1 }
                if isEntry(binds[start..<end], depth: deeper) { return true }
                start = end
            }
        }
        return false
    }
}
