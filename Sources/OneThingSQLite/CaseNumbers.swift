import GRDB
import OneThingEvents

/// The `case_numbers` table: the last case number given out for each day of
/// acceptance. A number is taken inside a write transaction, which SQLite gives to one
/// connection at a time across every process on the file, so no two callers ever get
/// the same id.
enum CaseNumbers {
    /// Takes the next case id for `date`, in the write transaction under way on `db`.
    ///
    /// An id a stored case already has is skipped, so a counter that was lost or kept
    /// by an older version (which numbered cases differently) never gives an id twice.
    static func next(for date: CalendarDate, in db: Database, file: StoreFile) throws -> CaseID {
        let day = date.description
        var number = try last(day: day, in: db, file: file) + 1
        while try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) > 0 FROM cases WHERE id = ?"),
            arguments: [CaseIDFormat.make(acceptedOn: date, number: Int(number))]) == true
        {
            number += 1
        }
        try record(day: day, last: number, in: db)
        return CaseIDFormat.make(acceptedOn: date, number: Int(number))
    }

    /// The last number given out for `day` (`2026-03-02`), 0 when none was.
    static func last(day: String, in db: Database, file: StoreFile) throws -> Int64 {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT last, digest FROM case_numbers WHERE day = ?"),
                arguments: [day])
        else { return 0 }
        let value = StoredValue(row: row, file: file, what: "the case number of \(day)", caseID: nil)
        let last = try value.integer(0)
        guard RowDigest.caseNumber(day: day, last: last) == (try value.digest(1)), last >= 0,
            last < Int64(Int32.max)
        else {
            throw StoreError.damaged(file, "the last case number of \(day) does not match its digest")
        }
        return last
    }

    /// Every day's last number, each row checked against its digest as it is stored.
    static func all(in db: Database, file: StoreFile) throws -> [String: Int64] {
        var numbers: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT day, last, digest FROM case_numbers") {
            let value = StoredValue(row: row, file: file, what: "a case-number row", caseID: nil)
            let (day, last) = (try value.text(0), try value.integer(1))
            guard RowDigest.caseNumber(day: day, last: last) == (try value.digest(2)) else {
                throw StoreError.damaged(file, "the last case number of \(day) does not match its digest")
            }
            numbers[day] = last
        }
        return numbers
    }

    /// Keeps `last` as the last number given out for `day`.
    static func record(day: String, last: Int64, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO case_numbers (day, last, digest) VALUES (?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET last = excluded.last, digest = excluded.digest
                """
        ).execute(arguments: [day, last, Int64(bitPattern: RowDigest.caseNumber(day: day, last: last))])
    }
}
