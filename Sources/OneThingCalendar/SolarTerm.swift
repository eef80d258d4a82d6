/// A solar term (节气): the moment the Sun's apparent geocentric longitude reaches a
/// multiple of 15°, and the day in China Standard Time (UTC+8) on which it falls.
///
/// The statutory holiday 清明节 is the day of the term 清明 (15°): 2025-04-04,
/// 2026-04-05, 2027-04-05. The Sun's longitude comes from the abridged VSOP87 theory
/// (``SolarLongitude``), good to about a second of arc, that is to under a minute of
/// time; over ``years`` the tests check every 清明 against an independent ephemeris.
/// The closest call is 2071, whose 清明 falls about ten minutes after midnight.
public struct SolarTerm: Hashable, Sendable {
    /// The term's name: `清明`.
    public let name: String
    /// The Sun's apparent longitude at the term, in degrees: 0 at the March equinox
    /// (春分), 15 at 清明.
    public let longitude: Int

    /// A term at `longitude` degrees (a multiple of 15, 0 to 345).
    public init(name: String, longitude: Int) {
        self.name = name
        self.longitude = longitude
    }

    /// 清明, at 15°.
    public static let qingming = SolarTerm(name: "清明", longitude: 15)

    /// The years for which the day of a term is computed: those where ΔT (TT − UT) has
    /// a well-established expression (Espenak and Meeus's polynomials).
    public static let years: ClosedRange<Int> = 1986...2150

    /// The day in China Standard Time on which the term falls in `year`, or `nil`
    /// outside ``years``.
    public func date(in year: Int) -> CalendarDate? {
        guard Self.years.contains(year), let moment = moment(in: year) else { return nil }
        // Julian day 2440587.5 is 1970-01-01 00:00 UT; China Standard Time is 8 hours ahead.
        return CalendarDate(dayNumber: Int((moment - 2_440_587.5 + 8.0 / 24).rounded(.down)))
    }

    /// The moment of the term in `year`, as a Julian day in Universal Time, found by
    /// Newton's method from the day the Sun's mean motion gives. Each step divides the
    /// error by about 400 (the Sun's true motion is within 0.3 % of its mean motion), so
    /// a step taken from an error under 0.01° leaves one under 0.1″, about 2 seconds.
    func moment(in year: Int) -> Double? {
        guard let january1 = CalendarDate(year: year, month: 1, day: 1) else { return nil }
        let tropicalYear = 365.242_2
        // The Sun is near 280° on January 1, so every term falls within the Gregorian year.
        let degreesAfterJanuary1 = Double(((longitude - 280) % 360 + 360) % 360)
        var moment = Double(january1.dayNumber) + 2_440_587.5 + degreesAfterJanuary1 / 360 * tropicalYear
        let deltaT = SolarLongitude.deltaT(year: Double(year) + degreesAfterJanuary1 / 360) / 86_400
        for _ in 0..<8 {
            let apparent = SolarLongitude.apparent(julianEphemerisDay: moment + deltaT)
            var error = (Double(longitude) - apparent).truncatingRemainder(dividingBy: 360)
            if error > 180 { error -= 360 }
            if error < -180 { error += 360 }
            moment += error / 360 * tropicalYear
            if abs(error) < 0.01 { return moment }
        }
        return moment
    }
}
