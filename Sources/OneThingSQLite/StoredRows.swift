import Foundation
import GRDB
import OneThingEvents

/// Reading events and blueprints back from the file, on any connection.
enum StoredRows {
    /// Every event of case `id`, in order.
    static func events(of id: CaseID, in db: Database) throws -> [CaseEvent] {
        var events: [CaseEvent] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT sequence, at, kind, payload FROM events WHERE case_id = ? ORDER BY sequence"),
            arguments: [id])
        while let row = try rows.next() {
            let sequence: Int = row[0]
            let kind: String = row[2]
            let payload: Data = row[3] ?? Data()
            var reader = PayloadReader([UInt8](payload))
            do {
                events.append(
                    CaseEvent(
                        caseID: id, sequence: sequence, at: row[1],
                        kind: try EventPayload.decode(kind, from: &reader)))
            } catch {
                throw StoreError(
                    "case \(id): the stored payload of event \(sequence) (\(kind)) is damaged"
                        + " and cannot be read")
            }
        }
        return events
    }

    /// The blueprint with this fingerprint, if the file has it.
    static func blueprint(_ fingerprint: String, in db: Database) throws -> CaseBlueprint? {
        guard
            let json = try String.fetchOne(
                db, sql: "SELECT json FROM blueprints WHERE fingerprint = ?", arguments: [fingerprint])
        else { return nil }
        do {
            return try JSONDecoder().decode(CaseBlueprint.self, from: Data(json.utf8))
        } catch {
            throw StoreError("blueprint \(fingerprint): the stored JSON cannot be read: \(error)")
        }
    }

    /// Saves `blueprint` under its fingerprint unless the file has it already.
    static func save(_ blueprint: CaseBlueprint, fingerprint: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO blueprints (fingerprint, json) VALUES (?, ?)",
            arguments: [fingerprint, blueprint.canonicalJSON])
    }
}
