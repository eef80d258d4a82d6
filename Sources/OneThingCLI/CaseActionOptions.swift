import ArgumentParser
import Foundation
import OneThing
import OneThingAccess
import OneThingRuntime
import OneThingSimulation

/// What every command that acts on one case takes besides the case: where the cases
/// are, the adapters (recorded with the case; given only to check), the catalogue whose
/// calendar counts working days, and the language.
struct CaseActionOptions: ParsableArguments {
    @OptionGroup
    var database: CaseStoreOptions

    @OptionGroup
    var adapterOptions: AdapterOptions

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder whose working-day calendar counts the case's limits (default: bundles/catalogue).",
            valueName: "dir"))
    var catalogue: String?

    /// Takes over case `id` (and nothing else), makes `change`, drives the case on until
    /// it is delivered or waits for a person, and prints what happened.
    func act(on id: CaseID, _ change: @escaping (CaseDriver) async throws -> Void) async throws {
        let language = languageOptions.language
        let session = try await CaseSession.open(database, catalogue: catalogue, language: language)
        let calendar = try session.requireCalendar()
        let journal = try RuntimeInput.journal(adapterOptions.journal, language: language)
        try await RuntimeFailure.guarding(language) {
            let (events, blueprint) = try await session.history(id)
            let adapters = try await session.adapters(for: id, options: adapterOptions, blueprint: blueprint)
            let driver = CaseDriver(
                store: session.store, calendar: calendar, adapters: adapters,
                start: events.last?.at ?? Timestamp.now, journal: journal)
            let runner = CaseRunner(session: session, driver: driver, repeated: repeated)
            try await runner.change(id, change)
        }
    }

    /// The options to repeat in the commands printed for the user.
    var repeated: [String] { database.repeated + (catalogue.map { ["--catalogue", $0] } ?? []) }
}

/// `--by ID`: who decides, as the case's history records it (its `decidedBy` event).
///
/// The command line checks no token: whoever can write the database can decide. So it
/// records what it knows for sure unless told: the operating system's account that ran
/// the command, as `os:NAME` (never mistaken for a principal of a principals file, whose
/// ids have no colon). `--by market-officer` names the officer instead, as the
/// principals file spells them.
struct DeciderOption: ParsableArguments {
    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "Who decides, as the case's history records it: a principal's id such as market-officer (default: the operating system's account that runs the command, as os:NAME).",
            valueName: "id"))
    var principal: String?

    func validate() throws {
        if let principal, !Principal.isID(principal) {
            throw ValidationError(
                "--by takes a principal's id (1 to 64 of a-z, 0-9, '-', '_', '.'), not '\(principal)'")
        }
    }

    /// The id the decision is recorded under.
    var recorded: String { principal ?? "os:" + Self.accountName }

    /// The name of the account the process runs as (its effective user), or `uidN`
    /// when the system has no name for it.
    static var accountName: String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid\(uid)" }
        return String(cString: name)
    }
}

/// `onething case approve ID STEP`: the officer of a manual department approves a step.
struct CaseApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a step, as the officer of its (manual) department.",
        discussion:
            "The case's history records who decided: --by ID, else the account that ran the command (os:NAME); "
            + "the number of each document the approval issued: --issued OUTPUT=NUMBER; "
            + "and each result it decided that a later step waits for: --result OUTPUT=VALUE."
    )

    @Argument(help: "The case id (see 'onething case list').")
    var id: String

    @Argument(help: "The step: the id of its item (or joint inspection), such as fire-check-normal.")
    var step: String

    @Option(
        name: .customLong("issued"),
        help: ArgumentHelp(
            "A document the approval issued and its number, as OUTPUT=NUMBER (one of the step's outputs), such as business-licence=91110000MA0000001X; repeat for each.",
            valueName: "output=number"))
    var issued: [String] = []

    @Option(
        name: .customLong("result"),
        help: ArgumentHelp(
            "A result the approval decided, as OUTPUT=VALUE (one of the step's outputs that declare values, and one of its values), such as assessment-result=two; the steps waiting for it are then sent or not needed. Required for each result a later step waits for.",
            valueName: "output=value"))
    var result: [String] = []

    @OptionGroup
    var decider: DeciderOption

    @OptionGroup
    var options: CaseActionOptions

    func validate() throws {
        _ = try documents()
        _ = try results()
    }

    /// The documents `--issued` names: output id → number.
    func documents() throws(ValidationError) -> [String: String] {
        try Self.pairs(
            issued, option: "--issued", example: "business-licence=91110000MA0000001X", shape: "NUMBER")
    }

    /// The results `--result` names: output id → value id.
    func results() throws(ValidationError) -> [String: String] {
        try Self.pairs(result, option: "--result", example: "assessment-result=two", shape: "VALUE")
    }

    /// `OUTPUT=WHAT` pairs of option `option`, by output; an output named twice, or a
    /// pair without both sides, is refused.
    static func pairs(_ given: [String], option: String, example: String, shape: String)
        throws(ValidationError) -> [String: String]
    {
        var pairs: [String: String] = [:]
        for pair in given {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("\(option) takes OUTPUT=\(shape), such as \(example); got '\(pair)'")
            }
            guard pairs.updateValue(parts[1], forKey: parts[0]) == nil else {
                throw ValidationError("\(option) names \(parts[0]) twice")
            }
        }
        return pairs
    }

    func run() async throws {
        let (id, step, by) = (self.id, self.step, decider.recorded)
        let (documents, results) = (try documents(), try results())
        try await options.act(on: id) {
            try await $0.decide(
                .approved, case: id, step: step, by: by, documents: documents, results: results)
        }
    }
}

/// `onething case reject ID STEP --reason TEXT`: the officer of a manual department
/// rejects a step, saying why.
struct CaseRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a step, as the officer of its (manual) department, saying why.")

    @Argument(help: "The case id (see 'onething case list').")
    var id: String

    @Argument(help: "The step: the id of its item (or joint inspection).")
    var step: String

    @Option(
        help: ArgumentHelp("Why, for the applicant and the case's history (required).", valueName: "text"))
    var reason: String

    @OptionGroup
    var decider: DeciderOption

    @OptionGroup
    var options: CaseActionOptions

    func validate() throws {
        if !reason.contains(where: { !$0.isWhitespace }) {
            throw ValidationError("--reason must say why: the applicant is told it")
        }
    }

    func run() async throws {
        let (id, step, reason, by) = (self.id, self.step, self.reason, decider.recorded)
        try await options.act(on: id) {
            try await $0.decide(.rejected(reason: reason), case: id, step: step, by: by)
        }
    }
}

/// `onething case request-supplement ID STEP --reason TEXT`: the officer of a manual
/// department asks the applicant for a supplement (补正); the step's clock stops.
struct CaseRequestSupplementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request-supplement",
        abstract:
            "Ask the applicant for a supplement (补正) to a step, as its department's officer, saying what.")

    @Argument(help: "The case id (see 'onething case list').")
    var id: String

    @Argument(help: "The step: the id of its item (or joint inspection).")
    var step: String

    @Option(help: ArgumentHelp("What the applicant must supplement (required).", valueName: "text"))
    var reason: String

    @OptionGroup
    var decider: DeciderOption

    @OptionGroup
    var options: CaseActionOptions

    func validate() throws {
        if !reason.contains(where: { !$0.isWhitespace }) {
            throw ValidationError("--reason must say what to supplement: the applicant is told it")
        }
    }

    func run() async throws {
        let (id, step, reason, by) = (self.id, self.step, self.reason, decider.recorded)
        try await options.act(on: id) {
            try await $0.decide(.supplementRequested(note: reason), case: id, step: step, by: by)
        }
    }
}

/// `onething case supply ID MATERIAL`: the applicant brings a deferred material (容缺).
struct CaseSupplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supply", abstract: "Record that the applicant brought a deferred material (容缺).")

    @Argument(help: "The case id.")
    var id: String

    @Argument(help: "The material's id.")
    var material: String

    @OptionGroup
    var options: CaseActionOptions

    func run() async throws {
        let (id, material) = (self.id, self.material)
        try await options.act(on: id) { try await $0.supply(material, case: id) }
    }
}

/// `onething case supplement ID STEP`: the applicant supplied what a department asked for (补正).
struct CaseSupplementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supplement",
        abstract: "Record that the applicant supplied what a department asked for (补正).")

    @Argument(help: "The case id.")
    var id: String

    @Argument(help: "The step: the id of its item (or joint inspection).")
    var step: String

    @OptionGroup
    var options: CaseActionOptions

    func run() async throws {
        let (id, step) = (self.id, self.step)
        try await options.act(on: id) { try await $0.supplement(case: id, step: step) }
    }
}

/// `onething case resume ID`: continues a case left open by a process that was killed:
/// steps sent without an answer are sent again under the same idempotency key.
struct CaseResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a case left open by a process that stopped (killed, or the machine went down).",
        discussion: """
            Loads the case from the database, sends again (under the same idempotency keys) \
            the steps that had no answer, and drives the case on as 'onething run' would, \
            until it is delivered or waits for a person.
            """)

    @Argument(help: "The case id.")
    var id: String

    @OptionGroup
    var options: CaseActionOptions

    func run() async throws {
        try await options.act(on: id) { _ in }
    }
}
