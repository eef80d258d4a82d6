import Foundation
import OneThingEvents
import OneThingStoreContract
import Testing

@testable import OneThingSQLite

/// A damaged file is refused, never misread: copies of a small store with a few bytes
/// flipped each either read back exactly as the original or are refused as corrupt.
struct ByteFlipTests {
    typealias Cases = ContractCases

    /// SplitMix64: a small seeded generator, the same in every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Everything a reader sees of a store.
    struct Reading: Equatable {
        var summaries: [CaseSummary]
        var open: [CaseID]
        var byDepartment: [String: [CaseID]]
        var dueBy: [CaseID]
        var histories: [CaseID: [CaseEvent]]
        var blueprint: CaseBlueprint?
        var metadata: String?

        /// The parts of this reading that differ from `other`.
        func differences(from other: Reading) -> [String] {
            var parts: [String] = []
            if summaries != other.summaries { parts.append("the summaries") }
            if open != other.open { parts.append("the open cases") }
            for (department, ids) in byDepartment where other.byDepartment[department] != ids {
                parts.append("the cases at \(department) (\(ids))")
            }
            if dueBy != other.dueBy { parts.append("the cases due") }
            for (id, events) in histories where other.histories[id] != events {
                parts.append("the events of \(id)")
            }
            if blueprint != other.blueprint { parts.append("the blueprint") }
            if metadata != other.metadata { parts.append("the metadata") }
            return parts
        }

        /// The cases of the store made by ``makeStore(at:)``, and one it does not have.
        static let ids =
            (0..<20).map { CaseIDFormat.make(acceptedOn: day($0), number: $0 % 3 + 1) } + ["nobody"]

        static func of(_ store: SQLiteEventStore) async throws -> Reading {
            var histories: [CaseID: [CaseEvent]] = [:]
            for id in ids { histories[id] = try await store.events(of: id) }
            var byDepartment: [String: [CaseID]] = [:]
            for department in ["market", "fire", "health"] {
                byDepartment[department] = try await store.cases(CaseQuery(department: department)).map(\.id)
            }
            return Reading(
                summaries: try await store.cases(CaseQuery()),
                open: try await store.cases(CaseQuery(open: true)).map(\.id), byDepartment: byDepartment,
                dueBy: try await store.cases(CaseQuery(dueBy: Cases.moment(days: 30))).map(\.id),
                histories: histories, blueprint: try await store.blueprint(Cases.blueprint.fingerprint),
                metadata: try await store.metadata("adapters"))
        }
    }

    /// The day the `index`th case of the store is accepted: three a day.
    static func day(_ index: Int) -> CalendarDate { Cases.firstStart.chinaDate.adding(days: index / 3) }

    /// A small store: twenty cases at every stage (more than the opening check reads),
    /// case numbers and metadata, closed (its log folded in).
    static func makeStore(at path: String) async throws {
        let store = try SQLiteEventStore(path: path)
        try await store.saveBlueprint(Cases.blueprint)
        let stages = Cases.Progress.allCases
        for index in 0..<20 {
            let id = try await store.newCaseID(acceptedOn: day(index))
            let start = Cases.moment(days: Double(index) / 3)
            try await store.append(Cases.events(id, startingAt: start, upTo: stages[index % stages.count]))
        }
        try await store.setMetadata("market=manual", for: "adapters")
    }

    /// Reads the copy at `copy` in `mode`: `true` when it reads back as `expected`,
    /// `false` when it is refused as corrupt; an issue when it reads back differently.
    static func readBack(_ copy: String, _ mode: SQLiteEventStore.Mode, expected: Reading, _ what: String)
        async throws -> Bool
    {
        do {
            let reading = try await Reading.of(try SQLiteEventStore(path: copy, mode: mode))
            let differing = reading.differences(from: expected)
            #expect(differing.isEmpty, "\(what): read without an error, but \(differing) differ")
            return true
        } catch let error as StoreError where error.kind == .corrupt {
            return false
        }
    }

    @Test func everyFlipOfTheHeaderIsRefusedOrHarmless() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let expected = try await Reading.of(try SQLiteEventStore(path: path, mode: .readOnly))
            let copy = path + ".copy"
            var refused = 0
            for offset in 0..<100 {
                for (index, mask) in [0x01, 0xFF].enumerated() {
                    var bytes = original
                    bytes[offset] ^= UInt8(mask)
                    for suffix in ["", "-wal", "-shm"] {
                        try? FileManager.default.removeItem(atPath: copy + suffix)
                    }
                    try Data(bytes).write(to: URL(fileURLWithPath: copy))
                    let mode: SQLiteEventStore.Mode =
                        (offset + index).isMultiple(of: 2) ? .readOnly : .readWrite
                    let intact = try await Self.readBack(
                        copy, mode, expected: expected, "header byte \(offset) ^ \(mask)")
                    if !intact { refused += 1 }
                }
            }
            #expect(refused > 20)
        }
    }

    @Test func flippedBytesAreRefusedOrReadBackExactly() async throws {
        let seed =
            ProcessInfo.processInfo.environment["ONETHING_FLIP_SEED"].flatMap(UInt64.init) ?? 20_261_203
        print("byte flips: seed \(seed) (set ONETHING_FLIP_SEED to repeat another run)")
        var random = SeededGenerator(state: seed)
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            #expect(try TemporaryStore.files(beside: path) == ["cases.sqlite"])
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let expected = try await Reading.of(try SQLiteEventStore(path: path, mode: .readOnly))
            #expect(expected.summaries.map(\.id) == Array(Reading.ids.dropLast()))
            #expect(expected.histories.values.map(\.count).reduce(0, +) > 100)
            let copy = path + ".copy"
            var (intact, refusedOnOpening, refusedOnReading) = (0, 0, 0)
            for round in 0..<100 {
                var bytes = [UInt8](original)
                var flips: [String] = []
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let offset = Int.random(in: 0..<bytes.count, using: &random)
                    let mask = UInt8.random(in: 1...255, using: &random)
                    bytes[offset] ^= mask
                    flips.append("byte \(offset) ^ \(mask)")
                }
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: copy + suffix)
                }
                try Data(bytes).write(to: URL(fileURLWithPath: copy))
                let mode: SQLiteEventStore.Mode = round.isMultiple(of: 2) ? .readOnly : .readWrite
                let what = "round \(round) (seed \(seed), \(mode), \(flips.joined(separator: ", ")))"
                let store: SQLiteEventStore
                do {
                    store = try SQLiteEventStore(path: copy, mode: mode)
                } catch let error as StoreError where error.kind == .corrupt {
                    refusedOnOpening += 1
                    continue
                }
                do {
                    let reading = try await Reading.of(store)
                    let differing = reading.differences(from: expected)
                    #expect(differing.isEmpty, "\(what): read without an error, but \(differing) differ")
                    intact += 1
                } catch let error as StoreError where error.kind == .corrupt {
                    refusedOnReading += 1
                }
            }
            print(
                "byte flips: \(intact) intact, \(refusedOnOpening) refused on opening, \(refusedOnReading) on reading"
            )
            #expect(intact + refusedOnOpening + refusedOnReading == 100)
            #expect(refusedOnOpening + refusedOnReading > 0)
        }
    }
}
