import Foundation
import Testing

/// `--format pdf` and `--evidence` through the built binary, with the real weasyprint.
@Suite(.serialized)
struct RecordPaperTests {
    @Test func exportWritesThePDFAndTheEvidenceApartOrLeavesItOut() throws {
        let dir = try RecordsCommandTests.storeFromARun()
        let store = ["--store", dir + "/s.sqlite", "--site", "gate", "--month", "2026-11"]

        let separate = try CLI.run(["records", "export", "--format", "html,pdf", "--evidence", "separate",
                                    "--out", dir + "/separate"] + store)
        #expect(separate.status == 0, "\(separate.all)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/separate").sorted()) ?? []
        #expect(files == ["gate-2026-11-v1.evidence.zh.html", "gate-2026-11-v1.evidence.zh.pdf",
                          "gate-2026-11-v1.zh.html", "gate-2026-11-v1.zh.pdf"], "\(files)")
        let pdf = FileManager.default.contents(atPath: dir + "/separate/gate-2026-11-v1.zh.pdf") ?? Data()
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let main = try String(contentsOfFile: dir + "/separate/gate-2026-11-v1.zh.html", encoding: .utf8)
        let evidence = try String(contentsOfFile: dir + "/separate/gate-2026-11-v1.evidence.zh.html", encoding: .utf8)
        #expect(main.contains("id=\"sign-off\"") && !main.contains("id=\"evidence\""))
        #expect(evidence.contains("id=\"evidence\"") && !evidence.contains("id=\"sign-off\""))

        let none = try CLI.run(["records", "export", "--format", "md", "--evidence", "none", "--out", dir + "/none"] + store)
        #expect(none.status == 0, "\(none.all)")
        let md = try String(contentsOfFile: dir + "/none/gate-2026-11-v1.zh.md", encoding: .utf8)
        #expect(md.contains("检测人员签字") && !md.contains("附录"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir + "/none")) == ["gate-2026-11-v1.zh.md"])
    }

    /// Without weasyprint a run asking for PDF stops at once: no device probed, nothing written.
    @Test func aRunAskingForPDFWithoutWeasyprintFailsBeforeProbing() throws {
        let dir = CLI.temporaryDirectory()
        try """
        site: {id: gate, client: 示例客户 ACME, name: 大门 Gate}
        devices:
          - {id: ptz-1, name: Gate PTZ, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/none?address=1"}
        """.write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "--site", dir + "/site.yaml", "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/run",
                               "--store", dir + "/s.sqlite", "--format", "html,pdf"],
                              environment: ["CHECKUP_WEASYPRINT": dir + "/no-weasyprint"])
        #expect(run.status == 3, "\(run.all)")
        #expect(run.stderr.contains("PDF needs weasyprint: apt-get install weasyprint fonts-wqy-microhei"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/run"), "nothing probed, nothing written")
        #expect(!FileManager.default.fileExists(atPath: dir + "/s.sqlite"))
    }

    @Test(arguments: [["run", "--site", "x.yaml", "--format", "html,docx"], ["demo", "--format", "docx"],
                      ["run", "--site", "x.yaml", "--evidence", "footnote"]])
    func unknownFormatsAndPlacementsAreUsageErrors(arguments: [String]) throws {
        let out = try CLI.run(arguments)
        #expect(out.status == 3, "\(out.all)")
        #expect(out.all.contains("expected html, md, csv, json, pdf") || out.all.contains("'appendix', 'separate' or 'none'"),
                "\(out.all)")
    }
}
