import CFuzzerDriver
import CheckupFuzzing
import Foundation

// One binary, five targets: CHECKUP_FUZZ_TARGET picks pelco, modbus, snmp, yaml or template.
//
// Built by `make fuzz` with -sanitize=fuzzer,address and -D CHECKUP_LIBFUZZER, libFuzzer's
// driver runs the entry below; a violated invariant traps so libFuzzer saves the input.
// In the ordinary build it is a replayer: `checkup-fuzz TARGET FILE…` runs saved inputs.

#if CHECKUP_LIBFUZZER
private let target: @Sendable ([UInt8]) -> FuzzOutcome = {
    let name = ProcessInfo.processInfo.environment["CHECKUP_FUZZ_TARGET"] ?? ""
    guard let run = FuzzTargets.all[name] else {
        fatalError("set CHECKUP_FUZZ_TARGET to one of \(FuzzTargets.all.keys.sorted().joined(separator: ", "))")
    }
    return run
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .violated(let why) = target(bytes) { fatalError("invariant violated: \(why)") }
    return 0
}

/// SwiftPM links Linux executables with `main` aliased to `<module>_main`, so libFuzzer's own
/// `main` is never pulled in: this is that entry, handing over to libFuzzer's driver.
@_cdecl("checkup_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let run = FuzzTargets.all[name] else {
            print("usage: checkup-fuzz TARGET FILE…  (TARGET: \(FuzzTargets.all.keys.sorted().joined(separator: ", ")))")
            exit(3)
        }
        var violations = 0
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("\(path): cannot read"); exit(3) }
            let outcome = run([UInt8](data))
            print("\(path): \(outcome)")
            if outcome.isViolation { violations += 1 }
        }
        exit(violations == 0 ? 0 : 1)
    }
}
#endif
