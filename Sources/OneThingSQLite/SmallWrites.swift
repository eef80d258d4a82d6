import GRDB
import OneThingEvents
import Synchronization

/// The store's small writes — a new case number, a metadata value — grouped: callers
/// that ask while a transaction of them is under way are served together by the next
/// one, so that sixty-four applicants at once cost a few transactions, not sixty-four
/// (a write transaction, not the row, is what a small write costs). Each caller still
/// returns only once its write is committed; a transaction that fails fails every
/// write in it, each with its own action named.
final class SmallWrites: Sendable {
    /// One small write.
    enum Write: Sendable {
        /// Take the next case id for a day of acceptance.
        case caseNumber(CalendarDate)
        /// Keep a metadata value under a key.
        case metadata(key: String, value: String)

        /// What the write does, for messages.
        var action: String {
            switch self {
            case .caseNumber(let date): "numbering a case accepted on \(date)"
            case .metadata(let key, _): "writing metadata '\(key)'"
            }
        }
    }

    private struct Pending {
        var write: Write
        var continuation: CheckedContinuation<CaseID?, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var running = false
    }

    private let pool: DatabasePool
    private let file: StoreFile
    private let state = Mutex(State())

    /// Small writes to `file` through `pool`.
    init(pool: DatabasePool, file: StoreFile) {
        self.pool = pool
        self.file = file
    }

    /// Performs `write` in the next transaction of small writes; returns the case id a
    /// ``Write/caseNumber(_:)`` took, `nil` for other writes.
    func perform(_ write: Write) async throws(StoreError) -> CaseID? {
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let drains = state.withLock { state -> Bool in
                    state.pending.append(Pending(write: write, continuation: continuation))
                    guard !state.running else { return false }
                    state.running = true
                    return true
                }
                if drains { Task { await self.drain() } }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(error, file: file, doing: write.action, writing: true)
        }
    }

    /// Commits the waiting writes, a transaction at a time, until none waits.
    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.running = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let writes = batch.map(\.write)
            let file = self.file
            do {
                let ids = try await pool.writeWithoutTransaction { db -> [CaseID?] in
                    var ids: [CaseID?] = []
                    try db.inTransaction(.immediate) {
                        ids = []
                        for write in writes {
                            switch write {
                            case .caseNumber(let date):
                                ids.append(try CaseNumbers.next(for: date, in: db, file: file))
                            case .metadata(let key, let value):
                                try MetadataRows.set(value, for: key, in: db)
                                ids.append(nil)
                            }
                        }
                        return .commit
                    }
                    return ids
                }
                for (pending, id) in zip(batch, ids) { pending.continuation.resume(returning: id) }
            } catch {
                for pending in batch {
                    pending.continuation.resume(
                        throwing: StoreError.database(
                            error, file: file, doing: pending.write.action, writing: true))
                }
            }
        }
    }
}
