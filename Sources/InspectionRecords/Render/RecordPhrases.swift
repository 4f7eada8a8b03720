import CheckupCore
import Foundation

/// Words a finding in the record's language: `主电源：正常` is the item and `正常` the
/// finding; `256 个防区均正常`, `2 号硬盘（HDD2）：SMART 故障`, `27 %`, `设备离线：30 秒内无应答`.
/// A zh page gets no English status word: state names the profile did not translate are looked
/// up in `stateWords`, and what is still English is device text (a model name), shown as it is.
enum RecordPhrases {
    static func observed(_ row: RecordRow, lang: Language) -> String {
        guard let finding = row.finding else { return row.observed }
        return words(finding, lang: lang)
    }

    static func words(_ finding: Finding, lang: Language) -> String {
        let zh = lang == .zh
        switch finding {
        case .quantity(let value, let unit):
            let symbol = zh ? unit.map { zhUnits[$0] ?? $0 } : unit
            return number(value) + (symbol.map { $0 == "°" ? $0 : " \($0)" } ?? "")
        case .state(let name):
            return state(name, lang)
        case .flags(let raised):
            guard !raised.isEmpty else { return zh ? "无" : "none" }
            return raised.map { state($0, lang) }.joined(separator: zh ? "、" : ", ")
        case .rows(let total, let noun, let offending):
            let what = noun.map { zh ? $0.zh : $0.en.lowercased() } ?? (zh ? "项" : "items")
            guard !offending.isEmpty else {
                if total == 0 { return zh ? "无\(what)" : "no \(what)" }
                return zh ? "\(total) 个\(what)均正常" : "all \(total) \(what) normal"
            }
            let listed = offending.prefix(8).map { row -> String in
                let label = zh ? row.label.zh : row.label.en
                guard let s = row.state else { return label }
                return zh ? "\(label)：\(state(s, lang))" : "\(label): \(state(s, lang))"
            }
            let more = offending.count > 8 ? (zh ? " 等 \(offending.count) 个" : " and \(offending.count - 8) more") : ""
            return listed.joined(separator: zh ? "；" : "; ") + more
        case .count(let matching, let total, let noun):
            let what = noun.map { zh ? $0.zh : $0.en.lowercased() } ?? (zh ? "项" : "items")
            return zh ? "\(total) 个\(what)中 \(matching) 个符合" : "\(matching) of \(total) \(what)"
        case .clock(let skew):
            let s = number(abs(skew.rounded()))
            let sign = skew >= 0 ? "+" : "−"
            return zh ? "时钟偏差 \(sign)\(s) 秒" : "clock off by \(sign)\(s) s"
        case .text(let value):
            return value
        case .unreachable(let waited):
            guard waited >= 0.5 else { return zh ? "设备离线：无应答" : "device offline: no answer" }
            let s = number(waited.rounded())
            return zh ? "设备离线：\(s) 秒内无应答" : "device offline: no answer within \(s) s"
        case .notSupported:
            return zh ? "本设备不支持该项" : "not supported by this unit"
        case .notRun:
            return zh ? "未执行（主动测试需现场授权）" : "not run (active test needs on-site authorisation)"
        case .manual(let instruction):
            return instruction.map { $0.text(lang) } ?? ""
        case .unreadable:
            return zh ? "应答无法判读（见附录）" : "answer could not be judged (see appendix)"
        case .notInspected(let reason):
            return reason.text(lang)
        }
    }

    /// A state in the record's language: the profile's words, else the common ones below.
    static func state(_ name: LocalizedText, _ lang: Language) -> String {
        guard lang == .zh else { return name.en }
        if name.zh != name.en { return name.zh }
        return stateWords[name.en.lowercased()] ?? name.zh
    }

    /// Common English state names of device maps, in Chinese.
    static let stateWords: [String: String] = [
        "ok": "正常", "normal": "正常", "good": "正常", "healthy": "正常", "present": "正常", "online": "在线",
        "up": "正常", "down": "断开", "running": "运行中", "connected": "已连接", "disconnected": "未连接",
        "closed": "闭合", "open": "打开", "armed": "已布防", "disarmed": "已撤防", "armable": "可布防",
        "not armable": "不能布防", "bypassed": "已旁路", "alarm": "报警", "tamper": "防拆报警", "fault": "故障",
        "failure": "故障", "failed": "故障", "error": "错误", "offline": "离线", "absent": "不在位", "unknown": "未知",
        "mains failure": "主电故障", "mains fault": "主电故障", "battery fault": "电池故障", "battery low": "电池欠压", "low battery": "电池欠压",
        "smartfailed": "SMART 故障", "unformatted": "未格式化", "abnormal": "异常", "mismatch": "不匹配",
        "idle": "空闲", "notonline": "不在线", "repairing": "修复中", "formatting": "格式化中",
        "yes": "是", "no": "否", "true": "是", "false": "否", "on": "开", "off": "关",
        "nosignal": "无视频信号", "no signal": "无视频信号", "raidsub": "正常（阵列成员）",
        "onbattery": "电池供电", "on battery": "电池供电", "battery normal": "电池正常", "battery depleted": "电池耗尽",
        "dvr": "DVR", "nvr": "NVR", "ipc": "IPC",
    ]

    /// Units of time in Chinese; symbols (%, °C, V, GB, ms) read the same in both languages.
    static let zhUnits: [String: String] = ["s": "秒", "min": "分钟", "h": "小时"]

    /// Numbers as a person writes them: no trailing ".0", at most two decimals.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.2f", value).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }
}
