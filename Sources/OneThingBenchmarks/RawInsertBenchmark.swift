import Foundation
import GRDB
import GRDBSQLite
import OneThing
import OneThingEvents
import OneThingSQLite

/// The yardstick of the durable store: how fast the same kind of SQLite file (WAL, the
/// same `synchronous` setting, the store's own `events` table) takes plain event rows
/// of the store's own size in batched transactions, with no OneThing code at all.
struct RawInsertBenchmark: Sendable {
    /// How the values reach SQLite.
    enum Binding: Sendable, Hashable {
        /// Plain GRDB: a cached statement executed with `StatementArguments`.
        case grdb
        /// SQLite's C interface on the same statement, values bound in place: the
        /// ceiling of what SQLite itself takes.
        case inPlace
    }

    /// Why the raw inserts could not be made.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The key of an event row.
    struct Key: Sendable, Hashable {
        /// The case.
        var caseID: String
        /// The event's number in its case.
        var sequence: Int
    }

    /// Which rows, in which order.
    enum Order: Sendable {
        /// `rows` rows, case after case, `eventsPerCase` consecutive rows sharing a case
        /// id: each row goes at the end of the table's b-tree, SQLite's best case.
        case caseByCase(rows: Int, eventsPerCase: Int)
        /// These keys in this order: the rows a store wrote, in the order it wrote them
        /// (the cases in flight interleaved).
        case keys([Key])

        /// How many rows.
        var count: Int {
            switch self {
            case .caseByCase(let rows, _): rows
            case .keys(let keys): keys.count
            }
        }

        /// The key of row `row`.
        func key(_ row: Int) -> Key {
            switch self {
            case .caseByCase(_, let perCase):
                Key(caseID: "C20261203-\(row / perCase)", sequence: row % perCase + 1)
            case .keys(let keys): keys[row]
            }
        }
    }

    /// Which rows to insert, in which order.
    var order: Order
    /// Rows per transaction.
    var batchSize: Int
    /// The payload bytes of each row (the store's average).
    var payloadBytes: Int
    /// How the values are bound.
    var binding: Binding

    /// Inserts the rows into a new file at `path`; rows per second.
    func run(path: String) throws(Failure) -> Double {
        let payload = [UInt8](repeating: 0x5A, count: max(1, payloadBytes))
        let data = Data(payload)
        let (order, binding) = (self.order, self.binding)
        let rows = order.count
        // The keys are made before the clock starts, as the store's come made.
        let keys = (0..<rows).map { order.key($0) }
        do {
            let pool = try Self.open(path)
            let begin = ContinuousClock.now
            for first in stride(from: 0, to: rows, by: batchSize) {
                let batch = first..<min(rows, first + batchSize)
                try pool.write { db in
                    let statement = try db.cachedStatement(sql: Self.insertSQL)
                    for row in batch {
                        let key = keys[row]
                        let (at, digest) = (Int64(row), Int64(row) &* 31)
                        switch binding {
                        case .grdb:
                            try statement.execute(arguments: [
                                key.caseID, key.sequence, at, "dispatched", data, digest,
                            ])
                        case .inPlace:
                            try Self.insert(key.caseID, key.sequence, at, payload, digest, with: statement)
                        }
                    }
                }
            }
            return Double(rows) / Benchmarks.seconds(since: begin)
        } catch {
            throw Failure(description: "raw inserts into \(path) failed: \(error)")
        }
    }

    static let insertSQL =
        "INSERT INTO events (case_id, sequence, at, kind, payload, digest) VALUES (?, ?, ?, ?, ?, ?)"

    /// A new file like the store's: WAL, `synchronous = NORMAL`, the store's `events` table.
    static func open(_ path: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        case_id TEXT NOT NULL, sequence INTEGER NOT NULL, at INTEGER NOT NULL,
                        kind TEXT NOT NULL, payload BLOB NOT NULL, digest INTEGER NOT NULL,
                        PRIMARY KEY (case_id, sequence)
                    ) WITHOUT ROWID, STRICT
                    """)
        }
        return pool
    }

    /// One row through SQLite's C interface, bound in place.
    static func insert(
        _ caseID: String, _ sequence: Int, _ at: Int64, _ payload: [UInt8], _ digest: Int64,
        with statement: Statement
    ) throws {
        var (caseID, kind) = (caseID, "dispatched")
        let handle = statement.sqliteStatement
        let code = caseID.withUTF8 { id in
            kind.withUTF8 { kind in
                payload.withUnsafeBytes { blob in
                    sqlite3_bind_text(handle, 1, id.baseAddress, Int32(id.count), nil)
                    sqlite3_bind_int64(handle, 2, Int64(sequence))
                    sqlite3_bind_int64(handle, 3, at)
                    sqlite3_bind_text(handle, 4, kind.baseAddress, Int32(kind.count), nil)
                    sqlite3_bind_blob(handle, 5, blob.baseAddress, Int32(blob.count), nil)
                    sqlite3_bind_int64(handle, 6, digest)
                    defer { sqlite3_reset(handle) }
                    return sqlite3_step(handle)
                }
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "inserting a raw row")
        }
    }

    /// The average payload size of the event rows in the store's file at `path`.
    static func averagePayloadBytes(inStoreAt path: String) throws(Failure) -> Double {
        do {
            let queue = try DatabaseQueue(path: path)
            return try queue.read { db in
                try Double.fetchOne(db, sql: "SELECT avg(length(payload)) FROM events")
            } ?? 0
        } catch {
            throw Failure(description: "measuring the event rows of \(path) failed: \(error)")
        }
    }
}
