import ArgumentParser
import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation

/// `onething graph BUNDLE [--answers FILE] --format dot|mermaid`: the task graph.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a plan's task graph in DOT or Mermaid, with the critical path marked.",
        discussion: """
            With --answers or --case, the graph of that applicant's plan; without, of the \
            worst case (the applicant whose critical path is longest). Every item is drawn; \
            items that do not apply are dashed and grey, the critical path is bold and red.
            """)

    /// The graph formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case dot, mermaid
    }

    @Argument(help: "The bundle file.")
    var bundle: String

    @OptionGroup
    var answers: AnswersOptions

    @Option(help: "The graph format.")
    var format: Format = .dot

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder (default: the nearest 'catalogue' folder).", valueName: "dir"))
    var catalogue: String?

    func run() throws {
        let language = languageOptions.language
        let plan: Plan
        let loaded: BundleLoader.Loaded
        if answers.source != nil {
            let input = try PlanningInput.load(
                bundle: bundle, answers: answers.source, catalogue: catalogue, language: language)
            (plan, loaded) = (input.plan, input.loaded)
        } else {
            loaded = try PlanningInput.loadBundle(bundle, catalogue: catalogue, language: language)
            do {
                plan = try loaded.builder.worstCasePlan()
            } catch {
                PlanningInput.printDiagnostics(
                    error.diagnostics, sources: [loaded.source], language: language)
                throw ExitStatus.problemsFound
            }
        }
        let graph = PlanGraph(plan: plan, catalogue: loaded.catalogue, language: language)
        print(format == .dot ? graph.dot : graph.mermaid, terminator: "")
    }
}
