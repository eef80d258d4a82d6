import GRDB
import OneThingEvents

/// The `cases` and `case_departments` tables: writing a case's summary, and
/// answering queries from them.
enum SummaryRows {
    /// Inserts the summary of a case new to the file, at position `ordinal`.
    static func insert(_ summary: CaseSummary, ordinal: Int, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO cases (id, bundle, version, lead, started_at, due_at, outcome, delivered_at,
                    waiting_on, events, ordinal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            summary.id, summary.bundle, summary.version, summary.lead, summary.startedAt, summary.dueAt,
            summary.outcome?.rawValue, summary.deliveredAt, json(summary.waitingOn), summary.events, ordinal,
        ])
        try updateDepartments(of: summary.id, from: [], to: summary.waitingOn, in: db)
    }

    /// Updates the summary of a case the file holds as `before`; `false` when the
    /// file's row no longer counts `before.events` events (another connection
    /// appended meanwhile), and nothing was changed.
    static func update(_ summary: CaseSummary, from before: CaseSummary, in db: Database) throws -> Bool {
        try db.cachedStatement(
            sql: """
                UPDATE cases SET outcome = ?, delivered_at = ?, waiting_on = ?, events = ?
                WHERE id = ? AND events = ?
                """
        ).execute(arguments: [
            summary.outcome?.rawValue, summary.deliveredAt, json(summary.waitingOn), summary.events,
            summary.id, before.events,
        ])
        guard db.changesCount == 1 else { return false }
        try updateDepartments(of: summary.id, from: before.waitingOn, to: summary.waitingOn, in: db)
        return true
    }

    /// Brings the rows of `case_departments` of case `id` from `old` to `new` (both sorted).
    static func updateDepartments(of id: CaseID, from old: [String], to new: [String], in db: Database)
        throws
    {
        guard old != new else { return }
        for department in old where !new.contains(department) {
            try db.cachedStatement(sql: "DELETE FROM case_departments WHERE department = ? AND case_id = ?")
                .execute(arguments: [department, id])
        }
        for department in new where !old.contains(department) {
            try db.cachedStatement(sql: "INSERT INTO case_departments (department, case_id) VALUES (?, ?)")
                .execute(arguments: [department, id])
        }
    }

    /// The position the next new case takes.
    static func nextOrdinal(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(max(ordinal), 0) + 1 FROM cases") ?? 1
    }

    /// The number of events the file holds for case `id`, `nil` if it has none.
    static func storedEvents(of id: CaseID, in db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT events FROM cases WHERE id = ?", arguments: [id])
    }

    /// The cases `query` asks for, oldest first.
    static func cases(_ query: CaseQuery, in db: Database) throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let open = query.open { conditions.append(open ? "outcome IS NULL" : "outcome IS NOT NULL") }
        if let department = query.department {
            conditions.append("id IN (SELECT case_id FROM case_departments WHERE department = ?)")
            arguments += [department]
        }
        if let dueBy = query.dueBy {
            conditions.append("outcome IS NULL AND due_at <= ?")
            arguments += [dueBy]
        }
        var sql = """
            SELECT id, bundle, version, lead, started_at AS startedAt, due_at AS dueAt, outcome,
                delivered_at AS deliveredAt, waiting_on AS waitingOn, events
            FROM cases
            """
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY ordinal"
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments += [max(limit, 0)]
        }
        return try SummaryRecord.fetchAll(db, sql: sql, arguments: arguments).map(\.summary)
    }

    /// A list of strings as a JSON array, the form of the `waiting_on` column.
    static func json(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\""
        }
        return text + "]"
    }
}

/// A row of `cases`, decoded through ``CaseSummary``'s own `Decodable` conformance
/// (the columns are named after its properties).
private struct SummaryRecord: Decodable, FetchableRecord {
    let summary: CaseSummary

    init(from decoder: any Decoder) throws {
        summary = try CaseSummary(from: decoder)
    }
}
