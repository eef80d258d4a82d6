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
        var events: [CaseEvent] = []
        events.reserveCapacity(expected)
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql:
                    "SELECT sequence, at, kind, payload, digest FROM events WHERE case_id = ? ORDER BY sequence"
            ),
            arguments: [id])
        while let row = try rows.next() {
            let value = StoredValue(row: row, file: file, what: "an event of case \(id)", caseID: id)
            let sequence = try value.int(0)
            guard sequence == events.count + 1 else {
                throw StoreError.damaged(
                    file,
                    "case \(id): event \(events.count + 1) is missing (the next one stored is \(sequence))",
                    caseID: id)
            }
            let (at, name, payload, digest) = (
                Timestamp(milliseconds: try value.integer(1)), try value.text(2), try value.bytes(3),
                try value.digest(4)
            )
            do {
                events.append(
                    try EventCodec.event(
                        caseID: id, sequence: sequence, at: at, name: name, payload: payload, digest: digest))
            } catch {
                throw StoreError.damaged(file, error)
            }
        }
        guard events.count == expected else {
            throw StoreError.damaged(
                file,
                "case \(id): the file holds \(events.count) events, but the case's summary counts \(expected)",
                caseID: id)
        }
        return events
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

    /// The blueprint in `json`, kept under `fingerprint`.
    private static func decodeBlueprint(_ json: String, fingerprint: String, file: StoreFile)
        throws(StoreError)
        -> CaseBlueprint
    {
        let blueprint: CaseBlueprint
        do {
            blueprint = try JSONDecoder().decode(CaseBlueprint.self, from: Data(json.utf8))
        } catch {
            throw StoreError.damaged(file, "blueprint \(fingerprint) cannot be read back")
        }
        guard blueprint.fingerprint == fingerprint else {
            throw StoreError.damaged(
                file,
                "blueprint \(fingerprint) does not match its fingerprint (it reads as \(blueprint.fingerprint))"
            )
        }
        return blueprint
    }

    /// The JSON the file keeps a blueprint as: keys sorted, so one blueprint is always
    /// the same text.
    static func json(of blueprint: CaseBlueprint) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(blueprint), as: UTF8.self)
    }

    /// Saves `blueprint` under its fingerprint unless the file has it already.
    static func save(_ blueprint: CaseBlueprint, fingerprint: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO blueprints (fingerprint, json) VALUES (?, ?)",
            arguments: [fingerprint, try json(of: blueprint)])
    }
}
