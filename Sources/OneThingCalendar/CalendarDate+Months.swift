extension CalendarDate {
    /// The same day of the month `months` months later (earlier when negative), or the
    /// last day of that month when it is shorter: January 31 plus one month is the
    /// last day of February (民法典 §202).
    public func adding(months: Int) -> CalendarDate {
        let monthsSinceYearZero = year * 12 + (month - 1) + months
        let monthIndex = (monthsSinceYearZero % 12 + 12) % 12
        let newYear = (monthsSinceYearZero - monthIndex) / 12
        let newMonth = monthIndex + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(existing: newYear, month: newMonth, day: newDay)
    }
}
