import CheckupCore
import Foundation

/// A numeric object identifier, e.g. `1.3.6.1.2.1.1.3.0`.
///
/// Parsed without net-snmp (`read_objid` consults the MIB tree, which we never load), so it
/// is pure and usable anywhere; the leading dot is optional.
package struct SNMPObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var arcs: [UInt]

    package init(_ arcs: [UInt]) { self.arcs = arcs }

    /// Parses dotted numeric text; nil for names, empty text, or arcs that are not numbers.
    package init?(_ text: String) {
        var body = Substring(text.trimmingBlanks)
        if body.hasPrefix(".") { body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        var arcs: [UInt] = []
        for part in body.split(separator: ".", omittingEmptySubsequences: false) {
            guard let arc = UInt(part) else { return nil }
            arcs.append(arc)
        }
        guard arcs.count >= 2, arcs.count <= 128 else { return nil }
        self.arcs = arcs
    }

    package var description: String {
        // Digit by digit: every request, reply and transcript line names its OIDs.
        var text: [UInt8] = []
        text.reserveCapacity(arcs.count * 4)
        var digits: [UInt8] = []
        for (i, arc) in arcs.enumerated() {
            if i > 0 { text.append(UInt8(ascii: ".")) }
            var n = arc
            digits.removeAll(keepingCapacity: true)
            repeat { digits.append(UInt8(ascii: "0") + UInt8(n % 10)); n /= 10 } while n > 0
            text.append(contentsOf: digits.reversed())
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// True when `self` lies strictly inside the subtree rooted at `root`.
    package func isInside(_ root: SNMPObjectID) -> Bool {
        arcs.count > root.arcs.count && arcs.starts(with: root.arcs)
    }

    /// The arcs after `root` (a table row index), or nil when `self` is not under `root`.
    package func suffix(after root: SNMPObjectID) -> [UInt]? {
        isInside(root) ? Array(arcs.dropFirst(root.arcs.count)) : nil
    }

    /// `self` with more arcs appended.
    package func appending(_ more: UInt...) -> SNMPObjectID { SNMPObjectID(arcs + more) }

    package static func < (a: SNMPObjectID, b: SNMPObjectID) -> Bool {
        for (x, y) in zip(a.arcs, b.arcs) where x != y { return x < y }
        return a.arcs.count < b.arcs.count
    }
}

extension SNMPObjectID: ExpressibleByStringLiteral {
    /// For constants in code only: a malformed literal is a programming error caught by tests.
    package init(stringLiteral value: String) {
        self = SNMPObjectID(value) ?? SNMPObjectID([0, 0])
    }
}

/// Well-known MIB-II objects the probe reads for identification.
package enum MIB2: Sendable {
    package static let sysDescr: SNMPObjectID = "1.3.6.1.2.1.1.1.0"
    package static let sysObjectID: SNMPObjectID = "1.3.6.1.2.1.1.2.0"
    package static let sysUpTime: SNMPObjectID = "1.3.6.1.2.1.1.3.0"
    package static let sysName: SNMPObjectID = "1.3.6.1.2.1.1.5.0"
}
