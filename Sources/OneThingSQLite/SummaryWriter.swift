import GRDB
import OneThingEvents

/// Writes the summaries of cases (the `cases` and `case_departments` rows) in one
/// transaction, with its statements prepared once and values bound in place
/// (``DirectStatement``), as ``EventInserter`` writes the events.
struct SummaryWriter {
    /// A case the transaction starts already has a row: another writer started it.
    struct Taken: Error {
        /// The case.
        let id: CaseID
    }

    private let db: Database
    private let insertCase: DirectStatement
    private let updateProgress: DirectStatement
    private let updateAll: DirectStatement
    private let insertDepartment: DirectStatement
    private let deleteDepartment: DirectStatement

    /// A writer for the transaction under way on `db`.
    init(db: Database) throws {
        self.db = db
        insertCase = try DirectStatement(
            "INSERT INTO cases (\(SummaryRows.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            db: db)
        // Most appends move a case along without changing its promise or closing it:
        // their statement sets only what changed, so SQLite leaves the two indexes of
        // open cases (which read `outcome` and `promised_by`) alone.
        updateProgress = try DirectStatement(
            "UPDATE cases SET waiting_on = ?, events = ?, digest = ? WHERE ordinal = ? AND id = ? AND events = ?",
            db: db)
        updateAll = try DirectStatement(
            """
            UPDATE cases SET waiting_on = ?, events = ?, digest = ?, promised_by = ?, outcome = ?,
                delivered_at = ?
            WHERE ordinal = ? AND id = ? AND events = ?
            """, db: db)
        insertDepartment = try DirectStatement(
            "INSERT INTO case_departments (department, case_id) VALUES (?, ?)", db: db)
        deleteDepartment = try DirectStatement(
            "DELETE FROM case_departments WHERE department = ? AND case_id = ?", db: db)
    }

    /// Inserts the summary of a case new to the file, at position `ordinal`.
    ///
    /// - Throws: ``Taken`` when the file has a case of this id already.
    func insert(_ summary: CaseSummary, ordinal: Int64) throws {
        let statement = insertCase
        statement.bind(1, ordinal)
        statement.bind(2, summary.id)
        statement.bind(3, summary.bundle)
        statement.bind(4, summary.version)
        statement.bind(5, summary.blueprint)
        statement.bind(6, summary.lead)
        statement.bind(7, summary.startedAt.milliseconds)
        statement.bind(8, summary.promisedBy?.milliseconds)
        statement.bind(9, summary.outcome?.rawValue)
        statement.bind(10, summary.deliveredAt?.milliseconds)
        statement.bind(11, SummaryRows.json(summary.waitingOn))
        statement.bind(12, Int64(summary.events))
        statement.bind(13, Int64(bitPattern: RowDigest.summary(summary, ordinal: ordinal)))
        do {
            try statement.step()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw Taken(id: summary.id)
        }
        try updateDepartments(of: summary.id, from: [], to: summary.waitingOn)
    }

    /// Updates the summary of a case the file holds as `before`; `false` when the
    /// file's row no longer counts `before`'s events (another connection appended
    /// meanwhile), and nothing was changed.
    func update(_ summary: CaseSummary, from before: StoredSummary) throws -> Bool {
        let old = before.summary
        let progressOnly =
            summary.promisedBy == old.promisedBy && summary.outcome == old.outcome
            && summary.deliveredAt == old.deliveredAt
        let statement = progressOnly ? updateProgress : updateAll
        statement.bind(1, SummaryRows.json(summary.waitingOn))
        statement.bind(2, Int64(summary.events))
        statement.bind(3, Int64(bitPattern: RowDigest.summary(summary, ordinal: before.ordinal)))
        var next: Int32 = 4
        if !progressOnly {
            statement.bind(4, summary.promisedBy?.milliseconds)
            statement.bind(5, summary.outcome?.rawValue)
            statement.bind(6, summary.deliveredAt?.milliseconds)
            next = 7
        }
        statement.bind(next, before.ordinal)
        statement.bind(next + 1, summary.id)
        statement.bind(next + 2, Int64(old.events))
        guard try statement.step() == 1 else { return false }
        try updateDepartments(of: summary.id, from: old.waitingOn, to: summary.waitingOn)
        return true
    }

    /// Brings the rows of `case_departments` of case `id` from `old` to `new`.
    private func updateDepartments(of id: CaseID, from old: [String], to new: [String]) throws {
        guard old != new else { return }
        for department in old where !new.contains(department) {
            deleteDepartment.bind(1, department)
            deleteDepartment.bind(2, id)
            try deleteDepartment.step()
        }
        for department in new where !old.contains(department) {
            insertDepartment.bind(1, department)
            insertDepartment.bind(2, id)
            try insertDepartment.step()
        }
    }
}
