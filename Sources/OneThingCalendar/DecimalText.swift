/// Numbers as OneThing writes them for people: days, fees, figures and coordinates.
/// Whole values have no decimal point; others are rounded (half away from zero) to a
/// number of decimals. A value too large to round exactly, or not finite, is written
/// as Swift writes it (`1e+20`, `inf`): never a trap, whatever a file says.
public enum DecimalText {
    /// The largest magnitude, in units of the last decimal, that rounds exactly.
    static let exactLimit = 9.0e15

    /// `value` rounded to `places` decimals without trailing zeros: `6`, `6.5`, `7.14`.
    public static func trimmed(_ value: Double, places: Int) -> String {
        var text = fixed(value, places: places)
        guard value.isFinite, text.contains("."), !text.contains("e") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `value` rounded to exactly `places` decimals: `2.50`, `-0.5`, `3`.
    public static func fixed(_ value: Double, places: Int) -> String {
        let places = max(0, min(places, 9))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < exactLimit else { return String(value) }
        let units = Int64(scaled)
        let magnitude = units.magnitude
        let sign = units < 0 ? "-" : ""
        let divisor = UInt64(scale)
        let whole = "\(sign)\(magnitude / divisor)"
        guard places > 0 else { return whole }
        let fraction = String(magnitude % divisor)
        return whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
