import Foundation
import GRDB
import OneThingEvents
import Synchronization

/// The embedded durable event store: one SQLite file in WAL mode, through a GRDB
/// `DatabasePool` (one writer, concurrent readers).
///
/// ```swift
/// let store = try SQLiteEventStore(path: "/var/lib/onething/cases.sqlite", durability: .full)
/// let engine = Engine(store: store, adapters: adapters, clock: clock)
/// try await engine.recover()
/// ```
///
/// Each ``append(_:)`` is one write transaction: the events, and the summaries of their
/// cases that queries read (the `cases` and `case_departments` tables, kept by
/// ``CaseProjection`` as every store keeps them), are written together or not at all.
/// It returns once the transaction has committed at the chosen ``Durability``.
///
/// The projections of open cases stay in memory, so an append folds only its own
/// events; a case the store does not hold (after a restart, or a case another
/// connection wrote) is folded from its events in the file first. Two stores may
/// open the same file: writes wait for each other, and a store notices when another
/// appended to a case it holds.
public final class SQLiteEventStore: EventStore {
    /// When a committed transaction is safe.
    ///
    /// SQLite's WAL mode with `synchronous=NORMAL` syncs the log only at checkpoints: a
    /// committed transaction survives the process being killed, but the last ones may
    /// be lost if the machine loses power or the operating system crashes. `FULL`
    /// syncs the log at every commit, so a commit survives a power cut too, at the
    /// price of one `fsync` per append (the engine's group commit spreads it over
    /// every event written together).
    public enum Durability: Sendable, Hashable {
        /// `PRAGMA synchronous=NORMAL`: survives a killed process, not a power cut.
        case normal
        /// `PRAGMA synchronous=FULL`: survives a killed process and a power cut; slower.
        case full
    }

    /// The file.
    public let path: String
    /// When a commit is safe.
    public let durability: Durability
    let pool: DatabasePool
    let memory = Mutex(StoreMemory())

    /// Opens the store in the SQLite file at `path`, creating it (and upgrading its
    /// tables) as needed.
    ///
    /// - Throws: ``StoreError`` when the file cannot be opened or created, is not a
    ///   SQLite database, or its tables cannot be set up.
    public init(path: String, durability: Durability = .normal) throws(StoreError) {
        self.path = path
        self.durability = durability
        var configuration = Configuration()
        configuration.label = "OneThing event store"
        // Another connection writing (a second store on the file) is waited for.
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets NORMAL when it turns WAL on; the writer connection is the only one
            // that commits, so this is where the choice takes effect.
            let pragma = durability == .full ? "FULL" : "NORMAL"
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(pragma)")
            }
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw .database(error, path: path, doing: "opening the event store")
        }
    }

    /// Appends events of one or more cases in one transaction, and returns once it has
    /// committed.
    ///
    /// - Throws: ``StoreError``, and nothing is written, when a case's events do not
    ///   continue its history (a gap or a repeated sequence), a new case does not begin
    ///   with a start event whose blueprint was saved, or the file cannot be written
    ///   (disk full, locked, corrupt).
    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        guard !events.isEmpty else { return }
        do {
            try await pool.writeWithoutTransaction { db in
                try self.memory.withLock { memory in
                    try AppendTransaction.run(events, in: db, memory: &memory)
                }
            }
        } catch {
            throw .database(error, path: path, doing: "appending \(events.count) events", writing: true)
        }
    }

    /// Keeps a blueprint under its fingerprint, once: saving it again changes nothing.
    public func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        let fingerprint = blueprint.fingerprint
        if memory.withLock({ $0.blueprints[fingerprint] != nil }) { return }
        do {
            try await pool.write { db in
                try StoredRows.save(blueprint, fingerprint: fingerprint, in: db)
            }
        } catch {
            throw .database(error, path: path, doing: "saving blueprint \(fingerprint)", writing: true)
        }
        memory.withLock { $0.blueprints[fingerprint] = blueprint }
    }

    /// The blueprint with this fingerprint, `nil` if it was never saved.
    public func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        if let known = memory.withLock({ $0.blueprints[fingerprint] }) { return known }
        let stored: CaseBlueprint?
        do {
            stored = try await pool.read { db in try StoredRows.blueprint(fingerprint, in: db) }
        } catch {
            throw .database(error, path: path, doing: "reading blueprint \(fingerprint)")
        }
        if let stored { memory.withLock { $0.blueprints[fingerprint] = stored } }
        return stored
    }

    /// Every event of case `id`, in order; none for a case the file does not have.
    public func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        do {
            return try await pool.read { db in try StoredRows.events(of: id, in: db) }
        } catch {
            throw .database(error, path: path, doing: "reading the events of case \(id)")
        }
    }

    /// The cases `query` asks for, oldest (first appended) first.
    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        do {
            return try await pool.read { db in try SummaryRows.cases(query, in: db) }
        } catch {
            throw .database(error, path: path, doing: "querying cases")
        }
    }
}
