import OneThing
import OneThingRuntime

/// Working days as the command line prints them.
public enum WorkDays {
    /// A limit: `11` for whole days, else as ``format(_:)``.
    public static func limit(_ days: Double) -> String {
        days == days.rounded() && abs(days) < 1e9 ? String(Int(days)) : format(days)
    }

    /// `2.5` → `2.50`.
    public static func format(_ days: Double) -> String {
        let hundredths = Int((days * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
