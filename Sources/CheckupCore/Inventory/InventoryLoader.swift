import Foundation
import Yams

/// Reads a site inventory (`site:` + `devices:`), reporting every problem as `path:line:col`.
///
/// Each endpoint is parsed once, here, by the rules of the probe that answers its scheme
/// (`probes`), so a bad URL is a `file:line:col` error before any device is contacted.
/// Profile ids are checked against `knownProfiles` when given, so a typo is caught before a
/// run starts. Credentials never belong here: a device names an entry of the credentials file.
package enum InventoryLoader: Sendable {
    static let siteKeys = ["id", "client", "name", "address", "contract", "response-zone", "manual-checklist", "visits", "technician"]
    static let deviceKeys = ["id", "name", "location", "kind", "profile", "endpoint", "credentials", "retired", "replaces"]

    package static func load(path: String, probes: ProbeRegistry, knownProfiles: [String]? = nil) throws(FileErrors) -> Site {
        let text = try UTF8Text.read(path: path, what: "inventory")
        return try load(text: text, origin: path, probes: probes, knownProfiles: knownProfiles)
    }

    package static func load(text: String, origin: String, probes: ProbeRegistry, knownProfiles: [String]? = nil) throws(FileErrors) -> Site {
        let d = Diagnostics(file: origin)
        guard let root = d.compose(text), let top = MappingReader(root, d, what: "a site inventory") else { throw FileErrors(d.errors) }
        var site = Site(id: "", client: "", name: "")
        if let siteNode = top.node("site"), let r = MappingReader(siteNode, d, what: "'site'") {
            site.id = r.string("id", required: true) ?? ""
            site.client = r.string("client", required: true) ?? ""
            site.name = r.string("name") ?? site.client
            site.address = r.string("address")
            site.contract = r.string("contract")
            site.responseZone = r.string("response-zone")
            if let list = r.node("manual-checklist") { site.manualChecklist = readChecklist(list, d) }
            if let node = r.node("visits") { site.visits = readVisits(node, d) }
            if let node = r.node("technician") { site.technician = readTechnician(node, d) }
            r.finish(allowed: siteKeys)
        } else if !top.has("site") {
            d.report("missing required key 'site'", at: root)
        }
        if let devicesNode = top.node("devices") {
            if case .sequence(let items) = devicesNode {
                var seen = Set<String>()  // a set, not a scan of the list: loading stays linear
                for item in items {
                    guard let device = readDevice(item, d, probes: probes, knownProfiles: knownProfiles) else { continue }
                    if !seen.insert(device.id).inserted {
                        d.report("duplicate device id '\(device.id)'", at: item)
                    }
                    site.devices.append(device)
                }
            } else {
                d.report("'devices' must be a list", at: devicesNode)
            }
        } else {
            d.report("missing required key 'devices'", at: root)
        }
        top.finish(allowed: ["site", "devices"])
        if !d.errors.isEmpty { throw FileErrors(d.errors) }
        return site
    }

    private static func readDevice(_ node: Node, _ d: Diagnostics, probes: ProbeRegistry, knownProfiles: [String]?) -> Device? {
        guard let r = MappingReader(node, d, what: "a device") else { return nil }
        let id = r.string("id", required: true)
        let name = r.string("name")
        let location = r.string("location")
        let kindText = r.string("kind", required: true)
        let profile = r.string("profile", required: true)
        let endpointText = r.string("endpoint", required: true)
        let credentials = r.string("credentials")
        let retired = r.string("retired")
        let replaces = r.string("replaces")
        r.finish(allowed: deviceKeys)
        if let retired, !isMonth(retired) { d.report("'retired' must be a month YYYY-MM, found '\(retired)'", at: r.node("retired")) }

        var kind: DeviceKind?
        if let kindText {
            kind = DeviceKind(rawValue: kindText)
            if kind == nil {
                let allowed = DeviceKind.allCases.map(\.rawValue)
                d.report("'kind' must be one of \(allowed.joined(separator: ", ")), found '\(kindText)'", at: r.node("kind"),
                         hint: Suggest.closest(to: kindText, in: allowed).map { "did you mean '\($0)'?" })
            }
        }
        if let profile, let knownProfiles, !knownProfiles.contains(profile) {
            d.report("unknown profile '\(profile)'", at: r.node("profile"),
                     hint: Suggest.closest(to: profile, in: knownProfiles).map { "did you mean '\($0)'?" } ?? "see `checkup profile list`")
        }
        var endpoint: Endpoint?
        if let endpointText {
            do { endpoint = try probes.endpoint(parsing: endpointText) } catch {
                d.report("bad endpoint: \(error.message)", at: r.node("endpoint"))
            }
        }
        guard let id, let kind, let profile, let endpoint else { return nil }
        var device = Device(id: id, name: name ?? id, location: location, kind: kind, profile: profile, endpoint: endpoint,
                            credentials: credentials)
        device.retiredFrom = retired
        device.replaces = replaces
        return device
    }

    static func isMonth(_ text: String) -> Bool { Month(text) != nil }

    static func isDay(_ text: String) -> Bool {
        text.range(of: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", options: .regularExpression) != nil
    }

    /// `visits: monthly`, `visits: {every-months: 3, from: 2026-01, due-day: 25}`, or a key
    /// site's own plan `visits: {dates: [2026-11-05, …], holiday-duty: [2026-10-01]}`.
    private static func readVisits(_ node: Node, _ d: Diagnostics) -> VisitPlan? {
        if let text = node.scalar?.string {
            guard text == "monthly" else {
                d.report("'visits' must be monthly or {every-months, from, due-day, dates, holiday-duty}", at: node)
                return nil
            }
            return VisitPlan()
        }
        guard let r = MappingReader(node, d, what: "'visits' ({every-months, from, due-day, dates, holiday-duty})") else { return nil }
        var plan = VisitPlan()
        if let n = r.int("every-months") {
            if (1...24).contains(n) { plan.everyMonths = n } else { d.report("'every-months' must be 1…24", at: r.node("every-months")) }
        }
        if let from = r.string("from") {
            if isMonth(from) { plan.from = from } else { d.report("'from' must be a month YYYY-MM, found '\(from)'", at: r.node("from")) }
        }
        if let day = r.int("due-day") {
            if (1...31).contains(day) { plan.dueDay = day } else { d.report("'due-day' must be 1…31", at: r.node("due-day")) }
        }
        plan.dates = days(r.node("dates"), key: "dates", d)
        plan.holidayDuty = days(r.node("holiday-duty"), key: "holiday-duty", d)
        r.finish()
        return plan
    }

    private static func days(_ node: Node?, key: String, _ d: Diagnostics) -> [String] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            d.report("'\(key)' must be a list of days YYYY-MM-DD", at: node)
            return []
        }
        return items.compactMap { item in
            guard let day = item.scalar?.string, isDay(day) else {
                d.report("'\(key)': expected a day YYYY-MM-DD, found '\(item.scalar?.string ?? "?")'", at: item)
                return nil
            }
            return day
        }.sorted()
    }

    /// `technician: 张伟` (the name is the id) or `technician: {id: zhang-wei, name: 张伟}`.
    private static func readTechnician(_ node: Node, _ d: Diagnostics) -> Technician? {
        if let name = node.scalar?.string { return Technician(id: name, name: name) }
        guard let r = MappingReader(node, d, what: "'technician' ({id, name})") else { return nil }
        let id = r.string("id", required: true)
        let name = r.string("name")
        r.finish()
        return id.map { Technician(id: $0, name: name ?? $0) }
    }

    private static func readChecklist(_ node: Node, _ d: Diagnostics) -> [ManualItem] {
        guard case .sequence(let items) = node else {
            d.report("'manual-checklist' must be a list of {id, section, item, instruction}", at: node)
            return []
        }
        return items.compactMap { item in
            guard let r = MappingReader(item, d, what: "a checklist item") else { return nil }
            let id = r.string("id", required: true)
            let sectionText = r.string("section", required: true)
            let title = r.localized("item", required: true)
            let instruction = r.localized("instruction")
            r.finish()
            let section = sectionText.flatMap(RecordSection.init(rawValue:))
            if sectionText != nil, section == nil {
                d.report("'section' must be one of \(RecordSection.allCases.map(\.rawValue).joined(separator: ", "))", at: r.node("section"))
            }
            guard let id, let section, let title else { return nil }
            return ManualItem(id: id, section: section, item: title, instruction: instruction)
        }
    }
}
