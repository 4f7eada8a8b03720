import CheckupFuzzing
import Testing

/// The fuzz targets replayed over a seeded corpus in `make test`: a fixed seed, a few
/// thousand inputs each, no crash and no violated invariant (every rejection explains itself).
/// `make fuzz` runs the same targets under libFuzzer, without a bound.
struct SeededCorpusTests {
    static let inputsPerTarget = 3_000

    @Test(arguments: ["pelco", "modbus", "snmp", "yaml", "template"])
    func noInputBreaksAnInvariant(target: String) throws {
        let run = try #require(FuzzTargets.all[target])
        var accepted = 0, rejected = 0
        for input in FuzzTargets.corpus(target, count: Self.inputsPerTarget, seed: 0xC0FFEE) {
            switch run(input) {
            case .accepted: accepted += 1
            case .rejected: rejected += 1
            case .violated(let why): Issue.record("\(target): \(why) — input \(input.prefix(64))")
            }
        }
        #expect(accepted + rejected == Self.inputsPerTarget)
        // A corpus that only ever hits one branch tests little: both must occur.
        #expect(accepted > 0, "\(target): nothing accepted")
        #expect(rejected > 0, "\(target): nothing rejected")
    }

    @Test func theCorpusIsTheSameOnEveryRun() {
        #expect(FuzzTargets.corpus("yaml", count: 50, seed: 7) == FuzzTargets.corpus("yaml", count: 50, seed: 7))
    }
}
