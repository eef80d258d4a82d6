import Foundation
import GRDB
import GRDBSQLite
import OneThingEvents
import Synchronization

/// The embedded durable event store: one SQLite file in WAL mode, through GRDB.
///
/// ```swift
/// let store = try SQLiteEventStore(path: "/var/lib/onething/cases.sqlite", durability: .full)
/// let id = try await store.newCaseID(acceptedOn: today)
/// try await store.saveBlueprint(blueprint)
/// try await store.append(events)
///
/// // Somewhere else, reading only (nothing is written, not even a log file):
/// let reader = try SQLiteEventStore(path: path, mode: .readOnly)
/// let open = try await reader.cases(CaseQuery(open: true))
/// ```
///
/// Each ``append(_:)`` is one write transaction: the events, and the summaries of their
/// cases that queries read (kept by ``CaseProjection`` as every store keeps them), are
/// written together or not at all. It returns once the transaction has committed at
/// the chosen ``Durability``.
///
/// **Honest about itself.** Every event is kept with its digest (``EventCodec``), every
/// other row with one of its own, and each is checked when it is read, so a damaged
/// byte is a ``StoreError`` of kind ``StoreError/Kind/corrupt`` that names the case and
/// the event, never a different history. Opening runs a quick check (the format, the
/// small tables' pages, the newest cases' events); ``check(path:)`` runs the full one.
/// Errors name the file, its folder or the disk, and carry SQLite's extended result code.
///
/// **Formats.** A file of the first format (OneThing 0.1, times as working days) is
/// converted when it is opened with a ``LegacyConversion``, after a copy of it is kept
/// beside it; without one, opening it is an error that says to run `onething migrate`.
///
/// The projections of open cases stay in memory, so an append folds only its own
/// events; a case the store does not hold (after a restart, or a case another
/// connection wrote) is folded from its events in the file first. Several stores, in
/// one process or several, may open the same file: writes wait for each other (up to
/// the busy timeout), and a store notices when another appended to a case it holds.
public final class SQLiteEventStore: EventStore {
    /// Whether the store may write.
    public enum Mode: Sendable, Hashable {
        /// Reads and writes; creates the file and upgrades its format as needed.
        case readWrite
        /// Reads only, and writes nothing at all: no format upgrade, no change to the
        /// header, and no log or shared-memory file when none lies beside the database
        /// (the file is then read as it is, so appends another process makes later are
        /// not seen). A file whose format needs converting is an error.
        case readOnly
    }

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

    /// The file, as given.
    public let path: String
    /// Whether the store may write.
    public let mode: Mode
    /// When a commit is safe.
    public let durability: Durability
    /// What the file system says about the file, for messages.
    let file: StoreFile
    /// The connections that read.
    let reader: any DatabaseReader
    /// The connections, when the store may write.
    let pool: DatabasePool?
    /// The checkpoints of the write-ahead log, off the path of appends, when the store writes.
    let checkpoints: LogCheckpoints?
    /// The small writes (case numbers, metadata), grouped into shared transactions.
    private let smallWrites: SmallWrites?
    let memory = Mutex(StoreMemory())
    /// What the file looked like when a store that reads only opened it.
    private let openedStamp: StoreFile.Stamp?

    /// Opens the store in the SQLite file at `path`.
    ///
    /// For ``Mode/readWrite`` the file is created when it does not exist, and a file of
    /// the first format is converted with `legacy` (a copy of it is kept first as
    /// `<path>.v1-backup`). For ``Mode/readOnly`` nothing is written.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - mode: Whether the store may write.
    ///   - durability: When a commit is safe (writing only).
    ///   - busyTimeout: How long, in seconds, a write waits for another connection's
    ///     lock before it fails with ``StoreError/Kind/unavailable``.
    ///   - legacy: How to convert a file of the first format; `nil` to refuse one.
    /// - Throws: ``StoreError``: ``StoreError/Kind/unavailable`` for a missing folder or
    ///   file, a lock held past the timeout, an input/output error;
    ///   ``StoreError/Kind/readOnly`` when the file or its folder cannot be written
    ///   (the message says which); ``StoreError/Kind/corrupt`` for a file that is not
    ///   a database or does not pass the quick check; ``StoreError/Kind/incompatible``
    ///   for a file of the first format without `legacy`, a file of a later version,
    ///   or a SQLite database that is not an event store.
    public init(
        path: String, mode: Mode = .readWrite, durability: Durability = .normal, busyTimeout: Double = 10,
        legacy: LegacyConversion? = nil
    ) throws(StoreError) {
        self.path = path
        self.mode = mode
        self.durability = durability
        let file = StoreFile(path: path, busyTimeout: busyTimeout)
        self.file = file
        var configuration = Configuration()
        configuration.label = "OneThing event store"
        configuration.busyMode = .timeout(busyTimeout)
        switch mode {
        case .readWrite:
            // A file that holds a store is read first without writing, so that a file this
            // version must not write (damaged, of another format) is refused untouched:
            // opening a pool writes (GRDB makes sure the write-ahead log exists).
            let checked = !file.isNewOrEmpty
            if checked {
                var reading = configuration
                reading.readonly = true
                let probe = try Self.openForReading(file, configuration: reading, writingNothing: false)
                try StoreOpening.inspect(probe, file: file, legacy: legacy)
            }
            let pool = try Self.openForWriting(file, configuration: configuration, durability: durability)
            try StoreOpening.prepare(pool, file: file, legacy: legacy, checked: checked)
            self.checkpoints = try Self.checkpoints(of: pool, file: file)
            self.pool = pool
            self.smallWrites = SmallWrites(pool: pool, file: file)
            self.reader = pool
            self.openedStamp = nil
        case .readOnly:
            configuration.readonly = true
            let stamp = file.stamp
            let queue = try Self.openForReading(file, configuration: configuration, writingNothing: true)
            do {
                try StoreOpening.prepareForReading(queue, file: file)
            } catch {
                // Read without locks, a file another process changed meanwhile may look damaged.
                guard error.kind == .corrupt, file.stamp != stamp else { throw error }
                throw file.changedWhileRead(doing: "opening the event store for reading")
            }
            self.pool = nil
            self.checkpoints = nil
            self.smallWrites = nil
            self.reader = queue
            self.openedStamp = stamp
        }
    }

    /// Opens a connection that only reads (see ``StoreFile/readOnlyURI(writingNothing:)``).
    static func openForReading(_ file: StoreFile, configuration: Configuration, writingNothing: Bool)
        throws(StoreError) -> DatabaseQueue
    {
        do {
            return try DatabaseQueue(
                path: file.readOnlyURI(writingNothing: writingNothing), configuration: configuration)
        } catch {
            throw .database(error, file: file, doing: "opening the event store for reading")
        }
    }

    /// Opens the pool of a store that writes, and makes sure it can write.
    static func openForWriting(_ file: StoreFile, configuration: Configuration, durability: Durability)
        throws(StoreError) -> DatabasePool
    {
        do {
            let pool = try StoreOpening.whileBusy(file) {
                try DatabasePool(path: file.absolutePath, configuration: configuration)
            }
            try pool.writeWithoutTransaction { db in
                // SQLite opens a file it may not write for reading only, without a word.
                if sqlite3_db_readonly(db.sqliteConnection, "main") == 1 {
                    let (kind, why) = file.whyItCannotBeWritten()
                    throw StoreError(
                        kind,
                        "\(file.path): opening the event store for writing failed: \(why)"
                            + (kind == .readOnly ? "; open it read-only to read it" : ""),
                        underlyingCode: StoreError.code(SQLITE_READONLY))
                }
                // GRDB sets NORMAL when it turns WAL on; the writer connection is the only
                // one that commits, so this is where the choice takes effect.
                try db.execute(sql: "PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
            }
            return pool
        } catch {
            throw .database(error, file: file, doing: "opening the event store")
        }
    }

    /// Checkpoints of the log of `pool`'s file on a connection of their own, asked for
    /// by the writer's commits (``LogCheckpoints``).
    static func checkpoints(of pool: DatabasePool, file: StoreFile) throws(StoreError) -> LogCheckpoints {
        do {
            let checkpoints = try StoreOpening.whileBusy(file) {
                try LogCheckpoints(path: file.absolutePath, label: "OneThing event store")
            }
            try pool.writeWithoutTransaction { db in checkpoints.install(on: db) }
            return checkpoints
        } catch {
            throw .database(error, file: file, doing: "opening the event store")
        }
    }

    /// The writer pool, or the error for a store opened for reading.
    private func writer(_ action: String) throws(StoreError) -> DatabasePool {
        guard let pool else {
            throw StoreError(
                .readOnly, "\(path): \(action) failed: the store was opened for reading only",
                underlyingCode: nil)
        }
        return pool
    }

    /// Appends events of one or more cases in one transaction, and returns once it has
    /// committed.
    ///
    /// - Throws: ``StoreError``, and nothing is written: ``StoreError/Kind/conflict``
    ///   when another writer appended to a case first, ``StoreError/Kind/refused`` when
    ///   the events do not fit (a gap, a new case without a start event of a saved
    ///   blueprint), ``StoreError/Kind/full``, ``StoreError/Kind/unavailable`` or
    ///   ``StoreError/Kind/corrupt`` when the file cannot be written or read.
    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        guard !events.isEmpty else { return }
        let pool = try writer("appending \(events.count) events")
        let file = self.file
        // Encoded here, on the caller's thread: the writer only writes.
        let prepared = AppendTransaction.Prepared(events)
        do {
            try await pool.writeWithoutTransaction { db in
                try self.memory.withLock { memory in
                    try AppendTransaction.run(prepared, in: db, memory: &memory, file: file)
                }
            }
        } catch {
            throw .database(error, file: file, doing: "appending \(events.count) events", writing: true)
        }
    }

    /// Keeps a blueprint under its fingerprint, once: saving it again changes nothing.
    public func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        let fingerprint = blueprint.fingerprint
        if memory.withLock({ $0.blueprints[fingerprint] != nil }) { return }
        let pool = try writer("saving blueprint \(fingerprint)")
        do {
            try await pool.write { db in try StoredRows.save(blueprint, fingerprint: fingerprint, in: db) }
        } catch {
            throw .database(error, file: file, doing: "saving blueprint \(fingerprint)", writing: true)
        }
        memory.withLock { $0.blueprints[fingerprint] = blueprint }
    }

    /// The blueprint with this fingerprint, `nil` if it was never saved.
    public func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        if let known = memory.withLock({ $0.blueprints[fingerprint] }) { return known }
        let file = self.file
        let stored = try await read("reading blueprint \(fingerprint)") { db in
            try StoredRows.blueprint(fingerprint, in: db, file: file)
        }
        if let stored { memory.withLock { $0.blueprints[fingerprint] = stored } }
        return stored
    }

    /// Every event of case `id`, in order; none for a case the file does not have.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` naming the case and
    ///   the event when a stored event does not match its digest or is missing.
    public func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        let file = self.file
        return try await read("reading the events of case \(id)") { db in
            try StoredRows.events(of: id, in: db, file: file)
        }
    }

    /// The cases `query` asks for, oldest (first started) first.
    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        let file = self.file
        return try await read("querying cases") { db in try SummaryRows.cases(query, in: db, file: file) }
    }

    /// A new case id for a case accepted on `date`, taken in a write transaction so
    /// that no other store on the file, in this process or another, gets it too.
    public func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
        let write = SmallWrites.Write.caseNumber(date)
        guard let id = try await small(write) else {
            throw StoreError(.unavailable, "\(write.action): no case id was taken")
        }
        return id
    }

    /// The metadata value under `key`, if any.
    public func metadata(_ key: String) async throws(StoreError) -> String? {
        let file = self.file
        return try await read("reading metadata '\(key)'") { db in
            try MetadataRows.value(key, in: db, file: file)
        }
    }

    /// Keeps `value` under `key`, replacing what was there.
    public func setMetadata(_ value: String, for key: String) async throws(StoreError) {
        try await small(.metadata(key: key, value: value))
    }

    /// Performs a small write in the next shared transaction of them (``SmallWrites``).
    @discardableResult
    private func small(_ write: SmallWrites.Write) async throws(StoreError) -> CaseID? {
        _ = try writer(write.action)  // refused at once on a store that reads only
        guard let smallWrites else { throw StoreError(.readOnly, "\(write.action): the store reads only") }
        return try await smallWrites.perform(write)
    }

    /// Runs `body` on a reading connection, mapping its errors to ``StoreError``.
    private func read<T: Sendable>(_ action: String, _ body: @escaping @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do {
            return try await reader.read(body)
        } catch {
            let failure = StoreError.database(error, file: file, doing: action)
            // Read without locks, a file another process changed meanwhile may look damaged.
            if failure.kind == .corrupt, let openedStamp, file.stamp != openedStamp {
                throw file.changedWhileRead(doing: action)
            }
            throw failure
        }
    }
}
