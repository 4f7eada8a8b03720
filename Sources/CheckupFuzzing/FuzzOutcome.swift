/// What one fuzz input did to the code under test.
///
/// Both `accepted` and `rejected` are fine; `violated` is a bug (an invariant broke: a
/// rejection that explains nothing, a value outside what the protocol carries, a wrapped
/// number). The seeded corpus tests expect no `violated`; libFuzzer traps on one.
package enum FuzzOutcome: Sendable, Equatable {
    case accepted(String)
    case rejected(String)
    case violated(String)

    /// A rejection must say why in words: at least a few letters, not just a code.
    static func rejection(_ why: String, from input: String) -> FuzzOutcome {
        why.filter(\.isLetter).count >= 4 ? .rejected(why) : .violated("\(input): rejected without an explanation: '\(why)'")
    }

    package var isViolation: Bool { if case .violated = self { return true } else { return false } }
}

/// A small seeded generator (SplitMix64): a corpus is the same on every run and machine.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes.
    package mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }

    /// `seed` with a few random edits: flipped bits, inserted, deleted or duplicated runs.
    package mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var out = seed
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            let at = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &self)
            switch Int.random(in: 0..<5, using: &self) {
            case 0 where !out.isEmpty: out[at] ^= 1 << UInt8.random(in: 0...7, using: &self)
            case 1: out.insert(contentsOf: bytes(Int.random(in: 1...4, using: &self)), at: at)
            case 2 where !out.isEmpty: out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...8, using: &self)))
            case 3 where !out.isEmpty:
                let run = Array(out[at..<min(out.count, at + Int.random(in: 1...16, using: &self))])
                out.insert(contentsOf: run, at: at)
            default: if !out.isEmpty { out[at] = [0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x7B, 0x7D, 0x3A][Int.random(in: 0..<8, using: &self)] }
            }
        }
        return out
    }
}
