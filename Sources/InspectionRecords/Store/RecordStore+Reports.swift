import CheckupCore
import Foundation

/// Read-only queries for the reports: which clients the store knows and their sites.
extension RecordStore {
    /// Client names of the stored sites, sorted.
    package func clients() throws(RecordError) -> [String] {
        try read { db in try db.column("SELECT DISTINCT client FROM sites ORDER BY client") }
    }

    /// Ids of the stored sites of one client (exact name), sorted.
    package func siteIds(client: String) throws(RecordError) -> [String] {
        try read { db in
            try db.column("SELECT id FROM sites WHERE client = ? ORDER BY id", [client])
        }
    }

    /// The sites of a client; an unknown client is an error naming the closest known one.
    package func siteIds(ofKnownClient client: String) throws(RecordError) -> [String] {
        let ids = try siteIds(client: client)
        if !ids.isEmpty { return ids }
        let known = try clients()
        guard !known.isEmpty else {
            throw RecordError("client '\(client)': the store \(path) knows no client yet (sites are stored by `checkup run`)")
        }
        let hint = Suggest.closest(to: client, in: known).map { " (did you mean '\($0)'?)" } ?? ""
        throw RecordError("client '\(client)': no site of this client in \(path)\(hint); known clients: "
                          + known.joined(separator: ", "))
    }
}
