@_exported import OneThingCalendar

extension WorkdayCalendar {
    /// Builds the calendar of `region` from the catalogue's calendar years (the State
    /// Council's notices), completed for the mainland with provisional years computed
    /// from the law (``WorkdayCalendar/init(region:notices:)``); years of other regions
    /// are ignored.
    public init(region: String, years: [CalendarYear]) {
        self.init(region: region, notices: years.filter { $0.region == region }.map(\.arrangement))
    }
}

extension CalendarYear {
    /// The year's arrangement as the calendar needs it: its named holiday periods (a
    /// period that ends before it starts, an error of the file, is left out) and its
    /// make-up working days.
    public var arrangement: WorkdayCalendar.Arrangement {
        WorkdayCalendar.Arrangement(
            year: year,
            periods: holidays.filter { $0.from <= $0.to }.map {
                HolidayPeriod(name: $0.name, days: $0.from...$0.to)
            },
            makeUpWorkdays: makeUpWorkdays.map(\.value))
    }
}
