import Foundation
import GRDB
import OneThingEvents

/// Reading events and blueprints back from the file, on any connection, and checking
/// them as they are read: every event against its digest, a case's events against
/// the count its summary keeps (so an event cannot go missing unnoticed), every
/// blueprint against its fingerprint.
enum StoredRows {
    /// Every event of case `id`, in order; none when the file has no such case.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` naming the case and
    ///   the event when a row does not read back as it was written, an event is missing,
    ///   or the case's summary does not count its events.
    static func events(of id: CaseID, in db: Database, file: StoreFile) throws -> [CaseEvent] {
        let expected = try SummaryRows.stored(id, in: db, file: file)?.summary.events ?? 0
        var history = StoredHistory(caseID: id, expected: expected)
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql:
                    "SELECT sequence, at, kind, payload, digest FROM events WHERE case_id = ? ORDER BY sequence"
            ),
            arguments: [id])
        do {
            while let row = try rows.next() {
                let value = StoredValue(row: row, file: file, what: "an event of case \(id)", caseID: id)
                try history.append(
                    sequence: try value.int(0), at: Timestamp(milliseconds: try value.integer(1)),
                    name: try value.text(2), payload: try value.bytes(3), digest: try value.digest(4))
            }
            return try history.finish()
        } catch let damage as EventCodec.Damaged {
            throw StoreError.damaged(file, damage)
        }
    }

    /// The blueprint with this fingerprint, if the file has it.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` when the stored
    ///   blueprint cannot be read or does not have the fingerprint it is kept under.
    static func blueprint(_ fingerprint: String, in db: Database, file: StoreFile) throws -> CaseBlueprint? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT json FROM blueprints WHERE fingerprint = ?"),
                arguments: [fingerprint])
        else { return nil }
        let json = try StoredValue(row: row, file: file, what: "blueprint \(fingerprint)", caseID: nil).text(
            0)
        return try decodeBlueprint(json, fingerprint: fingerprint, file: file)
    }

    /// Every blueprint of the file, each checked against the fingerprint it is kept under.
    static func blueprints(in db: Database, file: StoreFile) throws -> [CaseBlueprint] {
        try Row.fetchAll(db, sql: "SELECT fingerprint, json FROM blueprints").map { row in
            let value = StoredValue(row: row, file: file, what: "a blueprint", caseID: nil)
            return try decodeBlueprint(try value.text(1), fingerprint: try value.text(0), file: file)
        }
    }

    /// The blueprint in `json`, kept under `fingerprint` (``CaseBlueprint/init(storedJSON:fingerprint:)``).
    private static func decodeBlueprint(_ json: String, fingerprint: String, file: StoreFile)
        throws(StoreError)
        -> CaseBlueprint
    {
        do {
            return try CaseBlueprint(storedJSON: json, fingerprint: fingerprint)
        } catch {
            throw StoreError.damaged(file, error)
        }
    }

    /// Saves `blueprint` under its fingerprint unless the file has it already.
    static func save(_ blueprint: CaseBlueprint, fingerprint: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO blueprints (fingerprint, json) VALUES (?, ?)",
            arguments: [fingerprint, try blueprint.storedJSON()])
    }
}
