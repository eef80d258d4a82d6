import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime

/// `onething case show ID`: a case's whole history, as a timeline to audit.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case's whole history as a numbered timeline.",
        discussion: """
            Every event with its time (working days after the start, and the date and hour \
            on the catalogue's calendar), the task and its department, the idempotency key of \
            every submission and the reason of every refusal, failure or supplement.
            """)

    /// The output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// The timeline, for people.
        case text
        /// The events as stored, one JSON object `{"case": …, "events": [...]}`.
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

    func run() throws {
        let language = languageOptions.language
        let context = try CaseContext.open(database, catalogue: catalogue, language: language)
        let (id, format) = (self.id, self.format)
        try AsyncBridge.wait {
            try await RuntimeFailure.guarding(language) {
                let (events, blueprint) = try await context.history(id)
                switch format {
                case .text:
                    let timeline = CaseTimeline(
                        events: events, blueprint: blueprint, names: context.names(for: blueprint),
                        dates: context.dates,
                        language: language)
                    print(timeline.text, terminator: "")
                case .json:
                    print(try Self.json(id: id, events: events))
                }
            }
        }
    }

    /// The events as stored.
    static func json(id: CaseID, events: [CaseEvent]) throws -> String {
        struct History: Encodable {
            var `case`: CaseID
            var events: [CaseEvent]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(History(case: id, events: events)), as: UTF8.self)
    }
}
