import Foundation
import GRDB
import OneThingEvents

/// The migration from the first format (schema 1) to the current one (schema 2), in
/// one transaction: the old tables are renamed, the new ones made, every blueprint and
/// every case converted (see ``SQLiteEventStore/LegacyConversion``), and the old tables
/// dropped. Any error rolls it all back and leaves the file as it was.
///
/// Each case's events are converted in order and folded as they go, so that what an
/// event of the current format records (a step's due moment, the promise, whether a
/// material came late) follows from the converted events before it: a step is due at
/// ``WorkdayCalendar/dueMoment(startingAt:acceptedAt:limit:)`` of its first dispatch, moved by a
/// supplement as ``WorkdayCalendar/postponing(_:pausedAt:resumedAt:)`` says; the case's
/// promise and the deferred materials' deadlines count from acceptance.
enum LegacyMigration {
    /// A value of the old file that cannot be converted.
    struct BadValue: Error, CustomStringConvertible {
        /// What is wrong.
        var reason: String

        var description: String { reason }
    }

    /// Keeps a copy of the file as `<path>.v1-backup` (`.v1-backup-2`… when that exists),
    /// through SQLite's backup, so the copy holds what the write-ahead log holds too.
    ///
    /// - Returns: The path of the copy.
    @discardableResult
    static func backUp(_ pool: DatabasePool, file: StoreFile) throws(StoreError) -> String {
        var target = file.absolutePath + ".v1-backup"
        var number = 1
        while StoreFile.exists(target) {
            number += 1
            target = file.absolutePath + ".v1-backup-\(number)"
        }
        do {
            let copy = try DatabaseQueue(path: target)
            try pool.backup(to: copy)
            try copy.close()
        } catch {
            throw .database(
                error, file: file, doing: "keeping a copy of the old file as \(target)", writing: true)
        }
        return target
    }

    /// Runs the migration in the transaction GRDB has begun on `db`.
    static func run(in db: Database, legacy: SQLiteEventStore.LegacyConversion?, file: StoreFile) throws {
        let hasRows =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM blueprints)")
            ?? false
        if hasRows && legacy == nil { throw StoreOpening.needsMigration(file) }
        try db.execute(
            sql: """
                DROP INDEX cases_by_ordinal;
                DROP INDEX open_cases;
                DROP INDEX open_cases_by_due;
                DROP INDEX cases_by_outcome;
                ALTER TABLE events RENAME TO legacy_events;
                ALTER TABLE blueprints RENAME TO legacy_blueprints;
                ALTER TABLE cases RENAME TO legacy_cases;
                ALTER TABLE case_departments RENAME TO legacy_case_departments;
                """)
        try db.execute(sql: StoreSchema.tables)
        if hasRows, let legacy { try convert(in: db, legacy: legacy, file: file) }
        try db.execute(
            sql: """
                DROP TABLE legacy_events;
                DROP TABLE legacy_blueprints;
                DROP TABLE legacy_cases;
                DROP TABLE legacy_case_departments;
                """)
    }

    /// Converts every blueprint and case of the old tables into the new ones.
    private static func convert(in db: Database, legacy: SQLiteEventStore.LegacyConversion, file: StoreFile)
        throws
    {
        var blueprints: [String: CaseBlueprint] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT fingerprint, json FROM legacy_blueprints") {
            let value = StoredValue(row: row, file: file, what: "an old blueprint", caseID: nil)
            let fingerprint = try value.text(0)
            do {
                let old = try JSONDecoder().decode(LegacyBlueprint.self, from: Data(try value.text(1).utf8))
                let blueprint = try old.converted(legacy)
                try StoredRows.save(blueprint, fingerprint: blueprint.fingerprint, in: db)
                blueprints[fingerprint] = blueprint
            } catch {
                throw failure("blueprint \(fingerprint)", error, file: file)
            }
        }
        var converted = 0
        var lastNumbers: [String: Int64] = [:]
        let inserter = try EventInserter(db: db)
        let summaries = try SummaryWriter(db: db)
        let ids = try Row.fetchAll(db, sql: "SELECT id FROM legacy_cases ORDER BY ordinal").map {
            try StoredValue(row: $0, file: file, what: "an old case", caseID: nil).text(0)
        }
        for (index, id) in ids.enumerated() {
            let old = try legacyEvents(of: id, in: db, file: file)
            let (events, blueprint) = try convert(
                old, of: id, blueprints: blueprints, legacy: legacy, file: file)
            var projection = CaseProjection(id: id, blueprint: blueprint)
            for event in events { projection.apply(event) }
            guard let summary = projection.summary else {
                throw failure("case \(id)", BadValue(reason: "it has no start event"), file: file)
            }
            try summaries.insert(summary, ordinal: Int64(index + 1))
            for event in events { try inserter.insert(EncodedEvent(event)) }
            converted += events.count
            if let (day, number) = caseNumber(id) { lastNumbers[day] = max(lastNumbers[day] ?? 0, number) }
        }
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM legacy_events") ?? 0
        guard stored == converted else {
            throw failure(
                "the events table",
                BadValue(
                    reason:
                        "it holds \(stored) events, but its cases hold \(converted) (events without a case)"),
                file: file)
        }
        for (day, last) in lastNumbers { try CaseNumbers.record(day: day, last: last, in: db) }
    }

    /// The old events of case `id`, in order.
    private static func legacyEvents(of id: CaseID, in db: Database, file: StoreFile) throws -> [LegacyEvent]
    {
        var events: [LegacyEvent] = []
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT sequence, at, kind, payload FROM legacy_events WHERE case_id = ? ORDER BY sequence",
            arguments: [id])
        while let row = try rows.next() {
            let value = StoredValue(row: row, file: file, what: "an old event of case \(id)", caseID: id)
            let sequence = try value.int(0)
            let at: Double
            switch (row[1] as DatabaseValue).storage {
            case .double(let time): at = time
            case .int64(let time): at = Double(time)
            default:
                throw failure(
                    "case \(id), event \(sequence)", BadValue(reason: "its time is not a number"), file: file)
            }
            do {
                events.append(
                    LegacyEvent(
                        sequence: sequence, at: at,
                        kind: try LegacyEvent.kind(named: try value.text(2), payload: try value.bytes(3))))
            } catch {
                throw failure("case \(id), event \(sequence)", error, file: file)
            }
        }
        return events
    }

    /// The step whose failure a first-format cancellation names (`ITEM did not succeed`);
    /// failing that, the last step of the case that was rejected or failed.
    static func cause(of reason: String, in state: CaseState) -> Int {
        let suffix = " did not succeed"
        if reason.hasSuffix(suffix),
            let step = state.blueprint.stepIndex(String(reason.dropLast(suffix.count)))
        {
            return step
        }
        let ended = state.steps.indices.filter { [.rejected, .failed].contains(state.steps[$0].status) }
        return ended.max {
            (state.steps[$0].finishedAt ?? Timestamp(milliseconds: 0))
                < (state.steps[$1].finishedAt ?? Timestamp(milliseconds: 0))
        } ?? 0
    }

    /// The material a first-format failure names (`deferred material M did not arrive
    /// in time`); failing that, the step's first deferred material not in hand.
    static func material(of reason: String, step: Int, in state: CaseState) -> String {
        let words = reason.split(separator: " ")
        if let index = words.firstIndex(of: "material"), words.indices.contains(index + 1) {
            return String(words[index + 1])
        }
        let spec = state.blueprint.steps[step]
        return spec.deferred.first { !state.supplied.contains($0) } ?? spec.deferred.first ?? ""
    }

    /// The key, outcome and status a first-format ignored report names (`stale
    /// idempotency key K`, or `OUTCOME while STATUS`).
    static func ignored(_ reason: String, step: Int, in state: CaseState) -> (String, String, StepStatus) {
        let current = state.steps[step]
        let stale = "stale idempotency key "
        if reason.hasPrefix(stale) {
            return (String(reason.dropFirst(stale.count)), "unknown", current.status)
        }
        let parts = reason.components(separatedBy: " while ")
        let outcome = parts.first.map { String($0.prefix { $0 != "(" }) } ?? "unknown"
        let status = parts.count == 2 ? StepStatus(rawValue: parts[1]) ?? current.status : current.status
        return (current.key ?? "", outcome, status)
    }

    /// The events of the current format for the old events of case `id`, and the
    /// converted blueprint of the case.
    private static func convert(
        _ old: [LegacyEvent], of id: CaseID, blueprints: [String: CaseBlueprint],
        legacy: SQLiteEventStore.LegacyConversion, file: StoreFile
    ) throws -> (events: [CaseEvent], blueprint: CaseBlueprint) {
        guard case .started(let start)? = old.first?.kind, let blueprint = blueprints[start.blueprint] else {
            throw failure(
                "case \(id)", BadValue(reason: "it does not start with a start event of a saved blueprint"),
                file: file)
        }
        var state = CaseState(id: id, blueprint: blueprint)
        var events: [CaseEvent] = []
        let calendar = legacy.calendar
        for event in old {
            do {
                if let task = event.kind.task, !blueprint.steps.indices.contains(task) {
                    throw BadValue(reason: "it is about task \(task), which the blueprint does not have")
                }
                let at = try legacy.moment(at: event.at)
                func due(_ limit: TimeLimit) throws -> Timestamp {
                    try calendar.dueMoment(startingAt: at, acceptedAt: state.acceptedAt ?? at, limit: limit)
                }
                func deferred(_ missing: [String]) throws -> [DeferredMaterial] {
                    try missing.map {
                        DeferredMaterial(
                            material: $0, dueBy: try due(blueprint.deferredDeadlines[$0] ?? blueprint.promise)
                        )
                    }
                }
                let kind: CaseEvent.Kind
                switch event.kind {
                case .started(var start):
                    start.blueprint = blueprint.fingerprint
                    kind = .started(start)
                case .accepted:
                    kind = .intake(.accepted(promisedBy: try due(blueprint.promise), deferred: []))
                case .acceptedWithGaps(let missing):
                    kind = .intake(
                        .accepted(promisedBy: try due(blueprint.promise), deferred: try deferred(missing)))
                case .rejectedIncomplete(let missing):
                    kind = .intake(.rejectedIncomplete(missing: missing))
                case .dispatched(let task, let attempt, let key):
                    let first = try state.steps[task].due ?? due(blueprint.steps[task].limit)
                    kind = .dispatched(step: task, attempt: attempt, key: key, due: first)
                case .dispatchFailed(let task, let attempt, let reason, let retryAt):
                    kind = .dispatchFailed(
                        step: task, attempt: attempt, reason: reason, retryAt: try legacy.moment(at: retryAt))
                case .inReview(let task):
                    kind = .inReview(step: task)
                case .supplementRequested(let task, let note):
                    kind = .supplementRequested(step: task, note: note)
                case .supplementSupplied(let task):
                    let step = state.steps[task]
                    let current = try step.due ?? due(blueprint.steps[task].limit)
                    let moved = try step.pausedAt.map {
                        try calendar.postponing(current, pausedAt: $0, resumedAt: at)
                    }
                    kind = .supplementSupplied(step: task, due: moved ?? current)
                case .approved(let task):
                    kind = .approved(step: task)
                case .approvalHeld(let task, let materials):
                    kind = .approvalHeld(step: task, materials: materials)
                case .rejected(let task, let reason):
                    kind = .rejected(step: task, reason: reason)
                case .cancelled(let task, let reason):
                    kind = .cancelled(step: task, cause: Self.cause(of: reason, in: state))
                case .failed(let task, let reason):
                    kind = .failed(step: task, material: Self.material(of: reason, step: task, in: state))
                case .materialSupplied(let material):
                    kind = .materialSupplied(
                        material: material, late: state.deferredDue[material].map { at > $0 } ?? false)
                case .dueSoon(let task, let old):
                    kind = .dueSoon(step: task, due: try state.steps[task].due ?? legacy.moment(at: old))
                case .overdue(let task, let old):
                    kind = .overdue(step: task, due: try state.steps[task].due ?? legacy.moment(at: old))
                case .escalated(let task, let to):
                    kind = .escalated(step: task, to: to)
                case .outcomeIgnored(let task, let reason):
                    let (key, outcome, status) = Self.ignored(reason, step: task, in: state)
                    kind = .outcomeIgnored(step: task, key: key, outcome: outcome, status: status)
                case .delivered(let outputs, let outcome):
                    kind = .delivered(outputs: outputs, outcome: outcome)
                }
                let converted = CaseEvent(caseID: id, sequence: event.sequence, at: at, kind: kind)
                do {
                    try state.check(converted)
                } catch {
                    throw BadValue(reason: error.reason)
                }
                state.apply(converted)
                events.append(converted)
            } catch {
                throw failure("case \(id), event \(event.sequence)", error, file: file)
            }
        }
        return (events, blueprint)
    }

    /// The day and number of a case id made as `C20260302-0001`.
    static func caseNumber(_ id: CaseID) -> (day: String, number: Int64)? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 9, parts[0].first == "C", let number = Int64(parts[1]),
            number > 0
        else { return nil }
        let digits = parts[0].dropFirst()
        guard digits.allSatisfy(\.isASCII),
            let date = CalendarDate(
                "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))")
        else { return nil }
        return (date.description, number)
    }

    /// The error that stops the migration at `what`.
    static func failure(_ what: String, _ error: any Error, file: StoreFile) -> StoreError {
        if let error = error as? StoreError { return error }
        let kind: StoreError.Kind
        let reason: String
        switch error {
        case let outside as WorkdayCalendar.OutOfRange:
            kind = .incompatible
            reason = "\(outside); give a calendar that covers it"
        case let bad as BadValue:
            kind = .corrupt
            reason = bad.reason
        default:
            kind = .corrupt
            reason = "\(error)"
        }
        return StoreError(
            kind,
            "\(file.path): converting the store of OneThing 0.1 stopped at \(what): \(reason); nothing was changed",
            caseID: nil)
    }
}
