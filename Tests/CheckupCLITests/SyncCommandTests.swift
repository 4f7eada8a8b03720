import CheckupTestKit
import DeviceSimulators
import Foundation
import Testing

/// `checkup sync` between technicians' laptops (SQLite) and the office's PostgreSQL store,
/// through the built binary and real runs of a simulated Pelco-D decoder (issue 14's "done when").
@Suite(.serialized)
struct SyncCommandTests {
    static let client = ReportLogCommandTests.client
    static let (quarter, months) = ReportLogCommandTests.lastQuarter
    static var month: String { months[1] }

    /// A folder with `gate.yaml` and `yard.yaml` (two sites of one client), `depot.yaml` (a third,
    /// due on the 10th), and two laptop stores: `zhang.sqlite` inspected the gate, `li.sqlite` the yard.
    static func twoLaptops() throws -> String {
        let dir = CLI.temporaryDirectory()
        let decoders = PTZDecoderSimulator(protocol: .d, baud: 2400, decoders: [SimulatedDecoder(address: 1)])
        _ = try decoders.start(link: dir + "/ptz")
        defer { decoders.stop() }
        for (id, name, device, laptop) in [("gate", "大门 Gate", "Gate PTZ", "zhang"), ("yard", "堆场 Yard", "Yard PTZ", "li")] {
            try """
            site: {id: \(id), client: \(client), name: \(name), contract: WB-\(id), response-zone: ring-2}
            devices:
              - {id: ptz-1, name: \(device), location: 大门, kind: ptz-decoder, profile: pelco-d-generic, endpoint: "pelco-d://\(dir)/ptz?address=1"}
            """.write(toFile: dir + "/\(id).yaml", atomically: true, encoding: .utf8)
            let run = try CLI.run(["run", "--site", dir + "/\(id).yaml", "--month", month, "--date", month + "-12", "--out",
                                   dir + "/run-\(laptop)", "--store", dir + "/\(laptop).sqlite", "--format", "json,md",
                                   "--timeout", "0.5", "--retries", "0"])
            #expect(run.status != 3 && run.all.contains("v1"), "checkup run \(id): \(run.all)")
        }
        try """
        site: {id: depot, client: \(client), name: 仓库 Depot, technician: {id: wang-fang, name: 王芳}, visits: {due-day: 10}}
        devices:
          - {id: cam-1, name: Camera, kind: camera, profile: generic-snmp, endpoint: "snmp://127.0.0.1:1"}
        """.write(toFile: dir + "/depot.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func twoLaptopsSyncToTheOfficeWhichShowsBothDoneAThirdOverdueAndSyncingAgainChangesNothing() throws {
        let server = try PostgresPeer.shared()
        let office = try server.createDatabase()
        let dir = try Self.twoLaptops()
        let pg = ["PGPASSWORD": server.password]
        // Li's laptop has the office password in its credentials file, under the store's name.
        let credentials = dir + "/credentials.yaml"
        try "\"\(office)\":\n  password: \(server.password)\n"
            .write(toFile: credentials, atomically: true, encoding: .utf8)
        chmod(credentials, 0o600)
        var outcomes: [CLI.Outcome] = []
        func run(_ arguments: [String], _ env: [String: String] = pg) throws -> CLI.Outcome {
            let outcome = try CLI.run(arguments, environment: env.merging(["HOME": dir]) { $1 })
            outcomes.append(outcome)
            return outcome
        }

        let imported = try run(["sites", "import", dir + "/depot.yaml", "--store", office])
        #expect(imported.status == 0, "\(imported.all)")
        let zhang = try run(["sync", "--to", office, "--store", dir + "/zhang.sqlite"])
        #expect(zhang.status == 0, "\(zhang.all)")
        #expect(zhang.stdout.contains("inspections") && zhang.stdout.contains("1 sent"), "\(zhang.stdout)")
        let li = try run(["sync", "--to", office, "--store", dir + "/li.sqlite", "--credentials", credentials], [:])
        #expect(li.status == 0, "the password from the credentials file: \(li.all)")

        let today = Self.month + "-28"
        let schedule = ["schedule", "--month", Self.month, "--today", today, "--format", "csv", "--lang", "en", "--store", office]
        let table = try run(schedule)
        #expect(table.status == 0, "\(table.all)")
        let lines = table.stdout.split(separator: "\r\n").map(String.init)
        func state(_ site: String) -> String? {
            lines.first { $0.contains(site) }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }?[5]
        }
        #expect(state("大门 Gate") == "Done" && state("堆场 Yard") == "Done", "both laptops' sites done: \(table.stdout)")
        #expect(state("仓库 Depot") == "Overdue", "\(table.stdout)")
        let overdue = try run(["schedule", "--month", Self.month, "--today", today, "--overdue", "--store", office])
        #expect(overdue.status == 1 && overdue.stdout.contains("depot"), "\(overdue.all)")

        let quarterly = ["report", "quarterly", "--client", Self.client, "--quarter", Self.quarter, "--format", "md", "--lang", "en",
                         "--store", office]
        let report = try run(quarterly)
        #expect(report.status == 0, "\(report.all)")
        for word in ["大门 Gate", "堆场 Yard", "Gate PTZ", "Yard PTZ", "WB-gate", "WB-yard"] {
            #expect(report.stdout.contains(word), "\(word) missing from the client's quarter: \(report.stdout)")
        }

        let list = try run(["records", "list", "--store", office])
        // Any command finds the password in the credentials file (CHECKUP_CREDENTIALS names it).
        let listByCredentials = try run(["records", "list", "--store", office], ["CHECKUP_CREDENTIALS": credentials])
        #expect(listByCredentials.status == 0 && listByCredentials.stdout == list.stdout, "\(listByCredentials.all)")
        let zhangAgain = try run(["sync", "--to", office, "--store", dir + "/zhang.sqlite"])
        let liAgain = try run(["sync", "--to", office, "--store", dir + "/li.sqlite", "--credentials", credentials], [:])
        for again in [zhangAgain, liAgain] {
            #expect(again.status == 0 && again.stdout.contains("nothing to send") && again.stdout.contains("0 sent, 0 updated"),
                    "\(again.all)")
        }
        #expect(try run(["records", "list", "--store", office]).stdout == list.stdout, "syncing again changed no version")
        #expect(try run(schedule).stdout == table.stdout)
        #expect(try run(quarterly).stdout == report.stdout)

        // No password anywhere: outputs, errors, records, the laptops' stores, the server's log.
        let bad = try run(["sync", "--to", "postgres://checkup:\(server.password)@127.0.0.1:\(server.port)/x",
                           "--store", dir + "/zhang.sqlite"])
        #expect(bad.status == 3 && bad.all.contains("password in the store URL is refused"), "\(bad.all)")
        let wrong = try run(["sync", "--to", office, "--store", dir + "/zhang.sqlite"], ["PGPASSWORD": "wrong-password"])
        #expect(wrong.status == 3 && wrong.all.contains("password authentication failed"), "\(wrong.all)")
        for outcome in outcomes {
            #expect(!outcome.all.contains(server.password), "the password leaked: \(outcome.all)")
        }
        var files = [dir + "/zhang.sqlite", dir + "/li.sqlite", server.folder + "/server.log"]
        for folder in ["run-zhang", "run-li"] {
            files += ((try? FileManager.default.subpathsOfDirectory(atPath: dir + "/" + folder)) ?? []).map { dir + "/\(folder)/" + $0 }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            #expect(data.range(of: Data(server.password.utf8)) == nil, "the password is in \(file)")
        }
    }

    /// The office server stopped: a sync fails with exit 3 naming the store; the laptop keeps
    /// everything, and the next sync once the server is back sends it all.
    @Test func aStoppedServerFailsTheSyncClearlyAndNothingIsLostLocally() throws {
        let server = try PostgresPeer.start()
        defer { server.stop() }
        let office = try server.createDatabase()
        let dir = try Self.twoLaptops()
        let env = ["PGPASSWORD": server.password, "HOME": dir]
        let laptop = ["--store", dir + "/zhang.sqlite"]
        let before = try CLI.run(["records", "list"] + laptop)
        try server.stopServer()
        let down = try CLI.run(["sync", "--to", office] + laptop, environment: env)
        #expect(down.status == 3, "\(down.all)")
        #expect(down.all.contains("record store \(office)") && down.all.contains("cannot connect"), "\(down.all)")
        #expect(!down.all.contains(server.password))
        #expect(try CLI.run(["records", "list"] + laptop).stdout == before.stdout, "the laptop's store is as it was")
        try server.startServer()
        let back = try CLI.run(["sync", "--to", office] + laptop, environment: env)
        #expect(back.status == 0 && back.stdout.contains("record versions") && back.stdout.contains("1 sent"), "\(back.all)")
    }

    /// `sync --from`: the office's sites (with their technician and cycle) and profiles come down
    /// before a trip; the profiles land in the user's profile directory, where every command reads them.
    @Test func syncFromBringsTheOfficesSitesAndProfilesDown() throws {
        let server = try PostgresPeer.shared()
        let office = try server.createDatabase()
        let dir = try Self.twoLaptops()
        let env = ["PGPASSWORD": server.password, "HOME": dir + "/home"]
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let generic = try String(contentsOf: repository.appendingPathComponent("device-profiles/generic/generic-snmp.yaml"), encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/office-profiles/cameras", withIntermediateDirectories: true)
        try generic.replacingOccurrences(of: "id: generic-snmp", with: "id: acme-snmp")
            .write(toFile: dir + "/office-profiles/cameras/acme-snmp.yaml", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["sites", "import", dir + "/depot.yaml", "--store", office], environment: env).status == 0)
        let up = try CLI.run(["sync", "--to", office, "--store", dir + "/zhang.sqlite", "--profiles", dir + "/office-profiles"],
                             environment: env)
        #expect(up.status == 0 && up.stdout.contains("profiles"), "\(up.all)")

        let down = try CLI.run(["sync", "--from", office, "--store", dir + "/new-laptop.sqlite"], environment: env)
        #expect(down.status == 0, "\(down.all)")
        #expect(down.stdout.contains("profiles: 1 new"), "\(down.stdout)")
        let written = dir + "/home/.config/checkup/profiles/cameras/acme-snmp.yaml"
        #expect(FileManager.default.contents(atPath: written) == FileManager.default.contents(atPath: dir + "/office-profiles/cameras/acme-snmp.yaml"))
        let sites = try CLI.run(["sites", "list", "--store", dir + "/new-laptop.sqlite"], environment: env)
        #expect(sites.stdout.contains("depot") && sites.stdout.contains("王芳") && sites.stdout.contains("gate"), "\(sites.all)")
        let profiles = try CLI.run(["profile", "list"], environment: env)
        #expect(profiles.stdout.contains("acme-snmp"), "the user's profile directory is read: \(profiles.all)")
        let again = try CLI.run(["sync", "--from", office, "--store", dir + "/new-laptop.sqlite"], environment: env)
        #expect(again.stdout.contains("nothing to send") && again.stdout.contains("1 unchanged in"), "\(again.all)")
    }

    @Test func demoStoresItsRecordInThePostgresStore() throws {
        let server = try PostgresPeer.shared()
        let office = try server.createDatabase()
        let dir = CLI.temporaryDirectory()
        let demo = try CLI.run(["demo", "--out", dir, "--format", "md", "--store", office], environment: ["PGPASSWORD": server.password])
        #expect(demo.status == 2, "three faults found: \(demo.all)")
        #expect(demo.stdout.contains(office), "the summary names the store: \(demo.stdout)")
        let list = try CLI.run(["records", "list", "--store", office], environment: ["PGPASSWORD": server.password])
        #expect(list.status == 0 && list.stdout.contains("v1"), "\(list.all)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/checkup.sqlite"), "no SQLite store beside it")
        #expect(!(demo.all + list.all).contains(server.password))
    }
}
