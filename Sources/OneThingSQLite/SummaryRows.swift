import Foundation
import GRDB
import OneThingEvents

/// A case's summary as the file keeps it: the summary, and its row's position, which
/// is the order the cases started in.
struct StoredSummary: Sendable, Hashable {
    /// The summary.
    var summary: CaseSummary
    /// The row's position in the `cases` table.
    var ordinal: Int64
}

/// The `cases` and `case_departments` tables: reading a case's summary back with its
/// digest checked, and answering queries (``SummaryWriter`` writes them).
enum SummaryRows {
    /// The columns of a `cases` row, in the order ``decode(_:file:)`` reads them.
    static let columns = """
        ordinal, id, bundle, version, blueprint, lead, started_at, promised_by, outcome, delivered_at,
        waiting_on, events, digest
        """

    /// The position the next new case takes.
    static func nextOrdinal(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(ordinal), 0) + 1 FROM cases") ?? 1
    }

    /// The summary of case `id` as the file holds it, its digest checked; `nil` when
    /// the file has no such case.
    static func stored(_ id: CaseID, in db: Database, file: StoreFile) throws -> StoredSummary? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(columns) FROM cases WHERE id = ?"), arguments: [id])
        else { return nil }
        let stored = try decode(row, file: file)
        guard stored.summary.id == id else {
            throw StoreError.damaged(
                file, "looking up case \(id) found case \(stored.summary.id) (an index is damaged)",
                caseID: id)
        }
        return stored
    }

    /// The cases `query` asks for, oldest first. Each row is checked against its digest
    /// and against the query, so a damaged index is an error, not a wrong answer.
    static func cases(_ query: CaseQuery, in db: Database, file: StoreFile) throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let open = query.open { conditions.append(open ? "outcome IS NULL" : "outcome IS NOT NULL") }
        if let department = query.department {
            conditions.append("id IN (SELECT case_id FROM case_departments WHERE department = ?)")
            arguments += [department]
        }
        if let dueBy = query.dueBy {
            conditions.append("outcome IS NULL AND promised_by <= ?")
            arguments += [dueBy.milliseconds]
        }
        if let after = query.after {
            conditions.append(
                "ordinal > coalesce((SELECT ordinal FROM cases WHERE id = ?), (SELECT max(ordinal) FROM cases))"
            )
            arguments += [after]
        }
        var sql = "SELECT \(columns) FROM cases"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY ordinal"
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments += [max(limit, 0)]
        }
        var summaries: [CaseSummary] = []
        var last: Int64?
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let stored = try decode(row, file: file)
            guard CaseProjection.matches(stored.summary, query), last.map({ $0 < stored.ordinal }) ?? true
            else {
                throw StoreError.damaged(
                    file,
                    "a query of the cases found case \(stored.summary.id), which it does not ask for"
                        + " (an index is damaged)", caseID: stored.summary.id)
            }
            last = stored.ordinal
            summaries.append(stored.summary)
        }
        return summaries
    }

    /// Every row of the `cases` table, in order, each checked against its digest.
    static func all(in db: Database, file: StoreFile) throws -> [StoredSummary] {
        var stored: [StoredSummary] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM cases ORDER BY ordinal")
        while let row = try rows.next() { stored.append(try decode(row, file: file)) }
        return stored
    }

    /// The summary in a row of ``columns``.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` when a column does not
    ///   hold what it should or the row does not match its digest.
    static func decode(_ row: Row, file: StoreFile) throws(StoreError) -> StoredSummary {
        let ordinalValue = StoredValue(row: row, file: file, what: "a case's summary", caseID: nil)
        let id = try ordinalValue.text(1)
        let value = StoredValue(row: row, file: file, what: "the summary of case \(id)", caseID: id)
        let outcomeText = try value.optionalText(8)
        let outcome = try outcomeText.map { (text) throws(StoreError) -> CaseOutcome in
            guard let outcome = CaseOutcome(rawValue: text) else {
                throw StoreError.damaged(
                    file, "case \(id): its summary names no outcome ('\(text)')", caseID: id)
            }
            return outcome
        }
        let ordinal = try value.integer(0)
        let summary = CaseSummary(
            id: id, bundle: try value.text(2), version: try value.text(3), blueprint: try value.text(4),
            lead: try value.text(5), startedAt: Timestamp(milliseconds: try value.integer(6)),
            promisedBy: try value.optionalInteger(7).map(Timestamp.init(milliseconds:)), outcome: outcome,
            deliveredAt: try value.optionalInteger(9).map(Timestamp.init(milliseconds:)),
            waitingOn: try departments(try value.text(10), file: file, caseID: id), events: try value.int(11))
        guard RowDigest.summary(summary, ordinal: ordinal) == (try value.digest(12)) else {
            throw StoreError.damaged(
                file,
                "case \(id): its summary does not match its digest (a byte changed since it was written)",
                caseID: id)
        }
        return StoredSummary(summary: summary, ordinal: ordinal)
    }

    /// The departments in a `waiting_on` column.
    private static func departments(_ json: String, file: StoreFile, caseID: CaseID) throws(StoreError)
        -> [String]
    {
        do {
            return try JSONDecoder().decode([String].self, from: Data(json.utf8))
        } catch {
            throw StoreError.damaged(
                file, "case \(caseID): the departments of its summary cannot be read", caseID: caseID)
        }
    }

    /// A list of strings as a JSON array, the form of the `waiting_on` column.
    static func json(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            // Department ids need no escapes: copied whole, not a character at a time.
            if !string.utf8.contains(where: {
                $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
            }) {
                text += string
                text += "\""
                continue
            }
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
