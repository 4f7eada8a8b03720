import CheckupCore

/// Counts, device by device over a quarter's records, inspections, answers and fault months.
struct DeviceTally {
    private var order: [String] = []
    private var names: [String: String] = [:]
    private var inspections: [String: Int] = [:]
    private var online: [String: Int] = [:]
    private var abnormalRows: [String: Int] = [:]
    private var abnormalMonths: [String: [String]] = [:]
    private var abnormalItems: [String: [LocalizedText]] = [:]
    private var states: [String: [String: DeviceState]] = [:]

    /// Adds one month; call in month order. Only abnormal rows are faults: a warning (注意) is not.
    mutating func add(_ record: MonthlyRecord) {
        let month = record.header.period
        for d in record.devices {
            if names[d.id] == nil { order.append(d.id) }
            names[d.id] = d.name
            states[d.id, default: [:]][month] = d.state
            // A device left out this month gives no data, rather than a month offline.
            guard d.state != .notInspected else { continue }
            inspections[d.id, default: 0] += 1
            if d.state == .inspected { online[d.id, default: 0] += 1 }
        }
        for row in record.rows where row.result == .abnormal {
            guard let id = row.deviceId else { continue }
            abnormalRows[id, default: 0] += 1
            if abnormalMonths[id]?.last != month { abnormalMonths[id, default: []].append(month) }
            let item = row.check ?? row.item
            if !(abnormalItems[id]?.contains(item) ?? false) { abnormalItems[id, default: []].append(item) }
        }
    }

    /// `months`: the quarter's, so a month without a record shows as no data.
    func availability(months: [String]) -> [SiteQuarter.DeviceAvailability] {
        order.map { id in
            let n = inspections[id] ?? 0
            let monthly = months.map { month in
                let answer: SiteQuarter.MonthAnswer.Answer = switch states[id]?[month] {
                case .inspected: .online
                case .unreachable: .offline
                case .notInspected, nil: .noData
                }
                return SiteQuarter.MonthAnswer(month: month, answer: answer)
            }
            return SiteQuarter.DeviceAvailability(
                deviceId: id, device: names[id] ?? id, inspections: n, online: online[id] ?? 0,
                availability: n == 0 ? nil : Double(online[id] ?? 0) / Double(n),
                abnormalRows: abnormalRows[id] ?? 0, abnormalMonths: abnormalMonths[id] ?? [], monthly: monthly)
        }
    }

    func recurring() -> [SiteQuarter.RecurringFault] {
        order.compactMap { id in
            guard let months = abnormalMonths[id], months.count >= 2 else { return nil }
            return SiteQuarter.RecurringFault(deviceId: id, device: names[id] ?? id, months: months,
                                              items: abnormalItems[id] ?? [])
        }
    }
}
