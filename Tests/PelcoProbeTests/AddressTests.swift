@testable import PelcoProbe
import Testing

/// Point addresses: validation closes NaN/infinity (which pass `<`/`>` tests), and the text
/// `checkup profile show` prints.
struct AddressTests {
    static let motion = PTZPointAddress(kind: .test(.motion))

    @Test(arguments: [Double.nan, .infinity, -.infinity, 0, -1, 121])
    func settleOutsideItsRangeIsAProblem(_ settle: Double) {
        var a = Self.motion
        a.settle = settle
        #expect(a.problem == "settle must be 0–120 seconds")
    }

    @Test(arguments: [Double.nan, .infinity, 0, 11])
    func durationOutsideItsRangeIsAProblem(_ duration: Double) {
        var a = PTZPointAddress(kind: .command(.panLeft))
        a.duration = duration
        #expect(a.problem == "duration must be 0–10 seconds")
    }

    @Test(arguments: [Double.nan, .infinity, 0, 91])
    func stepOutsideItsRangeIsAProblem(_ step: Double) {
        var a = Self.motion
        a.step = step
        #expect(a.problem?.hasPrefix("step must be") == true)
    }

    @Test func nonFiniteToleranceAndPositionsAreProblems() {
        var a = Self.motion
        a.tolerance = .nan
        #expect(a.problem?.hasPrefix("tolerance") == true)
        var p = PTZPointAddress(kind: .test(.preset), preset: 1, pan: .nan)
        #expect(p.problem?.hasPrefix("pan") == true)
        p.pan = 120
        p.tilt = .infinity
        #expect(p.problem?.hasPrefix("tilt") == true)
        p.tilt = 10
        #expect(p.problem == nil)
    }

    @Test func unvalidatedTimesAndAnglesDoNotTrap() {
        #expect(PTZPointAddress.duration(seconds: .nan, within: 10) == .zero)
        #expect(PTZPointAddress.duration(seconds: .infinity, within: 10) == .zero)
        #expect(PTZPointAddress.duration(seconds: 1e300, within: 10) == .seconds(10))
        #expect(PTZPointAddress.duration(seconds: 0.5, within: 10) == .milliseconds(500))
        #expect(PelcoAngles.panWord(.nan) == 0)
        #expect(PelcoAngles.panWord(1e300) < 36000)
        #expect(PelcoAngles.panWord(-90) == 27000)
        #expect(PelcoAngles.panWord(365) == 500)
    }

    @Test func unvalidatedLineSettingsDoNotOverflow() {
        let odd = SerialSettings(baud: 2400, dataBits: .max, stopBits: .max)
        #expect(odd.bitsPerCharacter == SerialSettings(baud: 2400, dataBits: 8, stopBits: 2).bitsPerCharacter)
        #expect(odd.characterTime > .zero)
    }

    @Test func descriptionsReadLikeTheProfile() {
        #expect(PTZPointAddress(kind: .query(.pan)).description == "query pan")
        #expect(PTZPointAddress(kind: .query(.replyTime)).description == "query reply-time")
        #expect(PTZPointAddress(kind: .test(.motion), axis: .tilt, step: -2.5).description == "test motion tilt -2.5° ±1")
        #expect(PTZPointAddress(kind: .test(.preset), preset: 1, pan: 120, tilt: 10).description == "test preset 1 at pan 120°, tilt 10° ±1")
        #expect(PTZPointAddress(kind: .test(.preset), preset: 7).description == "test preset 7 ±1")
        #expect(PTZPointAddress(kind: .command(.goToPreset), preset: 3).description == "command go-to-preset 3")
        #expect(PTZPointAddress(kind: .command(.panLeft)).description == "command pan-left speed 32 for 0.5 s")
        #expect(PTZPointAddress(kind: .command(.zoomIn), duration: 2).description == "command zoom-in for 2 s")
        #expect(!PTZPointAddress(kind: .command(.stop)).description.contains("PTZPointAddress"))
    }
}
