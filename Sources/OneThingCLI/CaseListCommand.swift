import ArgumentParser
import Foundation
import OneThing
import OneThingRuntime

/// `onething case list`: the cases of the case database, one line each.
struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the cases of the case database.")

    /// The output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// A line per case, for people.
        case text
        /// One JSON object `{"cases": [...]}`.
        case json
    }

    @Flag(help: "Only open cases.")
    var open = false

    @Flag(help: "Only delivered cases.")
    var closed = false

    @Option(
        help: ArgumentHelp("Only cases with an unfinished task at this department (its id).", valueName: "id")
    )
    var department: String?

    @Option(
        name: .customLong("due-by"),
        help: ArgumentHelp(
            "Only open cases whose promise falls due on or before this day (YYYY-MM-DD).", valueName: "date"))
    var dueBy: String?

    @Option(help: "The output format.")
    var format: Format = .text

    @OptionGroup
    var database: CaseStoreOptions

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder that names departments and dates times (default: bundles/catalogue).",
            valueName: "dir"))
    var catalogue: String?

    func validate() throws {
        if open, closed { throw ValidationError("give either --open or --closed, not both") }
        if let dueBy, CalendarDate(dueBy) == nil {
            throw ValidationError("--due-by takes a date that exists, as YYYY-MM-DD: '\(dueBy)'")
        }
    }

    func run() throws {
        let language = languageOptions.language
        let context = try CaseContext.open(database, catalogue: catalogue, language: language)
        var query = CaseQuery(open: open ? true : closed ? false : nil, department: department)
        if let dueBy, let date = CalendarDate(dueBy) {
            guard let dates = context.dates else {
                StandardError.writeLine(
                    context.say(
                        "onething: --due-by needs the catalogue's working-day calendar; name it with --catalogue",
                        "onething: --due-by 需要共享目录中的工作日历；请用 --catalogue 指定目录"))
                throw ExitStatus.usageOrInputError
            }
            query.dueBy = try RuntimeInput.time(atEndOf: date, on: dates, language: language)
        }
        if let department, let known = context.catalogue?.departments.keys, !known.contains(department) {
            let hint = Suggestion.hint(for: department, among: known)?.text(in: language) ?? ""
            StandardError.writeLine(
                context.say(
                    "onething: the catalogue has no department '\(department)'",
                    "onething: 部门目录中没有“\(department)”")
                    + (hint.isEmpty ? "" : context.say("; ", "；") + hint))
            throw ExitStatus.usageOrInputError
        }
        let (format, finalQuery) = (self.format, query)
        try AsyncBridge.wait {
            try await RuntimeFailure.guarding(language) {
                let cases = try await context.store.cases(finalQuery)
                let table = CaseListing(cases: cases, context: context)
                print(format == .json ? table.json : table.text, terminator: "")
            }
        }
    }
}
