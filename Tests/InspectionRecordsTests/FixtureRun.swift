import CheckupCore
import Foundation
@testable import InspectionRecords

/// A fixed site and run: five devices (alarm host, NVR with a community in its URL, camera,
/// PTZ decoder, one dead camera), every kind of status, fixed dates. Built in code so the
/// golden files depend on nothing else.
enum FixtureRun {
    static let community = "s3cret-community"
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// Written in full, as a stored site holds them: no probe's defaults are applied here.
    static func endpoint(_ text: String) -> Endpoint {
        do { return try Endpoint(splitting: text) } catch { fatalError("fixture endpoint \(text): \(error)") }
    }

    static var site: Site {
        Site(id: "acme-hq", client: "安盛物业 Acme Property", name: "总部大楼 HQ building", address: "北京市朝阳区 1 号",
             contract: "WB-2026-017", responseZone: "ring-3", devices: [
                Device(id: "panel-1", name: "报警主机 Panel 1", location: "值班室 Guard room", kind: .alarmHost,
                       profile: "generic-alarm-host", endpoint: endpoint("modbus-tcp://127.0.0.1:15020?unit=1")),
                Device(id: "nvr-1", name: "NVR 1", location: "机房 Server room", kind: .recorder,
                       profile: "hikvision-nvr", endpoint: endpoint("snmp://\(community)@127.0.0.1:16161?version=2c")),
                Device(id: "cam-lobby", name: "大堂摄像机 Lobby camera", location: "大堂 Lobby", kind: .camera,
                       profile: "hikvision-camera", endpoint: endpoint("snmp://127.0.0.1:16162?version=2c")),
                Device(id: "ptz-gate", name: "门口云台 Gate PTZ", location: "大门 Gate", kind: .ptzDecoder,
                       profile: "pelco-d-decoder", endpoint: endpoint("pelco-d:///dev/ttyS9?address=3&baud=2400")),
                Device(id: "cam-dead", name: "后门摄像机 Back door camera", location: "后门 Back door", kind: .camera,
                       profile: "hikvision-camera", endpoint: endpoint("snmp://127.0.0.1:16199?version=2c")),
             ])
    }

    static let started = Date(timeIntervalSince1970: 1_795_140_000) // 2026-11-20 ~10:00 Shanghai
    static let alarmHost = RecordMapping(section: .centralControl, item: LocalizedText(zh: "报警主机", en: "Alarm host"))
    static let recorder = RecordMapping(section: .centralControl, item: LocalizedText(zh: "图象处理和记录设备", en: "Recording equipment"))
    static let disks = RecordMapping(section: .centralControl, item: LocalizedText(zh: "硬盘", en: "Hard disks"))
    static let cameras = RecordMapping(section: .frontEnd, item: LocalizedText(zh: "摄像机", en: "Cameras"))
    static let decoders = RecordMapping(section: .frontEnd, item: LocalizedText(zh: "解码器", en: "Decoders"))
    static let functions = RecordMapping(section: .systemFunctions, item: LocalizedText(zh: "系统时钟", en: "System clock"))

    static func result(_ device: String, _ check: String, _ zh: String, _ en: String, _ status: CheckStatus,
                       observed: String = "", expected: String = "", evidence: [String] = [],
                       offending: [String] = [], record: RecordMapping? = nil, note: String? = nil) -> CheckResult {
        CheckResult(device: device, check: check, title: LocalizedText(zh: zh, en: en), status: status,
                    observed: observed, expected: expected, evidence: evidence, durationMs: 12,
                    offending: offending, record: record, note: note)
    }

    /// The run. `variant` changes one observed value, for hash tests.
    static func report(variant: Int = 0, started: Date = started, deadCamera: Bool = true,
                       nvrDiskFails: Bool = true) -> RunReport {
        var results: [CheckResult] = [
            result("panel-1", "mains", "主电源", "Mains power", .pass, observed: "normal", expected: "normal",
                   evidence: ["FC02 0x0100 ×1 → 0"], record: alarmHost),
            result("panel-1", "battery", "备用电池", "Backup battery", .warn, observed: "low", expected: "normal",
                   evidence: ["FC02 0x0101 ×1 → 1"], record: alarmHost),
            result("panel-1", "zones-bypassed", "旁路防区", "Bypassed zones", .pass, observed: "0", expected: "0",
                   evidence: ["FC02 0x2001 ×8 → 00000000"], record: alarmHost),
            result("nvr-1", "cpu", "CPU 使用率", "CPU usage", .pass, observed: "\(27 + variant) %", expected: "≤ 80",
                   evidence: ["1.3.6.1.4.1.50001.1.221.0 = INTEGER: \(27 + variant)"], record: recorder),
            result("nvr-1", "disks", "硬盘状态", "Disk status", nvrDiskFails ? .fail : .pass,
                   observed: nvrDiskFails ? "disk 2 SmartFailed" : "every disk Normal", expected: "every disk Normal",
                   evidence: ["1.3.6.1.4.1.50001.1.241.1.3.1 = INTEGER: 0",
                              "1.3.6.1.4.1.50001.1.241.1.3.2 = INTEGER: \(nvrDiskFails ? 3 : 0)"],
                   offending: nvrDiskFails ? ["disk 2"] : [], record: disks),
            result("nvr-1", "clock", "时钟偏差", "Clock deviation", .pass, observed: "3 s", expected: "≤ 60 s",
                   evidence: ["1.3.6.1.2.1.25.1.2.0 = 2026-11-20 10:00:03"], record: functions),
            result("cam-lobby", "uptime", "运行时间", "Uptime", .pass, observed: "12 d", expected: "> 0",
                   evidence: ["1.3.6.1.2.1.1.3.0 = Timeticks: 103680000"], record: cameras),
            result("cam-lobby", "lens", "镜头清洁", "Lens clean", .manual,
                   record: RecordMapping(section: .frontEnd, item: LocalizedText(zh: "镜头", en: "Lenses")),
                   note: "目视检查镜头是否清洁 / Look at the lens"),
            result("ptz-gate", "query-position", "云台位置查询", "PTZ position query", .pass, observed: "pan 120.0°",
                   evidence: ["sent: FF 03 00 51 00 00 54", "received: FF 03 00 59 2E E0 6A"], record: decoders),
            result("ptz-gate", "pan-test", "云台转动测试", "PTZ pan test", .skipped, record: decoders),
        ]
        var devices = [
            DeviceOutcome(device: "panel-1", profile: "generic-alarm-host", endpoint: "modbus-tcp://127.0.0.1:15020?unit=1", durationMs: 40),
            DeviceOutcome(device: "nvr-1", profile: "hikvision-nvr", endpoint: site.devices[1].endpoint.description, durationMs: 35),
            DeviceOutcome(device: "cam-lobby", profile: "hikvision-camera", endpoint: "snmp://127.0.0.1:16162?version=2c", durationMs: 20),
            DeviceOutcome(device: "ptz-gate", profile: "pelco-d-decoder", endpoint: "pelco-d:///dev/ttyS9?address=3&baud=2400", durationMs: 130),
        ]
        if deadCamera {
            results += [
                result("cam-dead", "uptime", "运行时间", "Uptime", .unreachable, observed: "timeout after 300 ms", record: cameras),
                result("cam-dead", "model", "型号", "Model", .unreachable, observed: "timeout after 300 ms", record: cameras),
            ]
            devices.append(DeviceOutcome(device: "cam-dead", profile: "hikvision-camera", endpoint: "snmp://127.0.0.1:16199?version=2c",
                                         unreachable: "timeout after 300 ms", durationMs: 600,
                                         exchanges: [Exchange(.sent, "GET 1.3.6.1.2.1.1.3.0", at: started),
                                                     Exchange(.note, "timeout after 300 ms", at: started)]))
        } else {
            results.append(result("cam-dead", "uptime", "运行时间", "Uptime", .pass, observed: "1 d", expected: "> 0",
                                  evidence: ["1.3.6.1.2.1.1.3.0 = Timeticks: 8640000"], record: cameras))
            devices.append(DeviceOutcome(device: "cam-dead", profile: "hikvision-camera",
                                         endpoint: "snmp://127.0.0.1:16199?version=2c", durationMs: 20))
        }
        return RunReport(site: site, startedAt: started, finishedAt: started.addingTimeInterval(90), incomplete: false,
                         devices: devices, results: results)
    }

    static func record(variant: Int = 0, version: Int? = 2) -> MonthlyRecord {
        var r = try! RecordFiller(timeZone: shanghai).fill(report: report(variant: variant), month: "2026-11",
                                                           technicians: ["张伟", "Li Na"])
        r.version = version
        return r
    }
}
