import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime

/// `onething case show ID`: a case's whole history, as a timeline to audit.
struct CaseShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case's whole history as a numbered timeline.",
        discussion: """
            Every event with its moment (the date and hour in China Standard Time and, when \
            the catalogue's working-day calendar is at hand, the working days since the start), \
            the step and its department, the idempotency key of every submission and the \
            reason of every refusal, failure or supplement. Names and dates come from the \
            case database itself, so a case reads the same wherever the command runs. \
            --format json prints one document whose shape grammar/case.schema.json describes.
            """)

    /// The output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// The timeline, for people.
        case text
        /// The case as one JSON document (`grammar/case.schema.json`).
        case json
    }

    @Argument(help: "The case id (see 'onething case list').")
    var id: String

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

    func run() async throws {
        let language = languageOptions.language
        let session = try await CaseSession.open(
            database, catalogue: catalogue, readOnly: true, language: language)
        try await RuntimeFailure.guarding(language) {
            let (events, blueprint) = try await session.history(id)
            switch format {
            case .text:
                let timeline = CaseTimeline(
                    events: events, blueprint: blueprint, calendar: session.calendar, language: language)
                print(timeline.text, terminator: "")
            case .json:
                print(try CaseDocument(events: events, blueprint: blueprint).json())
            }
        }
    }
}
