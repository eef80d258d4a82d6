import ArgumentParser
import Foundation
import OneThing

/// `onething calendar add|count`: working-day arithmetic on the calendar of a
/// catalogue folder, as the planner does it.
///
/// Output is one line on standard output: the answer, followed by `provisional
/// (暂定)` (`暂定` in Chinese) when a day it rests on lies in a provisional year (no
/// State Council notice in the catalogue; the reason is on standard error). Exit
/// status: 0 with an answer, 2 for a usage error, a date that is not one or that the
/// calendar does not cover, or a catalogue folder that is missing or has errors (the
/// message is on standard error).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Add and count working days on the calendar of a catalogue.",
        discussion: """
            The first date is not counted: 1 working day after a Friday is the next \
            working day. Dates are YYYY-MM-DD and must lie in the years the calendar \
            covers: the years of the State Council's notices in the catalogue and, for \
            CN, every later year through 2100, computed from 全国年节及纪念日放假办法 \
            without make-up working days. An answer that rests on such a year is \
            followed by the word "provisional (暂定)", and the reason is printed on \
            standard error. Exit status: 0 with an answer, 2 for a usage error, a date \
            the calendar does not cover, or a catalogue folder that is missing or has errors.
            """,
        subcommands: [Add.self, Count.self])

    /// `onething calendar add DATE N`: the day a limit of N working days started on DATE
    /// ends (`WorkdayCalendar.due(after:limit:)`).
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Print the day a limit of N working days started on DATE ends, as YYYY-MM-DD.",
            discussion: """
                DATE (the day of acceptance) is not counted. A DATE that is a rest day \
                counts as the next working day, which is not counted either, as offices \
                count what they receive on rest days: 1 working day from a Saturday ends \
                on Tuesday. N = 0 prints DATE when it is a working day, else the next \
                working day. The planner and the runtime count limits the same way.
                """)

        @Argument(help: ArgumentHelp("The start date, YYYY-MM-DD; it is not counted.", valueName: "date"))
        var date: String

        @Argument(help: ArgumentHelp("The number of working days to add, 0 or more.", valueName: "n"))
        var workdays: Int

        @OptionGroup
        var options: CalendarOptions

        func validate() throws {
            guard workdays >= 0 else {
                throw ValidationError("N must be 0 or more, not \(workdays).")
            }
        }

        func run() throws {
            let start = try options.date(date)
            let calendar = try options.calendar()
            do {
                let end = try calendar.due(after: start, limit: TimeLimit(Double(workdays), .workdays))
                options.printAnswer(end.description, calendar: calendar, from: start, through: end)
            } catch {
                throw options.fail(options.outsideMessage(error))
            }
        }
    }

    /// `onething calendar count FROM TO`: the working days after FROM up to and
    /// including TO.
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "count",
            abstract: "Print the number of working days after FROM up to and including TO.",
            discussion: "The number is negative when TO is before FROM.")

        @Argument(help: ArgumentHelp("The first date, YYYY-MM-DD; it is not counted.", valueName: "from"))
        var from: String

        @Argument(help: ArgumentHelp("The last date, YYYY-MM-DD; it is counted.", valueName: "to"))
        var to: String

        @OptionGroup
        var options: CalendarOptions

        func run() throws {
            let first = try options.date(from)
            let last = try options.date(to)
            let calendar = try options.calendar()
            do {
                let count = try calendar.workdays(from: first, through: last)
                options.printAnswer(String(count), calendar: calendar, from: first, through: last)
            } catch {
                throw options.fail(options.outsideMessage(error))
            }
        }
    }
}

/// The options of every `onething calendar` subcommand, and reading what they name.
struct CalendarOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The catalogue folder that holds the calendar files.", valueName: "dir"))
    var catalogue = "bundles/catalogue"

    @Option(help: ArgumentHelp("The region of the calendar.", valueName: "region"))
    var region = "CN"

    @OptionGroup
    var languageOptions: LanguageOptions

    /// The date written as `text`, or exit status 2 with a message.
    func date(_ text: String) throws(ExitCode) -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw fail(
                LocalizedText(
                    en: "'\(text)' is not a date; write YYYY-MM-DD, such as 2025-10-09",
                    zh: "“\(text)”不是日期，请写成 YYYY-MM-DD，如 2025-10-09"))
        }
        return date
    }

    /// The region's calendar from the catalogue folder, or exit status 2 with a message
    /// when the folder is missing, has errors, or has no calendar for the region.
    func calendar() throws(ExitCode) -> WorkdayCalendar {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: catalogue, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw fail(
                LocalizedText(
                    en: "\(catalogue): the catalogue folder does not exist",
                    zh: "\(catalogue)：共享目录文件夹不存在"))
        }
        let loaded = CatalogueLoader.load(folder: catalogue)
        if loaded.hasErrors {
            let errors = loaded.reports.values.sorted { $0.path < $1.path }
                .flatMap { $0.diagnostics.filter { $0.severity == .error } }
            let language = languageOptions.language
            let lines = errors.map { "  \($0.span): \($0.message.text(in: language))" }
            throw fail(
                LocalizedText(
                    en: "the catalogue in \(catalogue) has errors ('onething validate' shows them in full):",
                    zh: "\(catalogue) 中的共享目录有错误（“onething validate”可显示详情）："),
                details: lines)
        }
        let calendar = loaded.catalogue.calendar(region: region)
        guard !calendar.years.isEmpty else {
            throw fail(
                LocalizedText(
                    en: "\(catalogue) has no calendar for the region \(region)",
                    zh: "\(catalogue) 中没有地区 \(region) 的日历"))
        }
        return calendar
    }

    /// The message for a date that the calendar does not cover.
    func outsideMessage(_ error: WorkdayCalendar.OutOfRange) -> LocalizedText {
        let years = WorkdayCalendar.describe(years: error.years)
        return LocalizedText(
            en:
                "\(error.date) lies outside the years that the \(region) calendar in \(catalogue) covers (\(years))",
            zh: "\(error.date) 不在 \(catalogue) 中 \(region) 日历覆盖的年份（\(years)）之内")
    }

    /// Prints `answer` as the one line of standard output, followed by the word
    /// `provisional (暂定)` when a day from `start` through `end` lies in a provisional
    /// year of `calendar`, with the reason on standard error.
    func printAnswer(
        _ answer: String, calendar: WorkdayCalendar, from start: CalendarDate, through end: CalendarDate
    ) {
        let provisional = calendar.provisionalYears(from: start, through: end)
        guard !provisional.isEmpty else {
            print(answer)
            return
        }
        let language = languageOptions.language
        print(answer + " " + WorkdayCalendar.provisionalWord.text(in: language))
        let reason = WorkdayCalendar.provisionalReason(years: provisional).text(in: language)
        StandardError.writeLine(
            "onething: " + WorkdayCalendar.provisionalWord.text(in: language) + (language == .zh ? "：" : ": ")
                + reason)
    }

    /// Writes `message` (and the `details` lines under it) to standard error and gives
    /// the exit status of an input error.
    func fail(_ message: LocalizedText, details: [String] = []) -> ExitCode {
        StandardError.writeLine("onething: " + message.text(in: languageOptions.language))
        for line in details { StandardError.writeLine(line) }
        return ExitStatus.usageOrInputError
    }
}
