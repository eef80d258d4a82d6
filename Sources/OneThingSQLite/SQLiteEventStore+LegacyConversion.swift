import OneThingEvents

extension SQLiteEventStore {
    /// What converting a store of the first format (OneThing 0.1, commit 9e780a0) needs.
    ///
    /// That format kept every moment as “work time”: the working days counted from
    /// 1 January 2025 on the catalogue's working-day calendar, an hour being 1/8 of a day
    /// and a whole number 09:00 of a working day. Turning it into absolute time needs
    /// that calendar, which the caller loads (a store reads no YAML): the command line
    /// uses `catalogue.calendar(region: "CN")`. The calendar must cover every day the
    /// store's cases reach.
    ///
    /// The blueprints of that format had tasks whose limits were working days, a joint
    /// inspection folded into each task that took part; each becomes a blueprint of
    /// item steps with `TimeLimit(promised, .workdays)`, named by its ids (the
    /// departments by `departmentNames` where it has them), supervised by
    /// ``supervisor``, in region CN.
    public struct LegacyConversion: Sendable {
        /// The working-day calendar the work times were counted on.
        public var calendar: WorkdayCalendar
        /// The day work time was counted from: 2025-01-01, the first day of the oldest
        /// calendar OneThing 0.1 shipped.
        public var epoch: CalendarDate
        /// Department names by id, for the converted blueprints.
        public var departmentNames: [String: CaseBlueprint.DepartmentName]
        /// The office that supervises a lead department's own late steps.
        public var supervisor: String

        /// A conversion on `calendar`.
        public init(
            calendar: WorkdayCalendar, departmentNames: [String: CaseBlueprint.DepartmentName] = [:],
            supervisor: String = "government-services"
        ) {
            self.calendar = calendar
            self.epoch = CalendarDate(dayNumber: 20_089)  // 2025-01-01
            self.departmentNames = departmentNames
            self.supervisor = supervisor
        }

        /// The absolute moment of a work time, as OneThing 0.1 showed it: the working day
        /// `⌊time⌋ + 1` working days after the epoch, at 09:00 plus the fraction of the
        /// 8 office hours, to the minute (as it was shown).
        ///
        /// - Throws: ``WorkdayCalendar/OutOfRange`` when the day lies outside the
        ///   calendar; ``LegacyMigration/BadValue`` for a time that is negative, not
        ///   finite or beyond any calendar.
        func moment(at time: Double) throws -> Timestamp {
            guard time.isFinite, time >= 0, time < 1_000_000 else {
                throw LegacyMigration.BadValue(reason: "the work time \(time) is not a moment")
            }
            let whole = (time + 1e-9).rounded(.down)
            let fraction = max(0, time - whole)
            let date = try calendar.adding(workdays: Int(whole) + 1, to: epoch)
            let minute = Int((fraction * Double(WorkdayCalendar.officeDayMilliseconds) / 60_000).rounded())
            return Timestamp(china: date, hour: 0, minute: WorkdayCalendar.officeOpensMinute + minute)
        }
    }
}
