import Foundation
import GRDB
import OneThingEvents

/// The full check of one file, read on one connection (see
/// ``SQLiteEventStore/check(path:)``): each part reports what it finds and goes on, so
/// one run shows every problem.
struct StoreCheck {
    let file: StoreFile
    let db: Database

    /// Runs every part into `report`.
    func run(into report: inout StoreCheckReport) throws {
        let format: StoreFormat
        do {
            format = try StoreFormat.read(db, file: file)
        } catch let error as StoreError {
            report.add(.init(.format, error.message))
            try pages(into: &report)
            return
        }
        report.schemaVersion = try Int.fetchOne(db, sql: "PRAGMA user_version")
        try pages(into: &report)
        switch format {
        case .current, .earlierEvents:
            // Payloads of an earlier event format read as they are; opening the store to
            // write raises the number.
            break
        case .legacy:
            report.schemaVersion = StoreFormat.legacySchemaVersion
            report.add(.init(.format, StoreOpening.needsMigration(file).message))
            return
        case .newer(let schema):
            report.add(.init(.format, StoreOpening.newerFormat(schema, file: file).message))
            return
        case .empty:
            report.add(.init(.format, "the file holds no event store yet"))
            return
        }
        let blueprints = try self.blueprints(into: &report)
        let summaries = try self.summaries(into: &report)
        let (events, damaged) = try self.events(into: &report)
        report.cases = summaries.count
        report.events = events.values.reduce(0) { $0 + $1.count }
        report.blueprints = blueprints.count
        for stored in summaries.values.sorted(by: { $0.ordinal < $1.ordinal }) {
            report.checkFold(
                stored.summary, events[stored.summary.id], damaged: damaged[stored.summary.id] ?? [],
                blueprints: blueprints)
        }
        for id in events.keys.sorted() where summaries[id] == nil {
            report.add(
                .init(.missingEvent, caseID: id, "the file holds events of this case, but no summary of it"))
        }
        try departments(summaries, into: &report)
        try caseNumbers(summaries, into: &report)
        try metadata(into: &report)
    }

    /// SQLite's own check of every page and index.
    private func pages(into report: inout StoreCheckReport) throws {
        for finding in try String.fetchAll(db, sql: "PRAGMA integrity_check(100)") where finding != "ok" {
            report.add(.init(.pages, finding))
        }
    }

    /// Every blueprint that reads back under its fingerprint.
    private func blueprints(into report: inout StoreCheckReport) throws -> [String: CaseBlueprint] {
        var found: [String: CaseBlueprint] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT fingerprint FROM blueprints") {
            let value = StoredValue(row: row, file: file, what: "a blueprint", caseID: nil)
            do {
                let fingerprint = try value.text(0)
                if let blueprint = try StoredRows.blueprint(fingerprint, in: db, file: file) {
                    found[fingerprint] = blueprint
                } else {
                    report.add(
                        .init(.blueprint, "blueprint \(fingerprint) cannot be looked up (its key is damaged)")
                    )
                }
            } catch let error as StoreError {
                report.add(.init(.blueprint, error.message))
            }
        }
        return found
    }

    /// Every summary row that reads back and matches its digest, by case.
    private func summaries(into report: inout StoreCheckReport) throws -> [CaseID: StoredSummary] {
        var found: [CaseID: StoredSummary] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT \(SummaryRows.columns) FROM cases ORDER BY ordinal")
        while let row = try rows.next() {
            do {
                let stored = try SummaryRows.decode(row, file: file)
                found[stored.summary.id] = stored
            } catch {
                report.add(.init(.summary, caseID: error.caseID, error.message))
            }
        }
        return found
    }

    /// Every event row that reads back and matches its digest, by case, in order, and
    /// the sequence numbers of the damaged ones.
    private func events(into report: inout StoreCheckReport) throws -> (
        found: [CaseID: [CaseEvent]], damaged: [CaseID: Set<Int>]
    ) {
        var found: [CaseID: [CaseEvent]] = [:]
        var damaged: [CaseID: Set<Int>] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT case_id, sequence, at, kind, payload, digest FROM events ORDER BY case_id, sequence")
        while let row = try rows.next() {
            let value = StoredValue(row: row, file: file, what: "an event", caseID: nil)
            do {
                let id = try value.text(0)
                let sequence = try value.int(1)
                let (at, name, payload, digest) = (
                    Timestamp(milliseconds: try value.integer(2)), try value.text(3), try value.bytes(4),
                    try value.digest(5)
                )
                do {
                    found[id, default: []].append(
                        try EventCodec.event(
                            caseID: id, sequence: sequence, at: at, name: name, payload: payload,
                            digest: digest))
                } catch {
                    report.add(.init(.event, caseID: id, sequence: sequence, error.reason))
                    damaged[id, default: []].insert(sequence)
                }
            } catch {
                report.add(.init(.event, error.message))
            }
        }
        return (found, damaged)
    }

    /// Checks the department table against the summaries.
    private func departments(_ summaries: [CaseID: StoredSummary], into report: inout StoreCheckReport) throws
    {
        var stored: [CaseID: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT department, case_id FROM case_departments") {
            let value = StoredValue(row: row, file: file, what: "a row of the department table", caseID: nil)
            do {
                stored[try value.text(1), default: []].insert(try value.text(0))
            } catch {
                report.add(.init(.index, error.message))
            }
        }
        report.checkDepartments(stored, summaries: summaries.mapValues(\.summary))
    }

    /// Checks every day's case number against its digest and the stored cases' numbers.
    private func caseNumbers(_ summaries: [CaseID: StoredSummary], into report: inout StoreCheckReport) throws
    {
        var last: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT day, last, digest FROM case_numbers") {
            let value = StoredValue(row: row, file: file, what: "a case-number row", caseID: nil)
            do {
                let (day, number) = (try value.text(0), try value.integer(1))
                guard RowDigest.caseNumber(day: day, last: number) == (try value.digest(2)) else {
                    report.add(.init(.caseNumber, "the last case number of \(day) does not match its digest"))
                    continue
                }
                last[day] = number
            } catch {
                report.add(.init(.caseNumber, error.message))
            }
        }
        for id in summaries.keys.sorted() {
            guard let (day, number) = LegacyMigration.caseNumber(id), let given = last[day], number > given
            else {
                continue
            }
            report.add(
                .init(
                    .caseNumber, caseID: id,
                    "the last case number given for \(day) is \(given), below this case's"))
        }
    }

    /// Checks every metadata row against its digest, as stored.
    private func metadata(into report: inout StoreCheckReport) throws {
        for row in try Row.fetchAll(db, sql: "SELECT key, value, digest FROM metadata") {
            let stored = StoredValue(row: row, file: file, what: "a metadata row", caseID: nil)
            do {
                let (key, value) = (try stored.text(0), try stored.text(1))
                if RowDigest.metadata(key: key, value: value) != (try stored.digest(2)) {
                    report.add(.init(.metadata, "the metadata value of '\(key)' does not match its digest"))
                }
            } catch {
                report.add(.init(.metadata, error.message))
            }
        }
    }
}
