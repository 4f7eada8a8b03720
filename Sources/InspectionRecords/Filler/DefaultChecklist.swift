package import CheckupCore

/// The items no probe can see, after the regime's four sections (docs/reference.md §1). A site's
/// `manual-checklist` replaces this list entirely.
package enum DefaultChecklist: Sendable {
    package static let items: [ManualItem] = [
        // Front-end devices
        ManualItem(id: "lenses", section: .frontEnd, item: LocalizedText(zh: "镜头", en: "Lenses"),
                   instruction: LocalizedText(zh: "镜头清洁、无遮挡、聚焦清晰", en: "Lenses clean, unobstructed, in focus")),
        ManualItem(id: "front-end-mounts", section: .frontEnd,
                   item: LocalizedText(zh: "立杆、防护罩与支架", en: "Poles, housings and brackets"),
                   instruction: LocalizedText(zh: "安装牢固、无锈蚀、防护罩密封", en: "Firmly mounted, no rust, housings sealed")),
        ManualItem(id: "detector-walk-test", section: .frontEnd,
                   item: LocalizedText(zh: "入侵探测器步行测试", en: "Intrusion detector walk test"),
                   instruction: LocalizedText(zh: "逐个触发探测器，报警主机在 2 秒内收到报警",
                                              en: "Trigger each detector; the alarm host reports it within 2 s")),
        // Cabling
        ManualItem(id: "cable-quality", section: .cabling, item: LocalizedText(zh: "线缆质量", en: "Cable quality"),
                   instruction: LocalizedText(zh: "线缆无破损、老化、鼠咬", en: "No damaged, aged or gnawed cable")),
        ManualItem(id: "grounding", section: .cabling,
                   item: LocalizedText(zh: "防雷接地", en: "Lightning protection and grounding"),
                   instruction: LocalizedText(zh: "防雷器完好，接地连接可靠", en: "Surge protectors intact, ground connections sound")),
        ManualItem(id: "shielding", section: .cabling, item: LocalizedText(zh: "屏蔽", en: "Shielding"),
                   instruction: LocalizedText(zh: "屏蔽层完整并单端接地，图像无干扰", en: "Shields intact and grounded at one end; no interference on images")),
        ManualItem(id: "joints", section: .cabling, item: LocalizedText(zh: "线路接头", en: "Cable joints"),
                   instruction: LocalizedText(zh: "接头牢固、无氧化、防水良好", en: "Joints tight, not oxidised, waterproofed")),
        // Central control equipment
        ManualItem(id: "monitors", section: .centralControl, item: LocalizedText(zh: "监视器", en: "Monitors"),
                   instruction: LocalizedText(zh: "显示正常，无偏色、无坏点", en: "Display normal, no colour cast or dead pixels")),
        ManualItem(id: "matrix-switcher", section: .centralControl,
                   item: LocalizedText(zh: "矩阵切换主机", en: "Matrix switcher"),
                   instruction: LocalizedText(zh: "切换、轮巡、控制键盘正常", en: "Switching, sequencing and control keyboard work")),
        ManualItem(id: "playback-clarity", section: .centralControl,
                   item: LocalizedText(zh: "回放清晰度", en: "Playback clarity"),
                   instruction: LocalizedText(zh: "抽查录像回放，图像质量不低于 4 级", en: "Play back sample recordings; image quality grade ≥ 4")),
        // System functions
        ManualItem(id: "alarm-video-linkage", section: .systemFunctions,
                   item: LocalizedText(zh: "报警联动", en: "Alarm-to-video linkage"),
                   instruction: LocalizedText(zh: "报警触发后 4 秒内联动相应画面", en: "The alarm brings up its camera within 4 s")),
        ManualItem(id: "operation", section: .systemFunctions, item: LocalizedText(zh: "系统操作", en: "System operation"),
                   instruction: LocalizedText(zh: "布撤防、查询、录像检索操作正常", en: "Arming, queries and recording search work")),
        ManualItem(id: "technical-indicators", section: .systemFunctions,
                   item: LocalizedText(zh: "技术指标", en: "Technical indicators"),
                   instruction: LocalizedText(zh: "录像保存天数、备用电源时间符合合同要求",
                                              en: "Retention days and backup-power time meet the contract")),
    ]
}
