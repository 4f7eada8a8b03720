package import CheckupCore

/// One line of a section of the monthly form.
package struct RecordRow: Sendable, Codable, Hashable {
    /// 1-based number within its section.
    package var number: Int
    /// Stable identity across versions: `DEVICE/CHECK`, `DEVICE/offline` or `manual/ITEM-ID`.
    /// Answer files and `records fill` address rows by it.
    package var key: String
    /// Inventory id of the device, nil for rows about the whole site (cabling, functions).
    package var deviceId: String?
    /// Device name as the client knows it.
    package var device: String
    package var location: String
    /// The form's item (报警主机, 硬盘, 防雷接地…).
    package var item: LocalizedText
    /// The check that filled the row, when a probe did.
    package var check: LocalizedText?
    package var result: RowResult
    /// The machine verdict behind `result` (pass, warn, fail, unreachable…), nil for rows a person filled.
    package var status: CheckStatus?
    package var observed: String
    package var expected: String
    /// 处理情况: what was done about it.
    package var handling: String
    /// True when a fault on this row was cleared during the visit.
    package var clearedOnSite: Bool
    package var source: RowSource
    /// The person who judged or edited the row (`records fill`).
    package var filledBy: String?
    /// Reference into the evidence appendix ("E3").
    package var evidenceRef: String?
    /// What a person should look at, for manual rows.
    package var instruction: LocalizedText?
    /// What the check saw, as data: the renderer words it in the record's language. Nil for
    /// rows a person described (then `observed` is their text).
    package var finding: Finding?
    /// What the check expected, as data: the renderer words it (`expected` is its English line).
    package var expectation: Expectation?
    /// Day the row's device was inspected, `YYYY-MM-DD`.
    package var inspectedOn: String?

    package init(number: Int = 0, key: String, deviceId: String? = nil, device: String, location: String = "",
                item: LocalizedText, check: LocalizedText? = nil, result: RowResult, status: CheckStatus? = nil,
                observed: String = "", expected: String = "", handling: String = "", clearedOnSite: Bool = false,
                source: RowSource, filledBy: String? = nil, evidenceRef: String? = nil,
                instruction: LocalizedText? = nil, finding: Finding? = nil, expectation: Expectation? = nil,
                inspectedOn: String? = nil) {
        self.number = number
        self.key = key
        self.deviceId = deviceId
        self.device = device
        self.location = location
        self.item = item
        self.check = check
        self.result = result
        self.status = status
        self.observed = observed
        self.expected = expected
        self.handling = handling
        self.clearedOnSite = clearedOnSite
        self.source = source
        self.filledBy = filledBy
        self.evidenceRef = evidenceRef
        self.instruction = instruction
        self.finding = finding
        self.expectation = expectation
        self.inspectedOn = inspectedOn
    }
}

/// One of the four sections of the form with its rows.
package struct RecordSectionTable: Sendable, Codable, Hashable {
    package var section: RecordSection
    package var title: LocalizedText
    package var rows: [RecordRow]

    package init(section: RecordSection, rows: [RecordRow] = []) {
        self.section = section
        self.title = section.title
        self.rows = rows
    }
}
