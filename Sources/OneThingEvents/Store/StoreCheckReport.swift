/// What the full check of a store found (the SQLite store's `check(path:)`, the
/// PostgreSQL store's `check()`): how much the store holds, and every problem, each with its kind, the case and the event it
/// concerns, and the details in plain English (SQLite's own words for page damage).
public struct StoreCheckReport: Sendable, Hashable {
    /// One thing that is wrong with the file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// What kind of problem it is.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// SQLite cannot read the file as a database.
            case file
            /// The file's format marks disagree, or it is a format this version does not read.
            case format
            /// SQLite's integrity check found a damaged page or index (`PRAGMA integrity_check`).
            case pages
            /// A stored event cannot be read, or does not match its digest.
            case event
            /// A case's events have a gap, or the file holds events its summary does not count.
            case missingEvent = "missing-event"
            /// A case's summary cannot be read, does not match its digest, or is not the
            /// fold of its events.
            case summary
            /// A case's events do not fold (one does not continue the case).
            case fold
            /// A blueprint is missing, cannot be read, or does not match its fingerprint.
            case blueprint
            /// The departments a case waits on disagree with the department table.
            case index
            /// A day's case number cannot be read, or is below a stored case's number.
            case caseNumber = "case-number"
            /// A metadata value does not match its digest.
            case metadata
        }

        /// What kind of problem it is.
        public var kind: Kind
        /// The case concerned, if one is.
        public var caseID: CaseID?
        /// The event concerned, if one is.
        public var sequence: Int?
        /// What is wrong, in English.
        public var detail: String

        /// Creates a problem.
        public init(_ kind: Kind, caseID: CaseID? = nil, sequence: Int? = nil, _ detail: String) {
            self.kind = kind
            self.caseID = caseID
            self.sequence = sequence
            self.detail = detail
        }

        public var description: String {
            let which = [caseID.map { "case \($0)" }, sequence.map { "event \($0)" }].compactMap { $0 }
            return "[\(kind.rawValue)] " + (which.isEmpty ? "" : which.joined(separator: ", ") + ": ")
                + detail
        }
    }

    /// The file, as given.
    public var path: String
    /// The schema version the file says it has, when it can be read.
    public var schemaVersion: Int?
    /// The number of cases, events and blueprints the file holds (as far as it can be read).
    public var cases = 0
    /// The number of events.
    public var events = 0
    /// The number of blueprints.
    public var blueprints = 0
    /// The problems found, at most ``listedProblems``.
    public var problems: [Problem] = []
    /// How many more problems were found than are listed.
    public var unlistedProblems = 0

    /// The most problems a report lists.
    public static let listedProblems = 200

    /// An empty report of the file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Whether nothing is wrong.
    public var isHealthy: Bool { problems.isEmpty }

    /// Adds a problem (counting it only, past ``listedProblems``).
    public mutating func add(_ problem: Problem) {
        if problems.count < Self.listedProblems {
            problems.append(problem)
        } else {
            unlistedProblems += 1
        }
    }
}

extension StoreCheckReport {
    /// Checks that a case's events run from 1 without a gap, fold, and fold to its
    /// summary: the rule every store's full check applies to each case. A case with a
    /// damaged event (reported already, its sequence in `damaged`) is not folded.
    public mutating func checkFold(
        _ summary: CaseSummary, _ events: [CaseEvent]?, damaged: Set<Int>, blueprints: [String: CaseBlueprint]
    ) {
        let id = summary.id
        let events = events ?? []
        guard damaged.isEmpty else { return }
        if let gap = events.enumerated().first(where: { $0.element.sequence != $0.offset + 1 }) {
            add(
                .init(
                    .missingEvent, caseID: id, sequence: gap.offset + 1,
                    "event \(gap.offset + 1) is missing or cannot be read (the next one read is \(gap.element.sequence))"
                ))
            return
        }
        guard events.count == summary.events else {
            add(
                .init(
                    .missingEvent, caseID: id,
                    "the store holds \(events.count) readable events, but the case's summary counts \(summary.events)"
                ))
            return
        }
        guard let blueprint = blueprints[summary.blueprint] else {
            add(.init(.blueprint, caseID: id, "its blueprint \(summary.blueprint) is missing or damaged"))
            return
        }
        var projection = CaseProjection(id: id, blueprint: blueprint)
        for event in events {
            do {
                try projection.check(event)
            } catch {
                add(.init(.fold, caseID: id, sequence: event.sequence, error.reason))
                return
            }
            projection.apply(event)
        }
        if projection.summary != summary {
            add(.init(.summary, caseID: id, "its summary is not the fold of its events"))
        }
    }

    /// Checks the departments a store's index says each case waits on (`stored`)
    /// against what the cases' summaries say.
    public mutating func checkDepartments(_ stored: [CaseID: Set<String>], summaries: [CaseID: CaseSummary]) {
        for id in Set(stored.keys).union(summaries.keys).sorted() {
            let expected = Set(summaries[id]?.waitingOn ?? [])
            let found = stored[id] ?? []
            if expected != found {
                add(
                    .init(
                        .index, caseID: id,
                        "the department table says it waits on \(found.sorted()), its summary on \(expected.sorted())"
                    ))
            }
        }
    }
}
