import Foundation

/// The Sun's apparent geocentric longitude, for finding solar terms (``SolarTerm``).
///
/// The method of Meeus, *Astronomical Algorithms* (2nd ed.), chapters 25 and 32: the
/// Earth's heliocentric longitude from the abridged VSOP87 series (Bretagnon and
/// Francou; Meeus's appendix III), turned geocentric, converted to the FK5 frame,
/// corrected for nutation in longitude (the four largest terms, chapter 22) and for
/// aberration. The result is good to about a second of arc.
enum SolarLongitude {
    /// The Sun's apparent longitude in degrees, 0 ..< 360, at the Julian Ephemeris Day
    /// `jde` (Terrestrial Time).
    static func apparent(julianEphemerisDay jde: Double) -> Double {
        let tau = (jde - 2_451_545.0) / 365_250  // Julian millennia from J2000.0
        var radians = 0.0
        var power = 1.0
        for series in earthLongitude {
            var sum = 0.0
            for term in series { sum += term.amplitude * cos(term.phase + term.frequency * tau) }
            radians += sum * power
            power *= tau
        }
        let t = tau * 10  // Julian centuries
        var degrees = radians / 1e8 * 180 / .pi + 180  // geocentric: the Earth seen from the Sun, turned
        degrees -= 0.090_33 / 3_600  // VSOP87 to FK5
        degrees += (nutationInLongitude(t) - 20.489_8 / sunDistance(t)) / 3_600
        return (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
    }

    /// Nutation in longitude in seconds of arc, from its four largest terms.
    static func nutationInLongitude(_ t: Double) -> Double {
        let node = radians(125.044_52 - 1_934.136_261 * t)
        let sun = radians(280.466_5 + 36_000.769_8 * t)
        let moon = radians(218.316_5 + 481_267.881_3 * t)
        return -17.20 * sin(node) - 1.32 * sin(2 * sun) - 0.23 * sin(2 * moon) + 0.21 * sin(2 * node)
    }

    /// The Sun's distance in astronomical units, from its mean anomaly (enough for the
    /// aberration, which it divides).
    static func sunDistance(_ t: Double) -> Double {
        let anomaly = radians(357.529_11 + 35_999.050_29 * t)
        let eccentricity = 0.016_708_634 - 0.000_042_037 * t
        let trueAnomaly = anomaly + radians(1.914_602 * sin(anomaly))
        return 1.000_001_018 * (1 - eccentricity * eccentricity) / (1 + eccentricity * cos(trueAnomaly))
    }

    /// ΔT = TT − UT in seconds for a decimal year, by the polynomials of Espenak and
    /// Meeus (NASA's *Five Millennium Canon of Solar Eclipses*) from 1986 to 2150.
    static func deltaT(year: Double) -> Double {
        if year < 2005 {
            let t = year - 2000
            return 63.86 + 0.334_5 * t - 0.060_374 * t * t + 0.001_727_5 * pow(t, 3) + 0.000_651_814
                * pow(t, 4)
                + 0.000_023_735_99 * pow(t, 5)
        }
        if year < 2050 {
            let t = year - 2000
            return 62.92 + 0.322_17 * t + 0.005_589 * t * t
        }
        let u = (year - 1820) / 100
        return -20 + 32 * u * u - 0.562_8 * (2150 - year)
    }

    static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }

    /// One periodic term of a VSOP87 series: amplitude × cos(phase + frequency × τ).
    struct Term: Sendable {
        let amplitude: Double
        let phase: Double
        let frequency: Double

        init(_ amplitude: Double, _ phase: Double, _ frequency: Double) {
            self.amplitude = amplitude
            self.phase = phase
            self.frequency = frequency
        }
    }
}
