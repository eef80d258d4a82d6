import OneThingCalendar
import Testing

/// Numbers for people: whole values without a point, others rounded half away from
/// zero, and values no integer can hold written as Swift writes them instead of a trap.
struct DecimalTextTests {
    @Test func wholeValuesHaveNoPointAndOthersLoseTrailingZeros() {
        #expect(DecimalText.trimmed(6, places: 2) == "6")
        #expect(DecimalText.trimmed(6.5, places: 2) == "6.5")
        #expect(DecimalText.trimmed(7.142857, places: 2) == "7.14")
        #expect(DecimalText.trimmed(2.005, places: 1) == "2")
        #expect(DecimalText.trimmed(-3.25, places: 1) == "-3.3")
    }

    @Test func fixedPlacesKeepTheirZeros() {
        #expect(DecimalText.fixed(2.5, places: 2) == "2.50")
        #expect(DecimalText.fixed(0.05, places: 2) == "0.05")
        #expect(DecimalText.fixed(-0.5, places: 1) == "-0.5")
        #expect(DecimalText.fixed(3, places: 0) == "3")
        #expect(DecimalText.fixed(89.25, places: 1) == "89.3")
    }

    @Test func valuesBeyondAnyIntegerAreWrittenNotTrapped() {
        #expect(DecimalText.trimmed(1e20, places: 2) == "1e+20")
        #expect(DecimalText.fixed(-1e20, places: 2) == "-1e+20")
        #expect(DecimalText.trimmed(.infinity, places: 1) == "inf")
        #expect(DecimalText.trimmed(.nan, places: 1) == "nan")
        #expect(DecimalText.trimmed(Double(Int64.max), places: 0) == "9.223372036854776e+18")
    }
}
