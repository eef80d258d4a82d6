import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Checkpoints of the write-ahead log, run on a connection and a thread of their own
/// so that an append never waits for one.
///
/// SQLite's own automatic checkpoint runs inside the commit that brings the log to
/// 1,000 pages: with the engine's group commit about one append in fifteen waited
/// 5 ms for it, a tenth of the writer's time, and those appends made the tail of the
/// acknowledgement latency. Here the writer's commit only *asks* (SQLite's WAL hook,
/// which replaces the automatic checkpoint): a passive checkpoint on another
/// connection copies the log into the database while the writer goes on, and the
/// writer starts the log afresh at its next transaction once all of it is copied.
///
/// Should the checkpoints fall behind (a long read holds old pages of the log, or
/// they fail), the writer checkpoints in its commit at ``writerLimit`` pages, as
/// SQLite itself would at 1,000, so the log stays bounded. A checkpoint that fails
/// changes nothing in the database: its pages stay in the log for the next one.
final class LogCheckpoints: Sendable {
    /// Pages in the log from which a checkpoint is asked for: SQLite's default.
    static let pages: Int32 = 1_000
    /// Pages in the log from which the writer checkpoints in its own commit (64 MiB of
    /// 4 KiB pages).
    static let writerLimit: Int32 = 16_384

    /// The connection the checkpoints run on.
    private let connection: DatabaseQueue
    /// The thread they run on, one at a time.
    private let queue = DispatchQueue(label: "OneThing event store checkpoints")
    /// Whether a checkpoint is asked for or under way.
    private let asked = Mutex(false)
    /// How many checkpoints ran, and how many failed (for tests).
    private let tally = Mutex((ran: 0, failed: 0))

    /// Checkpoints of the store file `path`, on a connection of their own.
    init(path: String, label: String) throws {
        var configuration = Configuration()
        configuration.label = label + " checkpoints"
        // A passive checkpoint never waits for a lock; nothing else is done here.
        configuration.busyMode = .immediateError
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Hands the checking of the log's size to these checkpoints on the writer
    /// connection `db`: from now on SQLite asks ``logHolds(_:on:)`` after each commit
    /// instead of checkpointing itself.
    ///
    /// The hook's context is retained for as long as the process runs (the writer
    /// connection may commit after the store that made it is gone, through a task
    /// still draining): a few bytes per store opened.
    func install(on db: Database) {
        let context = Unmanaged.passRetained(Target(self)).toOpaque()
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, _, pages in
                guard let context else { return SQLITE_OK }
                let target = Unmanaged<Target>.fromOpaque(context).takeUnretainedValue()
                if pages >= LogCheckpoints.writerLimit {
                    // Fallen far behind: checkpoint here, as SQLite would have.
                    sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                } else if pages >= LogCheckpoints.pages {
                    target.checkpoints?.ask()
                }
                return SQLITE_OK
            }, context)
    }

    /// How many checkpoints have run on the checkpoint connection, and how many failed.
    var counts: (ran: Int, failed: Int) { tally.withLock { $0 } }

    /// Runs a checkpoint on the checkpoint thread unless one is asked for or running.
    func ask() {
        let first = asked.withLock { asked in
            defer { asked = true }
            return !asked
        }
        guard first else { return }
        queue.async { [self] in
            let succeeded: Bool
            do {
                try connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
                succeeded = true
            } catch {
                // The pages stay in the log: the next checkpoint copies them, and the
                // writer itself does at `writerLimit`. A commit never fails for this.
                succeeded = false
            }
            tally.withLock { tally in
                tally.ran += 1
                if !succeeded { tally.failed += 1 }
            }
            asked.withLock { $0 = false }
        }
    }

    /// What the WAL hook holds: the checkpoints while their store lives.
    private final class Target: Sendable {
        private let weakCheckpoints: Mutex<WeakReference>

        init(_ checkpoints: LogCheckpoints) {
            weakCheckpoints = Mutex(WeakReference(value: checkpoints))
        }

        var checkpoints: LogCheckpoints? { weakCheckpoints.withLock { $0.value } }
    }

    private struct WeakReference: Sendable {
        weak var value: LogCheckpoints?
    }
}
