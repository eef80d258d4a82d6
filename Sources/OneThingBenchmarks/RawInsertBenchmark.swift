import Foundation
import GRDB
import GRDBSQLite
import OneThing
import OneThingEvents
import OneThingSQLite

/// The yardstick of the durable store: how fast the same kind of SQLite file (WAL,
/// the same `synchronous` setting, the same `events` table) takes plain event rows in
/// batched transactions, with no OneThing code at all.
public struct RawInsertBenchmark: Sendable {
    /// How the values reach SQLite.
    public enum Binding: Sendable, Hashable {
        /// Plain GRDB: a cached statement executed with `StatementArguments`.
        case grdb
        /// SQLite's C interface on the same statement, values bound in place (as the
        /// store binds its events): the ceiling of what SQLite itself takes.
        case inPlace
    }

    /// How many rows it inserted and how long it took.
    public struct Figures: Sendable, Hashable {
        /// Rows inserted.
        public var rows: Int
        /// Bytes per row (case id, sequence, time, kind and payload).
        public var rowBytes: Int
        /// Wall time in seconds, the last commit included.
        public var seconds: Double
        /// Rows inserted per second.
        public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
    }

    /// How many rows to insert.
    public var rows: Int
    /// Rows per transaction.
    public var batchSize: Int
    /// Events per case: consecutive rows share a case id, as a case's events do.
    public var eventsPerCase: Int
    /// The size of each row, about.
    public var rowBytes: Int
    /// The `synchronous` setting, as the store's.
    public var durability: SQLiteEventStore.Durability
    /// How the values are bound.
    public var binding: Binding

    /// Creates a benchmark.
    public init(
        rows: Int, batchSize: Int = 2_000, eventsPerCase: Int = 40, rowBytes: Int = 200,
        durability: SQLiteEventStore.Durability = .normal, binding: Binding = .grdb
    ) {
        self.rows = rows
        self.batchSize = max(1, batchSize)
        self.eventsPerCase = max(1, eventsPerCase)
        self.rowBytes = rowBytes
        self.durability = durability
        self.binding = binding
    }

    /// Inserts the rows into a new file at `path` (which must not exist).
    ///
    /// - Throws: ``StoreError`` when the file cannot be created or written.
    public func run(path: String) throws(StoreError) -> Figures {
        let kind = "dispatched"
        let caseIDLength = "sim-\(rows / eventsPerCase)".utf8.count
        // case id + sequence (≤ 4 bytes) + time (8 bytes) + kind + payload ≈ rowBytes.
        let payload = [UInt8](repeating: 0x5A, count: max(1, rowBytes - caseIDLength - 12 - kind.utf8.count))
        let data = Data(payload)
        let (perCase, binding) = (eventsPerCase, self.binding)
        do {
            let pool = try Self.open(path, durability: durability)
            let begin = ContinuousClock.now
            for first in stride(from: 0, to: rows, by: batchSize) {
                let batch = first..<min(rows, first + batchSize)
                try pool.write { db in
                    let statement = try db.cachedStatement(sql: Self.insertSQL)
                    for row in batch {
                        let (caseID, sequence, at) = (
                            "sim-\(row / perCase)", row % perCase + 1, Double(row) / 1_000
                        )
                        switch binding {
                        case .grdb:
                            try statement.execute(arguments: [caseID, sequence, at, kind, data])
                        case .inPlace:
                            try Self.insert(caseID, sequence, at, kind, payload, with: statement)
                        }
                    }
                }
            }
            let elapsed = ContinuousClock.now - begin
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Figures(
                rows: rows, rowBytes: caseIDLength + 12 + kind.utf8.count + payload.count, seconds: seconds)
        } catch {
            throw .database(error, path: path, doing: "inserting raw rows", writing: true)
        }
    }

    static let insertSQL = "INSERT INTO events (case_id, sequence, at, kind, payload) VALUES (?, ?, ?, ?, ?)"

    /// A new file like the store's: WAL, the same `synchronous`, the same `events` table.
    static func open(_ path: String, durability: SQLiteEventStore.Durability) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        case_id TEXT NOT NULL, sequence INTEGER NOT NULL, at REAL NOT NULL,
                        kind TEXT NOT NULL, payload BLOB NOT NULL,
                        PRIMARY KEY (case_id, sequence)
                    ) WITHOUT ROWID
                    """)
        }
        return pool
    }

    /// One row through SQLite's C interface, bound in place.
    static func insert(
        _ caseID: String, _ sequence: Int, _ at: Double, _ kind: String, _ payload: [UInt8],
        with statement: Statement
    ) throws {
        var (caseID, kind) = (caseID, kind)
        let handle = statement.sqliteStatement
        let code = caseID.withUTF8 { id in
            kind.withUTF8 { kind in
                payload.withUnsafeBytes { blob in
                    sqlite3_bind_text(handle, 1, id.baseAddress, Int32(id.count), nil)
                    sqlite3_bind_int64(handle, 2, Int64(sequence))
                    sqlite3_bind_double(handle, 3, at)
                    sqlite3_bind_text(handle, 4, kind.baseAddress, Int32(kind.count), nil)
                    sqlite3_bind_blob(handle, 5, blob.baseAddress, Int32(blob.count), nil)
                    defer { sqlite3_reset(handle) }
                    return sqlite3_step(handle)
                }
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "inserting a raw row")
        }
    }

    /// The average size of the event rows in the store's file at `path`, counted as
    /// ``Figures/rowBytes`` counts them.
    public static func averageEventRowBytes(inStoreAt path: String) throws(StoreError) -> Double {
        do {
            let queue = try DatabaseQueue(path: path)
            return try queue.read { db in
                try Double.fetchOne(
                    db,
                    sql: """
                        SELECT avg(length(CAST(case_id AS BLOB)) + 12 + length(kind) + length(payload))
                        FROM events
                        """)
            } ?? 0
        } catch {
            throw .database(error, path: path, doing: "measuring the event rows")
        }
    }
}
