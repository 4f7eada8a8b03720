import ArgumentParser
import CheckupCore
import Foundation
import InspectionRecords

/// `checkup records unlock`: removes a site-month's run lock left by a run on another machine
/// that is gone (a lock of a dead process on this machine is taken over by the next run).
struct RecordsUnlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Remove the run lock of a site-month whose run is gone.")

    @OptionGroup var store: StoreOption

    @Option(help: ArgumentHelp("Site inventory file or site id.", valueName: "FILE|ID"))
    var site: String

    @Option(help: ArgumentHelp("Month.", valueName: "YYYY-MM"))
    var month: Month

    func run() async throws {
        let s = try store.open()
        let id = try SiteReference.resolve(site, store: s).id
        let removed = try s.removeMonthLock(site: id, month: month.description)
        print(removed.map { "removed the lock of \(id) \(month) (host \($0.host), pid \($0.pid))" } ?? "\(id) \(month) was not locked")
    }
}
