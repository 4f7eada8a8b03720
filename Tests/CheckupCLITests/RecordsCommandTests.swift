import DeviceSimulators
import Foundation
import Testing

/// `checkup records`, `report` and `log` through the built binary, over a store filled by a real
/// `checkup run` of a simulated Pelco-D decoder on a pseudo-terminal: exit codes and key output.
@Suite(.serialized)
struct RecordsCommandTests {
    /// A folder with `site.yaml` and `s.sqlite` holding the November 2026 record of site `gate`.
    static func storeFromARun() throws -> String {
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [SimulatedDecoder(address: 1)])
        _ = try decoders.start(link: dir + "/ptz")
        defer { decoders.stop() }
        try """
        site: {id: gate, client: 示例客户 ACME, name: 大门 Gate, response-zone: ring-2}
        devices:
          - {id: ptz-1, name: Gate PTZ, location: 大门, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/ptz?address=1"}
        """.write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "--site", dir + "/site.yaml", "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/run", "--store",
                               dir + "/s.sqlite", "--format", "json", "--timeout", "0.5", "--retries", "0"])
        #expect(run.status != 3 && run.all.contains("v1"), "checkup run: \(run.all)")
        #expect(FileManager.default.fileExists(atPath: dir + "/s.sqlite"))
        return dir
    }

    @Test func listShowAndExportAStoredRecord() throws {
        let dir = try Self.storeFromARun()
        let store = ["--store", dir + "/s.sqlite"]

        let list = try CLI.run(["records", "list"] + store)
        #expect(list.status == 0, "\(list.all)")
        #expect(list.stdout.contains("gate") && list.stdout.contains("2026-11") && list.stdout.contains("v1 *"), "\(list.stdout)")
        let json = try CLI.run(["records", "list", "--month", "2026-11", "--format", "json"] + store)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"gate\"") && json.stdout.contains("2026-11"), "\(json.stdout)")
        let otherMonth = try CLI.run(["records", "list", "--month", "2026-10"] + store)
        #expect(otherMonth.status == 0 && otherMonth.stdout.contains("no records"), "\(otherMonth.all)")

        let md = try CLI.run(["records", "show", "--site", "gate", "--month", "2026-11", "--lang", "en"] + store)
        #expect(md.status == 0, "\(md.all)")
        #expect(md.stdout.contains("ptz-1") || md.stdout.contains("Gate PTZ"), "\(md.stdout)")
        let csv = try CLI.run(["records", "show", "--site", dir + "/site.yaml", "--month", "2026-11", "--format", "csv"] + store)
        #expect(csv.status == 0 && csv.stdout.hasPrefix("\u{FEFF}") && csv.stdout.contains("gate,2026-11,1,"), "\(csv.all)")
        let missing = try CLI.run(["records", "show", "--site", "gate", "--month", "2026-09"] + store)
        #expect(missing.status == 3 && missing.stderr.contains("no record of gate for 2026-09"), "\(missing.all)")
        let noVersion = try CLI.run(["records", "show", "--site", "gate", "--month", "2026-11", "--version", "7"] + store)
        #expect(noVersion.status == 3 && noVersion.stderr.contains("stored: v1"), "\(noVersion.all)")

        let export = try CLI.run(["records", "export", "--site", "gate", "--month", "2026-11", "--format", "md,csv,json",
                                  "--lang", "en", "--out", dir + "/export"] + store)
        #expect(export.status == 0, "\(export.all)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/export").sorted()) ?? []
        #expect(files == ["gate-2026-11-v1.en.csv", "gate-2026-11-v1.en.md", "gate-2026-11-v1.json"], "\(files)")
        #expect(export.stdout.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.count == 3)
    }

    /// `--month` is YYYY-MM everywhere, `--quarter` YYYYQn (one `Month`, one `Quarter`, parsed by
    /// ArgumentParser): a typo is exit 3 saying what was expected, before any store is opened.
    @Test(arguments: [["records", "list", "--month", "26-11"],
                      ["records", "unlock", "--site", "gate", "--month", "2026-00"],
                      ["run", "--site", "gate.yaml", "--month", "1999-12"],
                      ["records", "show", "--site", "gate", "--month", "2026-13"],
                      ["records", "export", "--site", "gate", "--month", "2026-1"],
                      ["records", "fill", "--site", "gate", "--month", "11-2026", "--technician", "x"],
                      ["report", "quarterly", "--site", "gate", "--quarter", "2026QQ4"],
                      ["report", "quarterly", "--site", "gate", "--quarter", "2026Q5"]])
    func malformedPeriodsAreRefused(arguments: [String]) throws {
        let dir = CLI.temporaryDirectory()
        let result = try CLI.run(arguments + ["--store", dir + "/s.sqlite"])
        #expect(result.status == 3, "\(result.all)")
        #expect(result.stderr.contains("is invalid for '--month <YYYY-MM>'")
                 || result.stderr.contains("is invalid for '--quarter <YYYYQn>'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/s.sqlite"), "a store was created for a bad period")
    }

    /// Read-only commands (and those changing an existing entry) refuse a store that does not
    /// exist, naming its path, and create nothing; they used to leave an empty store behind.
    @Test(arguments: [["records", "list"], ["records", "show", "--site", "gate", "--month", "2026-11"],
                      ["records", "export", "--site", "gate", "--month", "2026-11"],
                      ["report", "quarterly", "--site", "gate", "--quarter", "2026Q4"],
                      ["log", "list"], ["log", "arrive", "1"], ["log", "close", "1", "--arrived", "now"]])
    func aMissingStoreIsRefusedAndNotCreated(arguments: [String]) throws {
        let dir = CLI.temporaryDirectory()
        let path = dir + "/nowhere/checkup.sqlite"
        let result = try CLI.run(arguments + ["--store", path], directory: dir)
        #expect(result.status == 3, "\(result.all)")
        #expect(result.stderr.contains(path) && result.stderr.contains("no such file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere"), "a store folder was created")
        let env = try CLI.run(arguments, environment: ["CHECKUP_STORE": path], directory: dir)
        #expect(env.status == 3 && env.stderr.contains(path), "\(env.all)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func quarterlyReportOfTheRecordedQuarterAndNoneForAnEmptyOne() throws {
        let dir = try Self.storeFromARun()
        let store = ["--store", dir + "/s.sqlite"]

        let printed = try CLI.run(["report", "quarterly", "--site", "gate", "--quarter", "2026Q4", "--format", "md", "--lang", "en"] + store)
        #expect(printed.status == 0, "\(printed.all)")
        #expect(printed.stdout.contains("2026Q4") && printed.stdout.contains("Gate PTZ"), "\(printed.stdout)")

        let written = try CLI.run(["report", "quarterly", "--site", "gate", "--quarter", "2026q4", "--format", "html,json",
                                   "--out", dir + "/q"] + store)
        #expect(written.status == 0, "\(written.all)")
        #expect(written.stdout.contains("1 of 3 months recorded"), "\(written.stdout)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/q").sorted()) ?? []
        #expect(files == ["gate-2026Q4-quarterly.zh.html", "gate-2026Q4-quarterly.zh.json"], "\(files)")

        // A quarter with no monthly record: no report, exit 3, saying so.
        let empty = try CLI.run(["report", "quarterly", "--site", "gate", "--quarter", "2027Q1", "--out", dir + "/q1"] + store)
        #expect(empty.status == 3, "\(empty.all)")
        #expect(empty.stderr.contains("no inspection recorded for site 'gate' in 2027Q1"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/q1"), "a report folder was written")
        let unknown = try CLI.run(["report", "quarterly", "--site", "nowhere", "--quarter", "2026Q4"] + store)
        #expect(unknown.status == 3 && unknown.stderr.contains("nowhere"), "\(unknown.all)")
    }

    @Test func logAddArriveCloseAndList() throws {
        let dir = CLI.temporaryDirectory()
        let store = ["--store", dir + "/log.sqlite"]
        try "site: {id: gate, client: 示例客户 ACME, name: 大门 Gate}\ndevices: []\n"
            .write(toFile: dir + "/site.yaml", atomically: true, encoding: .utf8)

        // `log add` is the one log command that creates the store (from an inventory: the store knows no site yet).
        let add = try CLI.run(["log", "add", "--site", dir + "/site.yaml", "--reported", "云台不动", "--caller", "李经理",
                               "--called", "2026-11-03 14:20", "--zone", "ring-2"] + store)
        #expect(add.status == 0, "\(add.all)")
        #expect(add.stdout.contains("log entry 1: gate, arrive by 2026-11-03 16:20 (ring-2: 2 h)"), "\(add.stdout)")

        // An arrival before the call is refused and not stored.
        let early = try CLI.run(["log", "arrive", "1", "--at", "2026-11-03 14:00"] + store)
        #expect(early.status == 3, "\(early.all)")
        #expect(early.stderr.contains("before the call"), "\(early.stderr)")
        let stillOpen = try CLI.run(["log", "list", "--open"] + store)
        #expect(stillOpen.status == 0 && stillOpen.stdout.contains("#1") && stillOpen.stdout.contains("arrived -"), "\(stillOpen.all)")

        let arrive = try CLI.run(["log", "arrive", "1", "--at", "2026-11-03 15:10"] + store)
        #expect(arrive.status == 0 && arrive.stdout.contains("arrived 2026-11-03 15:10") && arrive.stdout.contains("OPEN"),
                "\(arrive.all)")
        let unknown = try CLI.run(["log", "arrive", "9"] + store)
        #expect(unknown.status == 3 && unknown.stderr.contains("no entry 9"), "\(unknown.all)")

        // Close without --arrived: the arrival recorded above is used.
        let close = try CLI.run(["log", "close", "1", "--resolved", "2026-11-03 16:00", "--handling", "更换解码板",
                                 "--technician", "张伟"] + store)
        #expect(close.status == 0, "\(close.all)")
        #expect(close.stdout.contains("resolved 2026-11-03 16:00") && close.stdout.contains("handling: 更换解码板"), "\(close.stdout)")
        #expect(!close.stdout.contains("OVERDUE"))

        let list = try CLI.run(["log", "list", "--site", "gate"] + store)
        #expect(list.status == 0 && list.stdout.contains("#1  gate") && list.stdout.contains("\"云台不动\""), "\(list.all)")
        let open = try CLI.run(["log", "list", "--open"] + store)
        #expect(open.status == 0 && open.stdout.contains("no log entries"), "\(open.all)")
        let json = try CLI.run(["log", "list", "--format", "json"] + store)
        #expect(json.status == 0 && json.stdout.contains("\"resolved_at\"") && json.stdout.contains("\"technician\" : \"张伟\""),
                "\(json.stdout)")

        // A call-out not yet reached past its deadline is flagged.
        _ = try CLI.run(["log", "add", "--site", "gate", "--reported", "x", "--called", "2026-11-04 08:00", "--zone", "ring-2"] + store)
        let overdue = try CLI.run(["log", "list", "--open"] + store)
        #expect(overdue.stdout.contains("#2") && overdue.stdout.contains("OVERDUE") && overdue.stdout.contains("1 overdue"),
                "\(overdue.stdout)")
    }

    /// `records fill --answers`: problems reported as `path:line:col: message`, exit 3; a good
    /// file stores version 2 edited by the technician.
    @Test func fillReportsAnswerFileProblemsAtTheirPlace() throws {
        let dir = try Self.storeFromARun()
        let store = ["--store", dir + "/s.sqlite"]
        let bad = dir + "/bad.yaml"
        try "technician: 张伟\nrows:\n  manual/grounds: 正常\n  manual/shielding: {reslt: normal}\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let parse = try CLI.run(["records", "fill", "--site", "gate", "--month", "2026-11", "--answers", bad] + store)
        #expect(parse.status == 3, "\(parse.all)")
        #expect(parse.stderr.contains("\(bad):4:22: manual/shielding: unknown key 'reslt'"), "\(parse.stderr)")
        #expect(parse.stderr.contains("did you mean 'result'?"), "\(parse.stderr)")

        let typo = dir + "/typo.yaml"
        try "technician: 张伟\nrows:\n  manual/grounds: 正常\n".write(toFile: typo, atomically: true, encoding: .utf8)
        let unknownRow = try CLI.run(["records", "fill", "--site", "gate", "--month", "2026-11", "--answers", typo] + store)
        #expect(unknownRow.status == 3, "\(unknownRow.all)")
        #expect(unknownRow.stderr.contains("\(typo):3:3: no row 'manual/grounds' in gate 2026-11 (did you mean 'manual/grounding'?)"),
                "\(unknownRow.stderr)")

        let good = dir + "/good.yaml"
        try "technician: 张伟\nrows:\n  manual/grounding: 正常\n".write(toFile: good, atomically: true, encoding: .utf8)
        let fill = try CLI.run(["records", "fill", "--site", "gate", "--month", "2026-11", "--answers", good] + store)
        #expect(fill.status == 0 && fill.stdout.contains("stored gate 2026-11 v2, edited by 张伟"), "\(fill.all)")
        let list = try CLI.run(["records", "list", "--site", "gate"] + store)
        #expect(list.stdout.contains("v2 *") && list.stdout.contains("edited by 张伟"), "\(list.stdout)")
    }
}
