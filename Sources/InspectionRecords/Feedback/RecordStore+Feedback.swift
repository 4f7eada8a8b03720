import Foundation
import GRDB

/// Client feedback forms, kept with the records (a history: never updated in place).
extension RecordStore {
    @discardableResult
    public func addFeedback(_ form: ClientFeedback, recordedAt: Date = Date()) throws(RecordError) -> Int64 {
        let form = try form.validated()
        return try write { db in
            try db.execute(sql: """
                INSERT INTO client_feedback (client, site_id, given_on, respondent, scores_json, comments, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [form.client, form.siteId, form.givenOn, form.respondent, Self.plainJSON(form.scores),
                                 form.comments, recordedAt])
            return db.lastInsertedRowID
        }
    }

    /// Every feedback form, oldest first.
    public func feedback() throws(RecordError) -> [ClientFeedback] {
        let rows = try read { db in try Row.fetchAll(db, sql: "SELECT * FROM client_feedback ORDER BY given_on, id") }
        var forms: [ClientFeedback] = []
        for row in rows {
            let id: Int64 = row["id"]
            forms.append(ClientFeedback(id: id, client: row["client"], siteId: row["site_id"], givenOn: row["given_on"],
                                        respondent: row["respondent"],
                                        scores: try Self.decodePlain([String: Int].self, row["scores_json"], what: "feedback \(id)"),
                                        comments: row["comments"]))
        }
        return forms
    }
}
