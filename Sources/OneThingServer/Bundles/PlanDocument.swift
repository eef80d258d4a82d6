import OneThing
import OneThingPlan

/// One applicant's plan as the API gives it: which items apply and why not, the steps
/// with their dates on the working-day calendar from the day of acceptance, the
/// materials to bring (or bring later, or replace by a commitment), and the promise.
/// The same plan the command line's `onething plan` explains and the notice prints.
struct PlanDocument: Encodable, Sendable {
    struct ItemEntry: Encodable, Sendable {
        var id: String
        var name: String
        var department: String
        var applies: Bool
        var promised: TimeLimit
        var start: String?
        var due: String?
        /// The time of day on `start` when the step starts inside office time.
        var startTime: String?
        /// The time of day on `due` when a step in hours ends inside office time.
        var dueTime: String?
        var critical: Bool
        /// The time its step takes that no limit counts (`not-counted:`), which `due`
        /// includes; absent when there is none.
        var notCounted: [UncountedEntry]?
        /// When the item applies only once results produced in the case are known (the
        /// grade an assessment decides); absent when it does not wait for one.
        var awaiting: AwaitingEntry?
    }

    /// The results produced in the case that an item waits for, and the values for which
    /// it applies: it is planned (`applies` is true, its dates are counted), but handled
    /// only once they are known and only for these values.
    struct AwaitingEntry: Encodable, Sendable {
        /// The ids of the outputs whose results decide, in the order the condition reads them.
        var results: [String]
        /// The combinations of their value ids (one per result, in that order) for which
        /// the item applies.
        var holdsFor: [[String]]
        /// What the applicant is told, in Chinese: 待“残疾评定结果”作出后确定：为一级或二级时办理.
        var text: String
    }

    /// A period an item's step takes that no limit counts: a 公示, a 专家评审.
    struct UncountedEntry: Encodable, Sendable {
        var name: String
        /// `lasts` (a fixed period) or `at-most` (the most it may take).
        var bound: String
        var period: TimeLimit
        /// The law that leaves it out of the limit, each cited as `law article`.
        var basis: [String]
    }

    struct InspectionEntry: Encodable, Sendable {
        var id: String
        var name: String
        var start: String?
        var due: String?
        /// The time of day on `start` when the inspection starts inside office time.
        var startTime: String?
        /// The time of day on `due` when it ends inside office time.
        var dueTime: String?
    }

    struct MaterialEntry: Encodable, Sendable {
        var id: String
        var name: String
        var status: String
        var core: Bool
        var deadline: TimeLimit?
        var issuedBy: String?
        var neededBy: [String]
        /// For a line the applicant chooses from: `any-of` or `all-that-apply`.
        var choice: String?
        /// For a line the applicant chooses from: the ids of its materials.
        var alternatives: [String]?
        /// True when a commitment could have replaced it and the applicant chose to bring it.
        var commitmentDeclined: Bool?
        /// For a bundle with parties: the parties that bring it; absent when it is
        /// brought once for the application.
        var parties: [String]?
    }

    /// A party of the bundle and whether it takes part for these answers.
    struct PartyEntry: Encodable, Sendable {
        var id: String
        var name: String
        var kind: String
        var takesPart: Bool
        var several: Bool?
    }

    /// An applicant's deadline: the day it falls on for this applicant, and whether the
    /// case is accepted after it.
    struct DeadlineEntry: Encodable, Sendable {
        var id: String
        var name: String
        var within: TimeLimit
        var from: String?
        var due: String?
        var passed: Bool?
    }

    /// The windows of the bundle or of an item that applies (`windows:`), and where
    /// the day of acceptance falls among them.
    struct WindowsEntry: Encodable, Sendable {
        /// One window as the bundle writes it.
        struct Window: Encodable, Sendable {
            var name: String
            /// `MM-DD` for a window of every year, `YYYY-MM-DD` for one year's.
            var from: String
            var to: String
            /// The year of a one-year window; absent for one of every year.
            var year: Int?
            var basis: String
            var note: String?
        }

        /// A window's days in one year.
        struct Days: Encodable, Sendable {
            var name: String
            var from: String
            var to: String
        }

        /// The item whose windows they are; absent for the bundle's.
        var item: String?
        var windows: [Window]
        /// `open`, `closed` or `not-published`.
        var state: String
        /// True when the case is accepted outside every window; absent when the year's
        /// dates are not known.
        var outside: Bool?
        /// The window the day of acceptance falls in.
        var open: Days?
        /// For a case accepted outside: the next window, when its dates are known.
        var next: Days?
        /// The year whose dates no notice gives (以当地当年公告为准): the year of
        /// acceptance, or the next window's.
        var notPublishedYear: Int?

        init(_ opening: WindowOpening) {
            func days(_ occurrence: WindowOpening.Occurrence) -> Days {
                Days(
                    name: occurrence.window.name, from: occurrence.days.lowerBound.description,
                    to: occurrence.days.upperBound.description)
            }
            item = opening.windows.item?.id.value
            windows = opening.windows.windows.map { window in
                let from: String
                let to: String
                switch window.dates.value {
                case .everyYear(let first, let last): (from, to) = (first.description, last.description)
                case .year(let first, let last): (from, to) = (first.description, last.description)
                }
                return Window(
                    name: window.name, from: from, to: to, year: window.dates.value.year,
                    basis: window.basis.cited.zh, note: window.note)
            }
            outside = opening.outside
            switch opening.state {
            case .open(let occurrence):
                state = "open"
                open = days(occurrence)
            case .closed(.opens(let occurrence)):
                state = "closed"
                next = days(occurrence)
            case .closed(.notPublished(let year)):
                state = "closed"
                notPublishedYear = year
            case .notPublished(let year):
                state = "not-published"
                notPublishedYear = year
            }
        }
    }

    var bundle: String
    var version: String
    var title: String
    var lead: String
    var promise: TimeLimit
    var accepted: String
    /// The day the limits count from: `accepted`, or the next working day after a rest day.
    var countsFrom: String
    var promisedBy: String
    var delivery: String
    var keepsPromise: Bool
    var provisionalYears: [Int]
    var answers: [String: String]
    var items: [ItemEntry]
    var inspections: [InspectionEntry]
    var materials: [MaterialEntry]
    var deadlines: [DeadlineEntry]
    var windows: [WindowsEntry]
    /// The bundle's parties; `nil` (absent) for a bundle without `parties:`.
    var parties: [PartyEntry]?

    /// The document of `plan` on `schedule`, made on `calendar`.
    init(plan: Plan, schedule: Schedule, calendar: WorkdayCalendar) {
        deadlines = DeadlineDate.all(of: plan, calendar: calendar, accepted: schedule.accepted).map { date in
            let deadline = date.deadline.deadline
            return DeadlineEntry(
                id: deadline.id.value, name: deadline.name, within: deadline.within.value,
                from: date.deadline.from?.description, due: date.due?.description, passed: date.passed)
        }
        windows = WindowOpening.all(of: plan, accepted: schedule.accepted).map(WindowsEntry.init)
        let bundle = plan.bundle
        let times = schedule.times
        let critical = Set(
            times.criticalPath.compactMap { step -> Int? in
                if case .item(let index) = step { return index }
                return nil
            })
        self.bundle = bundle.id.value
        version = bundle.version
        title = bundle.title
        lead = plan.lead.department
        promise = plan.promise
        accepted = schedule.accepted.description
        countsFrom = schedule.countsFrom.description
        promisedBy = schedule.promisedBy.description
        delivery = schedule.delivery.description
        keepsPromise = schedule.keepsPromise
        provisionalYears = schedule.provisionalYears
        answers = plan.answers.values.mapValues(\.description)
        items = plan.decisions.map { decision in
            let item = bundle.items[decision.index]
            return ItemEntry(
                id: item.id.value, name: item.name, department: item.department.value,
                applies: decision.applies,
                promised: plan.promised(ofItem: decision.index),
                start: times.itemStart[decision.index]?.date.description,
                due: times.itemFinish[decision.index]?.date.description,
                startTime: times.itemStart[decision.index]?.timeOfDay,
                dueTime: times.itemFinish[decision.index]?.timeOfDay,
                critical: critical.contains(decision.index),
                notCounted: item.notCounted.isEmpty
                    ? nil
                    : item.notCounted.map {
                        UncountedEntry(
                            name: $0.name, bound: $0.bound.rawValue, period: $0.period.value,
                            basis: $0.basis.map(\.cited))
                    },
                awaiting: decision.awaiting.map {
                    AwaitingEntry(
                        results: $0.outputs.map(\.id.value), holdsFor: $0.holdsFor.map { $0.map(\.id) },
                        text: $0.text.zh)
                })
        }
        inspections = plan.inspections.map { index in
            let inspection = bundle.inspections[index]
            return InspectionEntry(
                id: inspection.id.value, name: inspection.name,
                start: times.inspectionStart[index]?.date.description,
                due: times.inspectionFinish[index]?.date.description,
                startTime: times.inspectionStart[index]?.timeOfDay,
                dueTime: times.inspectionFinish[index]?.timeOfDay)
        }
        materials = plan.materials.map { entry in
            MaterialEntry(
                id: entry.id, name: entry.name, status: entry.status.rawValue, core: entry.core,
                deadline: entry.deadline, issuedBy: entry.issuedBy, neededBy: entry.neededBy,
                choice: entry.alternatives?.kind.rawValue,
                alternatives: entry.alternatives?.members.map(\.id),
                commitmentDeclined: entry.commitmentDeclined ? true : nil,
                parties: entry.parties.isEmpty ? nil : entry.parties)
        }
        parties =
            plan.parties.isEmpty
            ? nil
            : plan.parties.map { decision in
                PartyEntry(
                    id: decision.party.id.value, name: decision.party.name,
                    kind: decision.party.kind.rawValue,
                    takesPart: decision.takesPart, several: decision.party.several ? true : nil)
            }
    }
}
