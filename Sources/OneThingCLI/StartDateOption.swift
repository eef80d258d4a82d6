import ArgumentParser
import OneThing
import OneThingRuntime

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

    /// The day given, or today in China Standard Time.
    var date: CalendarDate { text.flatMap { CalendarDate($0) } ?? Timestamp.now.chinaDate }

    /// The moment a case started on ``date`` is accepted: 09:00 China Standard Time.
    var acceptedAt: Timestamp { Timestamp(china: date, hour: 9) }
}
