import Foundation
import GRDB
import OneThing
import OneThingEvents
import Testing

@testable import OneThingSQLite

/// A store written by OneThing 0.1 (commit 9e780a0), whose times were working days on
/// the calendar of the day, converted to absolute time: every event at the wall time it
/// was shown at then, whatever calendar years are added later.
///
/// The fixture holds two cases of the restaurant bundle; `store-v1-list.txt` and
/// `store-v1-C20260925-0002.txt` are what `case list` and `case show` printed then.
struct LegacyMigrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    /// The shipped catalogue's calendar of China.
    static func calendarYears() throws -> [CalendarYear] {
        let loaded = CatalogueLoader.load(folder: root.appendingPathComponent("bundles/catalogue").path)
        #expect(!loaded.hasErrors)
        return loaded.catalogue.calendarYears
    }

    static func conversion(addingYears extra: [WorkdayCalendar.Arrangement] = []) throws
        -> SQLiteEventStore.LegacyConversion
    {
        let shipped = WorkdayCalendar(region: "CN", years: try calendarYears())
        guard !extra.isEmpty else { return SQLiteEventStore.LegacyConversion(calendar: shipped) }
        var arrangements = extra
        for year in try calendarYears() where year.region == "CN" {
            arrangements.append(
                WorkdayCalendar.Arrangement(
                    year: year.year, holidays: year.holidays.map { $0.from...$0.to },
                    makeUpWorkdays: year.makeUpWorkdays.map(\.value)))
        }
        return SQLiteEventStore.LegacyConversion(
            calendar: WorkdayCalendar(region: "CN", arrangements: arrangements))
    }

    /// Calls `body` with the path of a copy of the fixture.
    static func withCopy<T>(_ body: (String) async throws -> T) async throws -> T {
        try await TemporaryStore.withPath { path in
            try FileManager.default.copyItem(
                atPath: fixtures.appendingPathComponent("store-v1.sqlite").path, toPath: path)
            return try await body(path)
        }
    }

    /// The wall time (China) each event of case C20260925-0002 was shown at, by sequence.
    static func shownTimes() throws -> [Int: String] {
        let text = try String(
            contentsOf: fixtures.appendingPathComponent("store-v1-C20260925-0002.txt"), encoding: .utf8)
        var times: [Int: String] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count > 4, let sequence = Int(words[0]), words[1] == "day" else { continue }
            times[sequence] = "\(words[3]) \(words[4])"
        }
        return times
    }

    @Test func aV1FileWithoutAConversionIsRefusedAndLeftAsItWas() async throws {
        try await Self.withCopy { path in
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for mode in [SQLiteEventStore.Mode.readWrite, .readOnly] {
                let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path, mode: mode) }
                #expect(error?.kind == .incompatible)
                #expect(error?.message.contains("onething migrate --db \(path)") == true)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(try TemporaryStore.files(beside: path).filter { $0.contains("backup") } == [])
        }
    }

    @Test func migratingKeepsEveryMomentAtTheWallTimeShownThen() async throws {
        try await Self.withCopy { path in
            let report = try SQLiteEventStore.migrate(path: path, legacy: try Self.conversion())
            #expect(report.fromVersion == 1 && report.toVersion == 2 && report.converted)
            #expect(report.cases == 2 && report.events == 61)
            #expect(report.backupPath == path + ".v1-backup")
            let store = try SQLiteEventStore(path: path, mode: .readOnly)
            let cases = try await store.cases(CaseQuery())
            #expect(cases.map(\.id) == ["C20260302-0001", "C20260925-0002"])
            #expect(cases.map(\.events) == [32, 29])
            #expect(cases.map(\.startedAt.chinaText) == ["2026-03-02 09:00", "2026-09-28 09:00"])
            #expect(cases.map(\.outcome) == [.completed, nil])
            #expect(cases[1].waitingOn == ["fire-rescue"])
            let events = try await store.events(of: "C20260925-0002")
            let shown = try Self.shownTimes()
            #expect(shown.count == 29)
            for event in events {
                #expect(event.at.chinaText == shown[event.sequence], "event \(event.sequence)")
            }
            #expect(events[4].at.chinaText == "2026-09-28 12:51")
            // The store is whole, and a case read from it folds.
            let check = try SQLiteEventStore.check(path: path)
            #expect(check.problems == [])
            #expect(check.cases == 2 && check.events == 61 && check.blueprints == 1)
        }
    }

    @Test func dueMomentsFollowTheCalendarRuleOfThePlanner() async throws {
        try await Self.withCopy { path in
            let conversion = try Self.conversion()
            _ = try SQLiteEventStore.migrate(path: path, legacy: conversion)
            let store = try SQLiteEventStore(path: path, mode: .readOnly)
            let summary = try #require(try await store.cases(CaseQuery()).last)
            let blueprint = try #require(try await store.blueprint(summary.blueprint))
            #expect(blueprint.promise == TimeLimit(11, .workdays))
            #expect(blueprint.steps.map(\.kind) == Array(repeating: .item, count: 8))
            #expect(blueprint.supervisor == "government-services" && blueprint.region == "CN")
            let events = try await store.events(of: summary.id)
            let accepted = try #require(events.first { if case .intake = $0.kind { true } else { false } })
            // Eleven working days after 2026-09-28, the day of acceptance not counted: the
            // planner's date, which OneThing 0.1 showed one working day early (2026-10-16).
            #expect(
                summary.promisedBy
                    == (try conversion.calendar.dueMoment(
                        startingAt: accepted.at, acceptedAt: accepted.at, limit: blueprint.promise)))
            #expect(
                summary.promisedBy.map { WorkdayCalendar.date(endingAt: $0) } == CalendarDate("2026-10-19"))
            guard case .intake(.accepted(_, let deferred)) = accepted.kind else {
                Issue.record("the case was accepted")
                return
            }
            #expect(deferred.map(\.material) == ["food-safety-rules"])
            let supplied = events.first { if case .materialSupplied = $0.kind { true } else { false } }
            #expect(supplied?.kind == .materialSupplied(material: "food-safety-rules", late: false))
            for event in events {
                if case .dispatched(let step, _, _, let due) = event.kind {
                    #expect(
                        due
                            == (try conversion.calendar.dueMoment(
                                startingAt: event.at, acceptedAt: accepted.at,
                                limit: blueprint.steps[step].limit)))
                }
            }
        }
    }

    @Test func addingACalendarYearMovesNoStoredMoment() async throws {
        try await Self.withCopy { path in
            _ = try SQLiteEventStore.migrate(path: path, legacy: try Self.conversion())
            // OneThing 0.1 counted work time from the first year the catalogue covered, so a
            // calendar-2024.yaml moved every date it showed. The conversion counts from
            // 2025-01-01 whatever the calendar covers, and a converted store needs no calendar.
            let earlier = WorkdayCalendar.Arrangement(year: 2024, holidays: [], makeUpWorkdays: [])
            let copy = path + ".with-2024.sqlite"
            try FileManager.default.copyItem(
                atPath: Self.fixtures.appendingPathComponent("store-v1.sqlite").path, toPath: copy)
            _ = try SQLiteEventStore.migrate(path: copy, legacy: try Self.conversion(addingYears: [earlier]))
            let first = try SQLiteEventStore(path: path, mode: .readOnly)
            let second = try SQLiteEventStore(path: copy, mode: .readOnly)
            for id in ["C20260302-0001", "C20260925-0002"] {
                let events = try await first.events(of: id)
                #expect(events.count > 20)
                #expect(try await second.events(of: id).map(\.at) == events.map(\.at))
            }
        }
    }

    @Test func theBackupIsTheOldFileAndCanBeConvertedAgain() async throws {
        try await Self.withCopy { path in
            let report = try SQLiteEventStore.migrate(path: path, legacy: try Self.conversion())
            let backup = try #require(report.backupPath)
            let rows = try DatabaseQueue(path: backup).read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM events"),
                    try String.fetchOne(db, sql: "SELECT typeof(at) FROM events LIMIT 1")
                )
            }
            #expect(rows.0 == 61 && rows.1 == "real")
            // Converting a current file again changes nothing and keeps no second copy.
            let again = try SQLiteEventStore.migrate(path: path, legacy: try Self.conversion())
            #expect(!again.converted && again.backupPath == nil && again.events == 61)
        }
    }

    @Test func aCalendarThatDoesNotCoverTheCasesStopsTheMigrationAndChangesNothing() async throws {
        try await Self.withCopy { path in
            // Only the notice of 2025, without the provisional years the law would add.
            let only2025 = try Self.calendarYears().filter { $0.region == "CN" && $0.year == 2025 }
            let conversion = SQLiteEventStore.LegacyConversion(
                calendar: WorkdayCalendar(region: "CN", arrangements: only2025.map(\.arrangement)))
            let before = try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM events")
            }
            let error = #expect(throws: StoreError.self) {
                try SQLiteEventStore(path: path, legacy: conversion)
            }
            #expect(error?.kind == .incompatible)
            #expect(error?.message.contains("nothing was changed") == true)
            #expect(error?.message.contains("2026") == true)
            let after = try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM events")
            }
            #expect(after == before)
        }
    }
}
