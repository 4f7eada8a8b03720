import CheckupTestKit
import DeviceSimulators
import Foundation
import Testing

/// `checkup run` and `records list` against the office's PostgreSQL store (the tests' own
/// server): the same record as on SQLite, one run per site-month across processes, the
/// password never in any output.
@Suite(.serialized)
struct PostgresStoreCLITests {
    @Test func runAndListAgainstAPostgresStore() async throws {
        let server = try PostgresPeer.shared()
        let url = try server.createDatabase()
        let nvr = try await SNMPAgentFixture.start(profile: "hikvision-nvr", variant: "disk-2-smart-failed")
        defer { nvr.stop() }
        let dir = CLI.temporaryDirectory()
        let site = dir + "/site.yaml"
        try """
        site: {id: tower, client: 示例客户, name: 大楼, contract: C-9}
        devices:
          - {id: nvr-1, name: 录像机, location: 机房, kind: recorder, profile: hikvision-nvr, endpoint: "\(nvr.snmpURL)?version=2c"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        let env = ["CHECKUP_SNMP_COMMUNITY": "public", "PGPASSWORD": server.password]
        let run = ["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out",
                   "--format", "json", "--timeout", "0.5", "--retries", "0", "--store", url]
        let first = try CLI.run(run, environment: env)
        #expect(first.status == 2, "the NVR's disk fails: \(first.all)")
        #expect(first.stdout.contains(url), "the summary names the store: \(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/tower-2026-11-v1.json"))
        let second = try CLI.run(run, environment: env)
        #expect(second.status == 2, "\(second.all)")

        let list = try CLI.run(["records", "list", "--store", url], environment: ["PGPASSWORD": server.password])
        #expect(list.status == 0, "\(list.all)")
        #expect(list.stdout.contains("tower") && list.stdout.contains("2026-11"), "\(list.stdout)")
        // CHECKUP_STORE names the office store as well as --store does.
        let viaEnvironment = try CLI.run(["records", "list"], environment: ["PGPASSWORD": server.password, "CHECKUP_STORE": url])
        #expect(viaEnvironment.stdout == list.stdout, "\(viaEnvironment.all)")

        // Bad input: exit 3 with a clear message; the password in none of it.
        let inURL = try CLI.run(["records", "list", "--store", "postgres://checkup:\(server.password)@127.0.0.1:\(server.port)/x"])
        #expect(inURL.status == 3 && inURL.all.contains("password in the store URL is refused"), "\(inURL.all)")
        let wrong = try CLI.run(["records", "list", "--store", url], environment: ["PGPASSWORD": "wrong-password"])
        #expect(wrong.status == 3 && wrong.all.contains("password authentication failed"), "\(wrong.all)")
        let noUser = try CLI.run(["records", "list", "--store", "postgres://127.0.0.1/office"])
        #expect(noUser.status == 3 && noUser.all.contains("no user"), "\(noUser.all)")
        for outcome in [first, second, list, viaEnvironment, inURL, wrong] {
            #expect(!outcome.all.contains(server.password), "the password leaked: \(outcome.all)")
        }
        let records = try FileManager.default.contentsOfDirectory(atPath: dir + "/out")
        for file in records {
            let text = (try? String(contentsOfFile: dir + "/out/" + file, encoding: .utf8)) ?? ""
            #expect(!text.contains(server.password), "the password is in \(file)")
        }
    }

    /// Two runs of one site-month at once on the office store: the second refuses before
    /// probing, naming the holder; the server down: the run fails before probing, naming the store.
    @Test func aSecondRunIsRefusedAndADownServerStopsTheRunBeforeProbing() throws {
        let server = try PostgresPeer.start()
        defer { server.stop() }
        let url = try server.createDatabase()
        let dir = CLI.temporaryDirectory()
        let deadPort = try FreePort.tcp()
        let site = dir + "/site.yaml"
        try """
        site: {id: depot, client: 示例客户, name: 仓库}
        devices:
          - {id: cam-1, name: 摄像机, location: 门口, kind: camera, profile: generic-snmp, endpoint: "snmp://127.0.0.1:\(deadPort)"}
        """.write(toFile: site, atomically: true, encoding: .utf8)
        let env = ["CHECKUP_SNMP_COMMUNITY": "public", "PGPASSWORD": server.password]
        let run = ["run", "--site", site, "--month", "2026-11", "--date", "2026-11-20", "--out", dir + "/out", "--format", "json",
                   "--timeout", "4", "--retries", "0", "--store", url]
        let slow = Locked<CLI.Outcome?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            slow.set(try? CLI.run(run, environment: env))
            done.signal()
        }
        Thread.sleep(forTimeInterval: 1.5)  // the first run holds the lock, waiting on the dead camera
        let refused = try CLI.run(run, environment: env)
        done.wait()
        #expect(refused.status == 3, "\(refused.all)")
        #expect(refused.all.contains("being inspected by another run") && refused.all.contains("pid "), "\(refused.all)")
        let first = try #require(slow.get())
        #expect(first.status == 2, "the camera is offline: \(first.all)")

        try server.stopServer()
        let down = try CLI.run(run, environment: env)
        #expect(down.status == 3, "\(down.all)")
        #expect(down.all.contains("record store \(url)") && down.all.contains("cannot connect"), "\(down.all)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/depot-2026-11-v2.json"), "no record without a store")
        #expect(!down.all.contains(server.password))
    }
}
