import CheckupCore
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

    /// The answers file is read as every YAML file of checkup: a missing file, a syntax error and
    /// an empty file are each named at their place.
    @Test func aMissingBrokenOrEmptyAnswersFileIsNamedAtItsPlace() throws {
        let dir = NSTemporaryDirectory() + "answers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let cases = [("missing.yaml", nil, "missing.yaml:1:1: the answers file does not exist"),
                     ("broken.yaml", "rows:\n  a: [normal\n", "broken.yaml:3:1: YAML syntax:"),
                     ("empty.yaml", "", "empty.yaml:1:1: the answers file is empty; expected `technician:` and `rows:`")]
        for (name, text, expected) in cases {
            let path = dir + "/" + name
            if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) }
            do {
                _ = try RecordAnswers.load(URL(fileURLWithPath: path))
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.report.hasPrefix(dir + "/" + expected), "\(error.report)")
            }
        }
    }

    @Test func bothLanguagesAreAccepted() throws {
        let a = try RecordAnswers.parse("rows:\n  a: 正常\n  b: abnormal\n  c: {result: 待检}\n")
        #expect(a.rows["a"]?.result == .normal)
        #expect(a.rows["b"]?.result == .abnormal)
        #expect(a.rows["c"]?.result == .toCheck)
    }

    /// Problems in the answers file are reported as `path:line:col: message`, all at once.
    @Test func problemsAreReportedAtTheirPlace() {
        let yaml = """
        technician: 张伟
        rows:
          manual/grounding: maybe
          manual/shielding: {reslt: normal}
          nvr-1/disks: {cleared: perhaps}
        extra: 1
        """
        #expect { try RecordAnswers.parse(yaml, source: "/tmp/answers.yaml") } throws: { error in
            guard let e = error as? RecordError else { return false }
            let lines = e.message.split(separator: "\n").map(String.init)
            return e.located.count == 4
                && lines.contains("/tmp/answers.yaml:3:21: manual/grounding: result 'maybe': expected 正常/normal, 异常/abnormal or 待检/to-check")
                && lines.contains { $0.hasPrefix("/tmp/answers.yaml:4:22: manual/shielding: unknown key 'reslt'") && $0.hasSuffix("(did you mean 'result'?)") }
                && lines.contains { $0.hasPrefix("/tmp/answers.yaml:5:26: nvr-1/disks: cleared") }
                && lines.contains { $0.hasPrefix("/tmp/answers.yaml:6:1: unknown key 'extra'") }
        }
    }

    @Test func yamlSyntaxErrorsHaveAPlace() {
        #expect { try RecordAnswers.parse("rows:\n  a: [1,\n", source: "f.yaml") } throws: { error in
            guard let e = error as? RecordError, let first = e.located.first else { return false }
            return first.file == "f.yaml" && first.line >= 2 && e.message.hasPrefix("f.yaml:")
        }
    }

    /// A row key that names no row of the record is reported where it is written, with a hint.
    @Test func unknownRowKeyFromAFileHasItsPlaceAndAHint() throws {
        let answers = try RecordAnswers.parse("technician: x\nrows:\n  manual/grounding: normal\n  manual/grounds: normal\n",
                                              source: "ans.yaml")
        #expect {
            _ = try FixtureRun.record().applying(answers, by: "x")
        } throws: { error in
            (error as? RecordError)?.message == "ans.yaml:4:3: no row 'manual/grounds' in acme-hq 2026-11 (did you mean 'manual/grounding'?)"
        }
    }
}
