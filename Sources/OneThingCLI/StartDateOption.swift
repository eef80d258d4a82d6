import ArgumentParser
import Foundation
import OneThing

/// The `--start DATE` option of the commands that schedule a plan.
struct StartDateOption: ParsableArguments {
    @Option(
        name: .customLong("start"),
        help: ArgumentHelp("The day the case is accepted, YYYY-MM-DD (default: today).", valueName: "date"))
    var text: String?

    func validate() throws {
        if let text, CalendarDate(text) == nil {
            throw ValidationError("--start takes a date that exists, as YYYY-MM-DD: '\(text)'")
        }
    }

    /// The day given, or today in the local time zone.
    var date: CalendarDate {
        if let text, let date = CalendarDate(text) { return date }
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
