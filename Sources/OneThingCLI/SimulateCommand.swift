import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// `onething simulate BUNDLE --case NAME --cases N --seed S`: many virtual cases of one
/// applicant's plan against simulated departments, measured.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate many cases of one plan and measure completion times and the bottleneck.",
        discussion: """
            Runs --cases virtual cases of the plan, one after another, against simulated \
            departments (the adapters file says how they behave; departments it makes manual \
            are simulated too), and prints the completion times in working days (p50, p90, \
            p99), the on-time rate against the bundle's promise (按时办结率), the department \
            that most often holds up the critical path, and how the cases ended. The same \
            seed gives the same output, byte for byte; cases are accepted at 09:00 on --start \
            (default: today), and the first case is the one 'onething run' runs with the same \
            seed, start and answers on a new case database. Exit status: 0, 1 for problems with the \
            bundle, the answers or the adapters file, 2 for a usage error or a path that \
            cannot be read.
            """)

    /// The output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// For people.
        case text
        /// One JSON object: cases, p50, p90, p99, onTimeRate, bottleneck, and more.
        case json
    }

    @Argument(help: "The bundle file.")
    var bundle: String

    @OptionGroup
    var answers: AnswersOptions

    @Option(help: ArgumentHelp("The number of cases to simulate.", valueName: "n"))
    var cases: Int

    @Option(
        help: ArgumentHelp(
            "The adapters file: how the simulated departments behave (default: the standard behaviour).",
            valueName: "file"))
    var adapters: String?

    @Option(help: ArgumentHelp("The seed; the same seed gives the same figures.", valueName: "n"))
    var seed: UInt64

    @Option(help: "The output format.")
    var format: Format = .text

    @OptionGroup
    var start: StartDateOption

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder (default: the nearest 'catalogue' folder).", valueName: "dir"))
    var catalogue: String?

    func validate() throws {
        if cases < 1 { throw ValidationError("--cases takes a number of cases, 1 or more") }
    }

    func run() throws {
        let language = languageOptions.language
        let loaded = try PlanningInput.loadBundle(bundle, catalogue: catalogue, language: language)
        let source = try PlanningInput.answersOrFirstTestCase(answers.source, of: loaded, language: language)
        let input = PlanningInput(
            loaded: loaded, plan: try PlanningInput.plan(loaded, answers: source, language: language))
        let settings = try RuntimeInput.adapterSettings(
            adapters, departments: Set(input.loaded.catalogue.departments.keys), language: language)
        let calendar = input.loaded.catalogue.calendar(region: "CN")
        _ = try PlanningInput.schedule(input.plan, calendar: calendar, start: start.date, language: language)
        let blueprint = CaseBlueprint(plan: input.plan, catalogue: input.loaded.catalogue)
        let simulation = Simulation(
            blueprint: blueprint, calendar: calendar, start: start.date, settings: settings.simulation,
            seed: seed,
            answers: input.plan.answers.values.mapValues(\.description),
            provided: input.plan.materials.filter { $0.status == .bring }.map(\.id))
        let report: Simulation.Report
        do {
            report = try simulation.run(cases: cases)
        } catch {
            StandardError.writeLine("onething: " + PrintableText.escaped(error.description))
            throw ExitStatus.usageOrInputError
        }
        let summary = SimulationSummary(report: report, blueprint: blueprint, seed: seed, start: start.date)
        switch format {
        case .text: print(summary.text(in: language), terminator: "")
        case .json: print(try summary.json())
        }
    }
}
