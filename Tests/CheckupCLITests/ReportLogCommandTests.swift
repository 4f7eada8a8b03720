import DeviceSimulators
import Foundation
import Testing

/// `report quarterly` over a client's sites and `log show` / `log add` through the built binary,
/// over a store filled by real `checkup run`s of a simulated Pelco-D decoder.
@Suite(.serialized)
struct ReportLogCommandTests {
    static let client = "示例客户 ACME"

    /// The current month and its quarter: a run of the current month needs no visit date.
    static let month: String = {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
    }()
    static let quarterNumber = ((Int(month.suffix(2)) ?? 1) + 2) / 3
    static let quarter = "\(month.prefix(4))Q\(quarterNumber)"
    static let quarterZh = "\(month.prefix(4))年第\(quarterNumber)季度"

    /// A folder with `gate.yaml`, `yard.yaml` (two sites of one client, the same simulated decoder)
    /// and `s.sqlite` holding this month's record of both.
    static func twoSitesOfOneClient(months: [(month: String, date: String?)] = [(month, nil)]) throws -> String {
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [SimulatedDecoder(address: 1)])
        _ = try decoders.start(link: dir + "/ptz")
        defer { decoders.stop() }
        for (id, name, device) in [("gate", "大门 Gate", "Gate PTZ"), ("yard", "堆场 Yard", "Yard PTZ")] {
            try """
            site: {id: \(id), client: \(client), name: \(name), contract: WB-\(id), response-zone: ring-2}
            devices:
              - {id: ptz-1, name: \(device), location: 大门, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/ptz?address=1"}
            """.write(toFile: dir + "/\(id).yaml", atomically: true, encoding: .utf8)
            for (month, date) in months {
                let run = try CLI.run(["run", "--site", dir + "/\(id).yaml", "--month", month, "--out", dir + "/run", "--store",
                                       dir + "/s.sqlite", "--format", "json", "--timeout", "0.5", "--retries", "0"]
                                      + (date.map { ["--date", $0] } ?? []))
                #expect(run.status != 3 && run.all.contains("v1"), "checkup run \(id) \(month): \(run.all)")
            }
        }
        return dir
    }

    @Test func theClientsQuarterCoversBothSites() throws {
        let dir = try Self.twoSitesOfOneClient()
        let store = ["--store", dir + "/s.sqlite"]

        let byClient = try CLI.run(["report", "quarterly", "--client", Self.client, "--quarter", Self.quarter, "--format", "md",
                                    "--lang", "en"] + store)
        #expect(byClient.status == 0, "\(byClient.all)")
        for word in ["大门 Gate", "堆场 Yard", "Gate PTZ", "Yard PTZ", "WB-gate", "WB-yard", "no record for this month"] {
            #expect(byClient.stdout.contains(word), "\(word) missing: \(byClient.stdout)")
        }
        #expect(!byClient.stdout.contains("ptz-1"), "device names, not ids")

        // The same two sites by --site (file and id), written under the client's name.
        let bySite = try CLI.run(["report", "quarterly", "--site", dir + "/gate.yaml", "--site", "yard", "--quarter", Self.quarter,
                                  "--format", "html,md", "--out", dir + "/q"] + store)
        #expect(bySite.status == 0, "\(bySite.all)")
        #expect(bySite.stdout.contains("\(Self.quarter) gate: 1 of 3 months recorded")
                && bySite.stdout.contains("\(Self.quarter) yard: 1 of 3 months recorded"),
                "\(bySite.stdout)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/q").sorted()) ?? []
        #expect(files == ["示例客户_ACME-\(Self.quarter)-quarterly.zh.html", "示例客户_ACME-\(Self.quarter)-quarterly.zh.md"], "\(files)")
        let html = (try? String(contentsOfFile: dir + "/q/" + (files.first ?? ""), encoding: .utf8)) ?? ""
        #expect(html.contains("大门 Gate") && html.contains("堆场 Yard") && html.contains(Self.quarterZh))
    }

    /// The last full quarter: its three months are all in the past, so each run gives its day.
    static let lastQuarter: (name: String, months: [String]) = {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        var (year, q) = (c.year ?? 2026, ((c.month ?? 1) + 2) / 3 - 1)
        if q == 0 { (year, q) = (year - 1, 4) }
        return ("\(year)Q\(q)", (1...3).map { String(format: "%04d-%02d", year, (q - 1) * 3 + $0) })
    }()

    @Test func aClientsQuarterOverTwoSitesAndThreeMonthsInHTMLAndPDF() throws {
        let (quarter, months) = Self.lastQuarter
        let dir = try Self.twoSitesOfOneClient(months: months.map { ($0, $0 + "-15") })
        let report = try CLI.run(["report", "quarterly", "--client", Self.client, "--quarter", quarter, "--format", "html,pdf",
                                  "--out", dir + "/q", "--store", dir + "/s.sqlite"])
        #expect(report.status == 0, "\(report.all)")
        #expect(report.stdout.contains("\(quarter) gate: 3 of 3 months recorded")
                && report.stdout.contains("\(quarter) yard: 3 of 3 months recorded"), "\(report.stdout)")
        let pdf = dir + "/q/示例客户_ACME-\(quarter)-quarterly.zh.pdf"
        #expect(FileManager.default.fileExists(atPath: pdf), "\(report.stdout)")
        let text = try Self.pdfText(pdf)
        for word in ["大门 Gate", "堆场 Yard", "Gate PTZ", "Yard PTZ", "WB-gate", "WB-yard", "签字"] {
            #expect(text.contains(word), "\(word) missing from the PDF: \(text)")
        }
        #expect(!text.contains("ptz-1"), "device names, not ids")
    }

    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func anUnknownClientIsRefusedWithTheClosestKnownOne() throws {
        let dir = try Self.twoSitesOfOneClient()
        let result = try CLI.run(["report", "quarterly", "--client", "示例客户 ACMF", "--quarter", Self.quarter,
                                  "--store", dir + "/s.sqlite"])
        #expect(result.status == 3, "\(result.all)")
        #expect(result.stderr.contains("did you mean '\(Self.client)'"), "\(result.stderr)")
        let both = try CLI.run(["report", "quarterly", "--client", Self.client, "--site", "gate", "--quarter", Self.quarter,
                                "--store", dir + "/s.sqlite"])
        #expect(both.status != 0 && both.stderr.contains("not both"), "\(both.all)")
        let empty = try CLI.run(["report", "quarterly", "--client", Self.client, "--quarter", "2020Q1", "--store", dir + "/s.sqlite"])
        #expect(empty.status == 3 && empty.stderr.contains("no inspection recorded for sites gate, yard in 2020Q1"), "\(empty.all)")
    }

    @Test func theMaintenanceFormOfACallOutWithProbeEvidence() throws {
        let dir = try Self.twoSitesOfOneClient()
        let store = ["--store", dir + "/s.sqlite"]
        let add = try CLI.run(["log", "add", "--site", "gate", "--device", "ptz-1", "--reported", "云台不动", "--caller", "李经理",
                               "--called", "2026-11-03 14:20"] + store)
        #expect(add.status == 0 && add.stdout.contains("log entry 1: gate, arrive by 2026-11-03 16:20"), "\(add.all)")

        // The evidence: a real probe of the simulated decoder, attached to the entry.
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [SimulatedDecoder(address: 1)])
        _ = try decoders.start(link: dir + "/ptz")
        let probe = try CLI.run(["probe", "--site", dir + "/gate.yaml", "--device", "ptz-1", "--log", "1", "--timeout", "0.5",
                                 "--retries", "0"] + store)
        decoders.stop()
        #expect(probe.status != 3, "\(probe.all)")
        let close = try CLI.run(["log", "close", "1", "--arrived", "2026-11-03 17:05", "--resolved", "2026-11-03 18:00",
                                 "--handling", "更换解码板", "--technician", "张伟"] + store)
        #expect(close.status == 0, "\(close.all)")

        let md = try CLI.run(["log", "show", "1", "--format", "md"] + store)
        #expect(md.status == 0, "\(md.all)")
        for word in ["维护登记表", Self.client, "大门 Gate", "Gate PTZ", "云台不动", "李经理", "2026-11-03 16:20", "2026-11-03 17:05",
                     "| 是否按时到场 | **超时** |", "更换解码板", "张伟", "客户签字"] {
            #expect(md.stdout.contains(word), "\(word) missing: \(md.stdout)")
        }
        #expect(md.stdout.contains("云台"), "a probe check title in Chinese")
        #expect(!md.stdout.contains("ptz-1") && !md.stdout.contains("FF 01"), "no ids, no raw frames: \(md.stdout)")

        let html = try CLI.run(["log", "show", "1", "--lang", "en", "--out", dir + "/form/1.html"] + store)
        #expect(html.status == 0 && html.stdout.contains("wrote"), "\(html.all)")
        let page = (try? String(contentsOfFile: dir + "/form/1.html", encoding: .utf8)) ?? ""
        #expect(page.contains("Maintenance Registration Form") && page.contains("<strong>Late</strong>"), "\(page)")
        let pdf = try CLI.run(["log", "show", "1", "--format", "pdf", "--out", dir + "/form/1.pdf"] + store)
        #expect(pdf.status == 0, "\(pdf.all)")
        let pdfText = try Self.pdfText(dir + "/form/1.pdf")
        #expect(pdfText.contains("维护登记表") && pdfText.contains("超时") && pdfText.contains("Gate PTZ"), "\(pdfText)")
        let missing = try CLI.run(["log", "show", "9"] + store)
        #expect(missing.status == 3 && missing.stderr.contains("no entry 9"), "\(missing.all)")
    }

    @Test func logAddRefusesAnUnknownSiteAndAFutureCall() throws {
        let dir = try Self.twoSitesOfOneClient()
        let store = ["--store", dir + "/s.sqlite"]
        let typo = try CLI.run(["log", "add", "--site", "gat", "--reported", "x", "--called", "2026-11-03 14:20"] + store)
        #expect(typo.status == 3, "\(typo.all)")
        #expect(typo.stderr.contains("no site 'gat'") && typo.stderr.contains("did you mean 'gate'"), "\(typo.stderr)")

        let future = try CLI.run(["log", "add", "--site", "gate", "--reported", "x", "--called", "2099-01-01 08:00"] + store)
        #expect(future.status == 3, "\(future.all)")
        #expect(future.stderr.contains("2099-01-01 08:00 is in the future"), "\(future.stderr)")
        let list = try CLI.run(["log", "list"] + store)
        #expect(list.stdout.contains("no log entries"), "nothing was stored: \(list.all)")

        // A new store: only an inventory file can start it, and a refused call leaves no file behind.
        let fresh = dir + "/fresh/new.sqlite"
        let unknown = try CLI.run(["log", "add", "--site", "gate", "--reported", "x", "--store", fresh])
        #expect(unknown.status == 3 && unknown.stderr.contains("knows no site yet"), "\(unknown.all)")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let byFile = try CLI.run(["log", "add", "--site", dir + "/gate.yaml", "--reported", "x", "--store", fresh])
        #expect(byFile.status == 0 && byFile.stdout.contains("log entry 1: gate"), "\(byFile.all)")
    }
}
