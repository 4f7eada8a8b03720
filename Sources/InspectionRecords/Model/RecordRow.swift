public import CheckupCore

/// One line of a section of the monthly form.
public struct RecordRow: Sendable, Codable, Hashable {
    /// 1-based number within its section.
    public var number: Int
    /// Stable identity across versions: `DEVICE/CHECK`, `DEVICE/offline` or `manual/ITEM-ID`.
    /// Answer files and `records fill` address rows by it.
    public var key: String
    /// Inventory id of the device, nil for rows about the whole site (cabling, functions).
    public var deviceId: String?
    /// Device name as the client knows it.
    public var device: String
    public var location: String
    /// The form's item (报警主机, 硬盘, 防雷接地…).
    public var item: LocalizedText
    /// The check that filled the row, when a probe did.
    public var check: LocalizedText?
    public var result: RowResult
    /// The machine verdict behind `result` (pass, warn, fail, unreachable…), nil for rows a person filled.
    public var status: CheckStatus?
    public var observed: String
    public var expected: String
    /// 处理情况: what was done about it.
    public var handling: String
    /// True when a fault on this row was cleared during the visit.
    public var clearedOnSite: Bool
    public var source: RowSource
    /// The person who judged or edited the row (`records fill`).
    public var filledBy: String?
    /// Reference into the evidence appendix ("E3").
    public var evidenceRef: String?
    /// What a person should look at, for manual rows.
    public var instruction: LocalizedText?
    /// What the check saw, as data: the renderer words it in the record's language. Nil for
    /// rows a person described (then `observed` is their text).
    public var finding: Finding?
    /// Day the row's device was inspected, `YYYY-MM-DD`.
    public var inspectedOn: String?

    public init(number: Int = 0, key: String, deviceId: String? = nil, device: String, location: String = "",
                item: LocalizedText, check: LocalizedText? = nil, result: RowResult, status: CheckStatus? = nil,
                observed: String = "", expected: String = "", handling: String = "", clearedOnSite: Bool = false,
                source: RowSource, filledBy: String? = nil, evidenceRef: String? = nil,
                instruction: LocalizedText? = nil, finding: Finding? = nil, inspectedOn: String? = nil) {
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
        self.inspectedOn = inspectedOn
    }
}

/// One of the four sections of the form with its rows.
public struct RecordSectionTable: Sendable, Codable, Hashable {
    public var section: RecordSection
    public var title: LocalizedText
    public var rows: [RecordRow]

    public init(section: RecordSection, rows: [RecordRow] = []) {
        self.section = section
        self.title = section.title
        self.rows = rows
    }
}
