import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup sites`: the sites the store knows, with their contracts and visit cycles.
struct SitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites", abstract: "Import site inventories into the store and list them.",
        subcommands: [SitesImport.self, SitesList.self])
}

/// `checkup sites import FILE…`: stores (or updates) each inventory's site, noting the file and its hash.
struct SitesImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Store or update sites from inventory files (the file stays the source of a run).")

    @OptionGroup var store: StoreOption

    @Argument(help: ArgumentHelp("Site inventory files.", valueName: "FILE"))
    var files: [String]

    func run() async throws {
        var sites: [Site] = []
        for file in files {  // every file checked before the store is touched
            let workspace = Workspace()
            var site = try InventoryLoader.load(path: file, probes: workspace.registry, knownProfiles: workspace.catalog.ids)
            let data = FileManager.default.contents(atPath: file) ?? Data()
            site.origin = SiteOrigin(file: URL(fileURLWithPath: file).standardizedFileURL.path, sha256: RecordDigest.hex(data),
                                     importedAt: Date())
            sites.append(site)
        }
        let s = try store.openCreating()
        for site in sites {
            try s.save(site: site)
            print("imported \(site.id) (\(site.client), \(site.devices.count) devices) from \(site.origin?.file ?? "") "
                  + "sha256 \(String(site.origin?.sha256.prefix(12) ?? ""))")
        }
    }
}

/// `checkup sites list`: every site with its client, cycle and technician.
struct SitesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sites the store knows.")

    @OptionGroup var store: StoreOption

    func run() async throws {
        let s = try store.open()
        let rows: [[String]] = try s.siteIds().compactMap { id in
            guard let site = try s.site(id: id) else { return nil }
            let cycle = site.visits.map { $0.dates.isEmpty ? "every \($0.everyMonths) month(s)" : "own plan (\($0.dates.count) days)" } ?? "monthly"
            return [id, site.client, site.name, site.contract ?? "-", cycle, site.technician?.name ?? "-",
                    "\(site.devices.count)", site.origin.map { String($0.sha256.prefix(12)) } ?? "from a run"]
        }
        print(Table(header: ["SITE", "CLIENT", "NAME", "CONTRACT", "VISITS", "TECHNICIAN", "DEVICES", "IMPORTED"], rows: rows).render())
    }
}
