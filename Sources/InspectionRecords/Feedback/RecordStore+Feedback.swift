package import Foundation

/// Client feedback forms, kept with the records (a history: never updated in place).
extension RecordStore {
    @discardableResult
    package func addFeedback(_ form: ClientFeedback, recordedAt: Date = Date()) throws(RecordError) -> Int64 {
        let form = try form.validated()
        return try write { db in
            try db.insert("""
                INSERT INTO client_feedback (client, site_id, given_on, respondent, scores_json, comments, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [form.client, form.siteId, form.givenOn, form.respondent, StoreJSON.encode(form.scores),
                      form.comments, recordedAt])
        }
    }

    /// Every feedback form, oldest first.
    package func feedback() throws(RecordError) -> [ClientFeedback] {
        try read { db in
            try db.query("SELECT * FROM client_feedback ORDER BY given_on, id", []).map { row in
                let id: Int64 = try row["id"]
                return ClientFeedback(id: id, client: try row["client"], siteId: try row["site_id"], givenOn: try row["given_on"],
                                      respondent: try row["respondent"],
                                      scores: try StoreJSON.decode([String: Int].self, try row["scores_json"], what: "feedback \(id)"),
                                      comments: try row["comments"])
            }
        }
    }
}
