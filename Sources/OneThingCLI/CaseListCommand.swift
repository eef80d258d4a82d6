import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime

/// `onething case list`: the cases of the case database, one line each.
struct CaseListCommand: AsyncParsableCommand {
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
        help: ArgumentHelp(
            "Only cases with a step sent to this department and not finished (its id).", valueName: "id")
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

    func run() async throws {
        let language = languageOptions.language
        let session = try await CaseSession.open(
            database, catalogue: catalogue, readOnly: true, language: language)
        var query = CaseQuery(open: open ? true : closed ? false : nil, department: department)
        if let dueBy, let date = CalendarDate(dueBy) { query.dueBy = WorkdayCalendar.end(of: date) }
        if let department, let known = session.catalogue?.departments.keys, !known.contains(department) {
            let hint = Suggestion.hint(for: department, among: known)?.text(in: language) ?? ""
            StandardError.writeLine(
                language.say(
                    "onething: the catalogue has no department '\(PrintableText.escaped(department))'",
                    "onething: 部门目录中没有“\(PrintableText.escaped(department))”")
                    + (hint.isEmpty ? "" : language.say("; ", "；") + hint))
            throw ExitStatus.usageOrInputError
        }
        try await RuntimeFailure.guarding(language) {
            let cases = try await session.store.cases(query)
            var blueprints: [String: CaseBlueprint] = [:]
            for summary in cases where blueprints[summary.blueprint] == nil {
                blueprints[summary.blueprint] = try await session.store.blueprint(summary.blueprint)
            }
            let table = CaseListing(cases: cases, blueprints: blueprints, language: language)
            print(format == .json ? try table.json() : table.text, terminator: "")
        }
    }
}
