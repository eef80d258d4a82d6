import GRDB
import OneThingEvents

/// Inserts event rows with one prepared statement, binding the values through
/// SQLite's C interface in place (``DirectStatement``): no copies of the strings or
/// the payload, and none of the boxing of GRDB's `StatementArguments`.
struct EventInserter {
    private let statement: DirectStatement

    /// An inserter for the transaction under way on `db`.
    init(db: Database) throws {
        statement = try DirectStatement(
            "INSERT INTO events (case_id, sequence, at, kind, payload, digest) VALUES (?, ?, ?, ?, ?, ?)",
            db: db)
    }

    /// Inserts `encoded`'s event with its payload and digest (``EventCodec``).
    func insert(_ encoded: EncodedEvent) throws {
        let event = encoded.event
        var caseID = event.caseID
        var kind = encoded.name
        try caseID.withUTF8 { id in
            try kind.withUTF8 { name in
                try encoded.payload.withUnsafeBytes { blob in
                    // Bound in place: SQLite reads the bytes during the step.
                    statement.bind(1, borrowing: id)
                    statement.bind(2, Int64(event.sequence))
                    statement.bind(3, event.at.milliseconds)
                    statement.bind(4, borrowing: name)
                    statement.bind(5, blob: blob)
                    statement.bind(6, Int64(bitPattern: encoded.digest))
                    try statement.step()
                }
            }
        }
    }
}
