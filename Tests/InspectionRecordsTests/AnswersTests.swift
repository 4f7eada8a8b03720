import Foundation
import Testing
@testable import InspectionRecords

@Suite struct AnswersTests {
    @Test func unknownRowKeyIsRefusedWithASuggestion() throws {
        let answers = try RecordAnswers.parse("rows:\n  manual/grounds: normal\n")
        #expect {
            _ = try FixtureRun.record().applying(answers, by: "x")
        } throws: { error in
            (error as? RecordError)?.message.contains("did you mean 'manual/grounding'") == true
        }
    }

    @Test(arguments: ["rows:\n  manual/grounding: maybe\n", "rows:\n  manual/grounding: {reslt: normal}\n",
                      "rows: [1, 2]\n", "technician: x\nextra: 1\n", "rows:\n  manual/grounding: {cleared: perhaps}\n"])
    func badAnswerFilesAreClearErrors(yaml: String) {
        #expect(throws: RecordError.self) { try RecordAnswers.parse(yaml) }
    }

    @Test func bothLanguagesAreAccepted() throws {
        let a = try RecordAnswers.parse("rows:\n  a: 正常\n  b: abnormal\n  c: {result: 待检}\n")
        #expect(a.rows["a"]?.result == .normal)
        #expect(a.rows["b"]?.result == .abnormal)
        #expect(a.rows["c"]?.result == .toCheck)
    }
}
