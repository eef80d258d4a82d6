import ArgumentParser
import Foundation
import OneThing
import OneThingPlan

/// `onething plan BUNDLE --answers FILE`: one applicant's plan, explained in the terminal.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract:
            "Show one applicant's plan: the items and why they apply, due dates, the critical path, materials.",
        discussion: """
            Problems with the bundle or the answers are printed to standard error; exit \
            status 1 for those, 2 for a usage error or a path that cannot be read.
            """)

    @Argument(help: "The bundle file.")
    var bundle: String

    @OptionGroup
    var answers: AnswersOptions

    @OptionGroup
    var start: StartDateOption

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder (default: the nearest 'catalogue' folder).", valueName: "dir"))
    var catalogue: String?

    func run() throws {
        let language = languageOptions.language
        let input = try PlanningInput.load(
            bundle: bundle, answers: answers.source, catalogue: catalogue, language: language)
        let schedule = try PlanningInput.schedule(input, start: start.date, language: language)
        print(
            PlanExplanation(
                plan: input.plan, schedule: schedule, catalogue: input.loaded.catalogue, language: language
            ).text)
    }
}
