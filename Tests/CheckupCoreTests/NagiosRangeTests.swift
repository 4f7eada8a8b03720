import CheckupCore
import Testing

struct NagiosRangeTests {
    @Test(arguments: [
        ("10", -1.0, true), ("10", 0, false), ("10", 10, false), ("10", 11, true),
        ("10:", 9.99, true), ("10:", 1e9, false),
        ("~:10", -1e9, false), ("~:10", 10.5, true),
        ("10:20", 15, false), ("10:20", 21, true),
        ("@10:20", 15, true), ("@10:20", 9, false),
    ])
    func alerts(_ text: String, _ value: Double, _ alert: Bool) throws {
        #expect(try NagiosRange(parsing: text).alerts(value) == alert)
    }

    @Test(arguments: ["", "abc", "20:10", "1:x", "@"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: RangeError.self) { try NagiosRange(parsing: text) }
    }

    @Test func leadingNumbers() {
        #expect(Value.leadingNumber(in: "27 PERCENT") == 27)
        #expect(Value.leadingNumber(in: "116.5 GB") == 116.5)
        #expect(Value.leadingNumber(in: " -3.5dB") == -3.5)
        #expect(Value.leadingNumber(in: "GB 12") == nil)
    }
}
