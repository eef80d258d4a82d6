import Foundation
import GRDB
import OneThingEvents

/// What opening a store does after SQLite has opened the file: reads its format,
/// creates or converts its tables (writing) or refuses a format it cannot read
/// (reading), and runs the quick check.
enum StoreOpening {
    /// Prepares the file of a store that writes; `checked` says that
    /// ``inspect(_:file:legacy:)`` ran the opening check already.
    ///
    /// - Returns: The copy of a file of the first format kept before it was converted.
    @discardableResult
    static func prepare(
        _ pool: DatabasePool, file: StoreFile, legacy: SQLiteEventStore.LegacyConversion?,
        checked: Bool = false
    ) throws(StoreError) -> String? {
        // Several processes may open a new file at once: one makes the tables, the others
        // find them made. A migration that lost that race is tried again.
        var attempt = 0
        var backup: String?
        while true {
            attempt += 1
            let format = try readFormat(pool, file: file)
            switch format {
            case .current:
                if !checked && backup == nil { try OpeningCheck.run(pool, file: file) }
                return backup
            case .earlierEvents(let format):
                try raiseEventFormat(pool, from: format, file: file)
            case .newer(let schema):
                throw newerFormat(schema, file: file)
            case .legacy:
                guard let legacy else { throw needsMigration(file) }
                if backup == nil { backup = try LegacyMigration.backUp(pool, file: file) }
                try migrate(pool, file: file, legacy: legacy, lastAttempt: attempt >= 5)
            case .empty:
                try migrate(pool, file: file, legacy: nil, lastAttempt: attempt >= 5)
            }
        }
    }

    /// Reads the format of a file that a store will write, on a connection that only
    /// reads, and refuses what it must not write: a damaged file, a later format, a
    /// file of the first format without a conversion. Nothing is written.
    static func inspect(_ queue: DatabaseQueue, file: StoreFile, legacy: SQLiteEventStore.LegacyConversion?)
        throws(StoreError)
    {
        switch try readFormat(queue, file: file) {
        case .current, .earlierEvents:
            try OpeningCheck.run(queue, file: file)
        case .newer(let schema):
            throw newerFormat(schema, file: file)
        case .legacy:
            if legacy == nil { throw needsMigration(file) }
        case .empty:
            break
        }
    }

    /// Prepares the file of a store that only reads: nothing is written.
    static func prepareForReading(_ queue: DatabaseQueue, file: StoreFile) throws(StoreError) {
        switch try readFormat(queue, file: file) {
        case .current, .earlierEvents:
            try OpeningCheck.run(queue, file: file)
        case .newer(let schema):
            throw newerFormat(schema, file: file)
        case .legacy:
            throw needsMigration(file)
        case .empty:
            throw StoreError(
                .unavailable, "\(file.path) holds no event store yet: no case was ever written to it")
        }
    }

    /// Raises the event format of a store whose payloads this version reads as they are
    /// (``StoreFormat/earlierEvents(format:)``): only the number in `store_format`
    /// changes, and only if it is still `format` (another process may have raised it).
    private static func raiseEventFormat(_ pool: DatabasePool, from format: Int, file: StoreFile)
        throws(StoreError)
    {
        do {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE store_format SET value = ? WHERE name = 'event-format' AND value = ?",
                    arguments: [EventCodec.formatVersion, format])
            }
        } catch {
            throw .database(error, file: file, doing: "raising the store's event format", writing: true)
        }
    }

    /// Runs the migrations; an error of a migration that lost a race with another
    /// process is let go, so that the format is read again.
    private static func migrate(
        _ pool: DatabasePool, file: StoreFile, legacy: SQLiteEventStore.LegacyConversion?, lastAttempt: Bool
    ) throws(StoreError) {
        do {
            try StoreSchema.migrator(legacy: legacy, file: file).migrate(pool)
        } catch is StoreSchema.MadeMeanwhile {
            return
        } catch let error as StoreError {
            throw error
        } catch {
            if lastAttempt {
                throw .database(error, file: file, doing: "creating the store's tables", writing: true)
            }
        }
    }

    private static func readFormat(_ reader: any DatabaseReader, file: StoreFile) throws(StoreError)
        -> StoreFormat
    {
        do {
            return try reader.read { db in try StoreFormat.read(db, file: file) }
        } catch {
            throw .database(error, file: file, doing: "reading the store's format")
        }
    }

    /// Runs `open` again while SQLite answers that the file is busy, for up to the
    /// file's busy timeout.
    ///
    /// Some of what opening does fails at once rather than waiting for the lock: turning
    /// a new file to write-ahead logging while another process reads it, beginning to
    /// write on a snapshot another process has just moved past, reading a log another
    /// process is recovering. Several processes opening one new file meet these; a
    /// short, growing pause and another try gets through them.
    static func whileBusy<Value>(_ file: StoreFile, _ open: () throws -> Value) throws -> Value {
        // A timeout beyond a day (or not a number) is read as a day: no clock overflow.
        let seconds = file.busyTimeout.isFinite ? min(max(file.busyTimeout, 0), 86_400) : 86_400
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
        var pauseMilliseconds = 2
        while true {
            do {
                return try open()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard ContinuousClock.now + .milliseconds(pauseMilliseconds) < deadline else { throw error }
                Thread.sleep(forTimeInterval: Double(pauseMilliseconds) / 1_000)
                pauseMilliseconds = min(pauseMilliseconds * 2, 100)
            }
        }
    }

    /// The error for a file of the first format opened without a conversion.
    static func needsMigration(_ file: StoreFile) -> StoreError {
        StoreError(
            .incompatible,
            "\(file.path) is an event store of OneThing 0.1, which kept its times as working days on the"
                + " calendar of the day; convert it once with `onething migrate --db \(file.path)`"
                + " (a copy of the old file is kept beside it)")
    }

    /// The error for a file a later version wrote.
    static func newerFormat(_ schema: Int, file: StoreFile) -> StoreError {
        StoreError(
            .incompatible,
            "\(file.path) was written by a later version of OneThing (store schema \(schema); this version reads"
                + " schema \(StoreFormat.schemaVersion)); open it with that version")
    }
}
