@_exported import OneThingCalendar

extension WorkdayCalendar {
    /// Builds the calendar of `region` from the catalogue's calendar years; years of
    /// other regions are ignored.
    public init(region: String, years: [CalendarYear]) {
        self.init(
            region: region,
            arrangements: years.filter { $0.region == region }.map { year in
                WorkdayCalendar.Arrangement(
                    year: year.year,
                    holidays: year.holidays.filter { $0.from <= $0.to }.map { $0.from...$0.to },
                    makeUpWorkdays: year.makeUpWorkdays.map(\.value))
            })
    }
}
